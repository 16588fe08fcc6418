package org.uprflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Which bodies the NUL check parses: every one that can hold a NUL, and no other (SafeAnswersIT sends them). */
class NulInEngineBodiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aBodyWithoutTheEscapeOrAZeroByteIsNotParsed() throws Exception {
        byte[] body = utf8("{\"variables\":{\"stakeholderReportTitle\":{\"value\":\"Draft \\u00e9 \\\\ u0000\",\"type\":\"String\"}}}");

        assertThat(NulInEngineBodies.mayHoldNul(body)).isFalse();
        assertThat(NulInEngineBodies.fieldWithNul(JSON.readTree(body), "")).isNull();
    }

    @Test
    void theEscapedNulIsFoundAnywhereAndNamesItsField() throws Exception {
        byte[] body = utf8("{\"variables\":{\"report\":{\"value\":\"Draft\\u0000 with a NUL\"}}}");

        assertThat(NulInEngineBodies.mayHoldNul(body)).isTrue();
        assertThat(NulInEngineBodies.fieldWithNul(JSON.readTree(body), "")).isEqualTo("variables.report.value");
        assertThat(NulInEngineBodies.mayHoldNul(utf8("\\u0000"))).isTrue();
        assertThat(NulInEngineBodies.mayHoldNul(utf8("\"a\\u000"))).isFalse();
    }

    @Test
    void aZeroByteOrATextInUtf16IsParsed() {
        assertThat(NulInEngineBodies.mayHoldNul(new byte[] {'{', '"', 'a', '"', ':', '"', 0, '"', '}'})).isTrue();
        assertThat(NulInEngineBodies.mayHoldNul("{\"a\":\"b\"}".getBytes(StandardCharsets.UTF_16LE))).isTrue();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
