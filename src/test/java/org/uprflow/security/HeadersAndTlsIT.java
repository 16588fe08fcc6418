package org.uprflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.uprflow.testing.Http;
import org.uprflow.testing.PostgresIntegrationTest;
import org.uprflow.testing.World;

/** Headers of the platform's answers, behind a TLS-terminating proxy and without one. */
class HeadersAndTlsIT extends PostgresIntegrationTest {

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>|\\son[a-z]+\\s*=|javascript:",
            Pattern.CASE_INSENSITIVE);

    @Test
    void pagesForbidInlineScriptAndSendNoReferrerElsewhere() {
        for (String page : List.of("/login/", "/register/", "/dashboard/", "/report/")) {
            Http.Response answer = http.anonymous().get(page);
            assertThat(answer.status()).as(page).isEqualTo(200);
            String policy = answer.headers().getFirst("Content-Security-Policy");
            assertThat(policy).as(page).contains("script-src 'self';").contains("object-src 'none'")
                    .contains("frame-ancestors 'none'");
            assertThat(answer.headers().getFirst("Referrer-Policy")).isEqualTo("same-origin");
        }
        assertThat(world.as(World.KE_CSO).get("/api/session").headers().getFirst("Referrer-Policy")).isEqualTo("same-origin");
    }

    /** Every page the platform ships, found on the classpath: a new page is checked without a new test. */
    @Test
    void noPageHoldsAnInlineScriptOrHandler() throws IOException {
        Resource[] pages = new PathMatchingResourcePatternResolver().getResources("classpath*:static/**/*.html");
        assertThat(pages).hasSizeGreaterThanOrEqualTo(4);
        for (Resource page : pages) {
            String html = page.getContentAsString(StandardCharsets.UTF_8);
            assertThat(INLINE_SCRIPT.matcher(html).find()).as(page.getFilename()).isFalse();
        }
    }

    @Test
    void behindTlsAnswersCarryHstsAndSecureCookies() throws Exception {
        Http.Response overTls = http.withHeader("X-Forwarded-Proto", "https").get("/login/");
        assertThat(overTls.headers().getFirst("Strict-Transport-Security")).contains("max-age=");
        assertThat(http.anonymous().get("/login/").headers().getFirst("Strict-Transport-Security"))
                .as("plain HTTP gets no HSTS").isNull();

        assertThat(sessionCookieOfLogin("https")).contains("Secure");
        assertThat(sessionCookieOfLogin("http")).doesNotContain("Secure");
    }

    @Test
    void engineMetricsAreForAdminsOnly() {
        assertThat(world.as(World.KE_CSO).get("/engine-rest/metrics/activity-instance/sum").status()).isEqualTo(403);
        assertThat(world.as(World.KE_MANAGER).get("/engine-rest/metrics").status()).isEqualTo(403);
        assertThat(world.admin().get("/engine-rest/metrics/activity-instance/sum").status()).isEqualTo(200);
        Http.Caller cockpit = http.webappLogin(World.KE_MANAGER, World.PASSWORD, "cockpit");
        assertThat(cockpit.get("/camunda/api/engine/engine/default/metrics/activity-instance/sum").status())
                .isEqualTo(403);
    }

    /**
     * The cookies the webapps set on a browser's first visit (its session and CSRF token) when the
     * request reached the proxy over {@code scheme}.
     */
    private String sessionCookieOfLogin(String scheme) throws Exception {
        HttpResponse<String> first = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(http.baseUrl()
                + "/camunda/api/admin/auth/user/default")).header("X-Forwarded-Proto", scheme).build(),
                HttpResponse.BodyHandlers.ofString());
        List<String> cookies = first.headers().allValues("Set-Cookie");
        assertThat(cookies).as("a session starts").isNotEmpty();
        return String.join("\n", cookies);
    }
}
