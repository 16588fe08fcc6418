package org.uprflow.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * axe-core's accessibility rules (WCAG 2.1 A and AA) run in the page a {@link Browser} shows. The script comes
 * from a test dependency (Deque's {@code com.deque.html.axe-core:selenium} jar carries {@code axe.min.js}), never
 * from the network at run time.
 */
public final class Axe {

    private static final String SCRIPT = load();

    private Axe() {
    }

    /** Each violation as "rule: help (selector of each element at fault)"; empty when the page passes. */
    public static List<String> violations(Browser browser) {
        return run(browser, "{ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }");
    }

    /** The violations of the named rules only (for example {@code color-contrast} on a page the platform only styles). */
    public static List<String> violationsOf(Browser browser, String... rules) {
        return run(browser, "{ runOnly: { type: 'rule', values: ['" + String.join("', '", rules) + "'] } }");
    }

    @SuppressWarnings("unchecked")
    private static List<String> run(Browser browser, String options) {
        if (!Boolean.TRUE.equals(browser.script("return typeof window.axe === 'object'"))) {
            browser.script(SCRIPT);
        }
        Object result = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, Object.assign(arguments[0], { resultTypes: ['violations'] }))
                  .then(r => done(r.violations.map(v => ({ id: v.id, help: v.help,
                      nodes: v.nodes.map(n => n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' ')) }))))
                  .catch(e => done([{ id: 'axe-error', help: String(e), nodes: [] }]));
                """, browser.script("return " + options));
        List<String> violations = new ArrayList<>();
        for (Map<String, Object> violation : (List<Map<String, Object>>) result) {
            violations.add(violation.get("id") + ": " + violation.get("help") + " " + violation.get("nodes"));
        }
        return violations;
    }

    private static String load() {
        try (InputStream in = Axe.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core:selenium)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
