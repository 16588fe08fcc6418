package org.uprflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** What the compressed copies change of a file: the order of a font's formats in Camunda's stylesheets, nothing else. */
class CompressedCopiesTest {

    @Test
    void aFontNamedAsWoffBeforeWoff2IsNamedWoff2First() {
        String css = "@font-face{font-family:'IBMPlexSans';src: url(../../assets/IBMPlexSans-Regular.woff?bust=7.24.0) "
                + "format('woff'), url(../../assets/IBMPlexSans-Regular.woff2?bust=7.24.0) format('woff2');}";
        String reordered = new String(CompressedCopies.woff2First(css.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        assertThat(reordered).isEqualTo("@font-face{font-family:'IBMPlexSans';src: "
                + "url(../../assets/IBMPlexSans-Regular.woff2?bust=7.24.0) format('woff2'), "
                + "url(../../assets/IBMPlexSans-Regular.woff?bust=7.24.0) format('woff');}");
    }

    @Test
    void everyOtherRuleStaysAsItIs() {
        String css = "src: url(a.woff2) format('woff2'), url(a.woff) format('woff'); body{color:#333}"
                + " src: url(b.woff?x) format('woff'), url(c.woff2?x) format('woff2');";
        assertThat(new String(CompressedCopies.woff2First(css.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8))
                .isEqualTo(css);
    }
}
