package org.uprflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.uprflow.testing.Http;
import org.uprflow.testing.PostgresIntegrationTest;
import org.uprflow.testing.World;

/**
 * What the server tells browsers to keep, and how it compresses (docs/network.md): versioned files
 * for a year and compressed once, the platform's own files revalidated, data never stored; a client
 * that takes no compression, a range and a conditional request answered as HTTP says.
 */
class AssetDeliveryIT extends PostgresIntegrationTest {

    static final String DEPS = "/camunda/lib/deps.js?bust=7.24.0";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Test
    void versionedFilesAreKeptForAYearAndSentWithTheBestCompressionTheClientTakes() throws Exception {
        HttpResponse<byte[]> gzip = get(DEPS, "Accept-Encoding", "gzip");
        assertThat(gzip.statusCode()).isEqualTo(200);
        assertThat(header(gzip, "Cache-Control")).isEqualTo(AssetDelivery.KEEP_FOR_A_YEAR);
        assertThat(header(gzip, "Content-Encoding")).isEqualTo("gzip");
        assertThat(header(gzip, "Vary")).containsIgnoringCase("Accept-Encoding");
        HttpResponse<byte[]> plain = get(DEPS, "Accept-Encoding", "identity");
        assertThat(header(plain, "Content-Encoding")).isNull();
        assertThat(plain.body().length).isEqualTo(3_855_618);
        assertThat(gzip.body().length).isLessThan(plain.body().length / 3);

        HttpResponse<byte[]> brotli = waitForBrotli(http.baseUrl(), DEPS);
        assertThat(brotli.body().length).isLessThan(gzip.body().length);
        assertThat(header(get(DEPS, "Accept-Encoding", "br;q=0, gzip"), "Content-Encoding")).isEqualTo("gzip");
        assertThat(header(get(DEPS, "Accept-Encoding", "zstd"), "Content-Encoding")).as("a coding the server lacks").isNull();

        HttpResponse<byte[]> again = get(DEPS, "Accept-Encoding", "gzip", "If-None-Match", header(gzip, "ETag"));
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();

        HttpResponse<byte[]> range = get(DEPS, "Accept-Encoding", "gzip", "Range", "bytes=0-99");
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).hasSize(100);
        assertThat(new String(range.body(), 0, 2)).isEqualTo(new String(plain.body(), 0, 2));
    }

    @Test
    void fontsAreKeptButNotCompressedAgain() throws Exception {
        HttpResponse<byte[]> font = get("/camunda/assets/IBMPlexSans-Regular.woff2?bust=7.24.0", "Accept-Encoding", "gzip, br");
        assertThat(font.statusCode()).isEqualTo(200);
        assertThat(header(font, "Cache-Control")).isEqualTo(AssetDelivery.KEEP_FOR_A_YEAR);
        assertThat(header(font, "Content-Encoding")).isNull();
    }

    @Test
    void thePlatformsOwnFilesAreRevalidatedAndAnswerNotModified() throws Exception {
        for (String path : new String[] {"/ui/uprflow.js", "/register/", "/camunda/app/tasklist/styles/user-styles.css?bust=7.24.0",
                // Tasklist's config.js is written per user (language.TasklistTexts, never stored); Cockpit's is a file
                "/camunda/app/cockpit/scripts/config.js?bust=7.24.0"}) {
            HttpResponse<byte[]> first = get(path, "Accept-Encoding", "gzip");
            assertThat(first.statusCode()).as(path).isEqualTo(200);
            assertThat(header(first, "Cache-Control")).as(path).isEqualTo(AssetDelivery.REVALIDATE);
            String lastModified = header(first, "Last-Modified");
            assertThat(lastModified).as(path).isNotNull();
            HttpResponse<byte[]> again = get(path, "If-Modified-Since", lastModified);
            assertThat(again.statusCode()).as(path).isEqualTo(304);
            String later = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().minusYears(30));
            assertThat(get(path, "If-Modified-Since", later).statusCode()).as(path + " changed since").isEqualTo(200);
        }
        HttpResponse<byte[]> script = get("/ui/uprflow.js", "Accept-Encoding", "gzip");
        assertThat(header(script, "Content-Encoding")).as("Tomcat compresses the platform's scripts").isEqualTo("gzip");
    }

    /**
     * The platform's pages are ES modules (ADR 0023): each module a page loads is served as JavaScript and revalidated
     * like the page, and each module its modules import is named ahead by the page ({@code modulepreload}), so that a
     * slow link pays no round trip per level of imports.
     */
    @Test
    void everyModuleOfAPageIsJavaScriptRevalidatedAndNamedAhead() throws Exception {
        List<String> pages = new ArrayList<>(PagesConfiguration.PAGES.stream().map(page -> "/" + page + "/").toList());
        pages.add("/dashboard/country.html");
        Pattern named = Pattern.compile("<(?:script type=\"module\" src|link rel=\"modulepreload\" href)=\"([^\"]+)\"");
        Pattern imported = Pattern.compile("^import [^;]*? from '([^']+)';", Pattern.MULTILINE);
        for (String page : pages) {
            URI address = URI.create(http.baseUrl() + page);
            Set<String> namedAhead = new HashSet<>();
            Matcher names = named.matcher(new String(get(page).body(), UTF_8));
            while (names.find()) {
                namedAhead.add(address.resolve(names.group(1)).getPath());
            }
            assertThat(namedAhead).as(page).contains("/ui/uprflow.js");
            Deque<String> toRead = new ArrayDeque<>(namedAhead);
            Set<String> read = new HashSet<>();
            while (!toRead.isEmpty()) {
                String module = toRead.pop();
                if (!read.add(module)) {
                    continue;
                }
                HttpResponse<byte[]> answer = get(module);
                assertThat(answer.statusCode()).as(module).isEqualTo(200);
                assertThat(header(answer, "Content-Type")).as(module).matches("(text|application)/javascript.*");
                assertThat(header(answer, "Cache-Control")).as(module).isEqualTo(AssetDelivery.REVALIDATE);
                Matcher imports = imported.matcher(new String(answer.body(), UTF_8));
                while (imports.find()) {
                    String dependency = URI.create(http.baseUrl() + module).resolve(imports.group(1)).getPath();
                    assertThat(namedAhead).as(page + " names ahead what " + module + " imports").contains(dependency);
                    toRead.add(dependency);
                }
            }
        }
    }

    @Test
    void tasklistsLocaleFileIsRevalidatedByItsContent() throws Exception {
        for (String language : new String[] {"en", "fr"}) {
            String path = "/camunda/app/tasklist/locales/" + language + ".json?bust=7.24.0";
            HttpResponse<byte[]> first = get(path, "Accept-Encoding", "gzip");
            assertThat(header(first, "Cache-Control")).as(path).isEqualTo(AssetDelivery.REVALIDATE);
            assertThat(header(first, "Content-Encoding")).as(path + " compressed (a strong ETag would stop Tomcat)")
                    .isEqualTo("gzip");
            String etag = header(first, "ETag");
            assertThat(etag).as(path + ": a repeat visit asked the whole file again for want of a validator").isNotNull();
            assertThat(get(path, "If-None-Match", etag).statusCode()).as(path).isEqualTo(304);
            assertThat(get(path, "If-None-Match", "\"0123456789abcdef\"").statusCode()).as(path + ", another release's")
                    .isEqualTo(200);
        }
    }

    @Test
    void tasklistsPageAsksForThePlatformsStylesheetByItsContentWhichIsThenKept() throws Exception {
        String page = new String(get("/camunda/app/tasklist/default/", "Accept-Encoding", "identity").body(), UTF_8);
        Matcher styles = Pattern.compile("href=\"(/camunda/app/tasklist/styles/user-styles\\.css\\?bust=7\\.24\\.0&amp;v=([0-9a-f]{16}))\"")
                .matcher(page);
        assertThat(styles.find()).as(page).isTrue();
        byte[] file = get("/camunda/app/tasklist/styles/user-styles.css?bust=7.24.0", "Accept-Encoding", "identity").body();
        assertThat(styles.group(2)).as("the hash of the file served")
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file), 0, 8));
        HttpResponse<byte[]> kept = get(styles.group(1).replace("&amp;", "&"));
        assertThat(kept.statusCode()).isEqualTo(200);
        assertThat(header(kept, "Cache-Control")).isEqualTo(AssetDelivery.KEEP_FOR_A_YEAR);
        assertThat(kept.body()).isEqualTo(file);
        assertThat(header(get("/camunda/app/tasklist/styles/user-styles.css?bust=7.24.0&v=0123456789abcdef"), "Cache-Control"))
                .as("another release's hash: revalidated, never kept under the wrong content").isEqualTo(AssetDelivery.REVALIDATE);
        assertThat(page).as("what Tasklist's scripts ask for once they run is named ahead, scripts with the page's nonce")
                .containsPattern("<link rel=\"preload\" as=\"script\" href=\"/camunda/lib/ngDefine\\.js\\?bust=7\\.24\\.0\" nonce=\"[^\"]+\">")
                .contains("<link rel=\"preload\" as=\"style\" href=\"/camunda/api/tasklist/plugin/tasklistPlugins/static/app/plugin.css?bust=7.24.0\">");
        String french = new String(get("/camunda/app/tasklist/default/", "Accept-Encoding", "identity",
                "Accept-Language", "fr-FR,fr;q=0.9").body(), UTF_8);
        assertThat(french).as("a first visit names Tasklist's texts in the request's language ahead")
                .contains("<link rel=\"preload\" as=\"fetch\" crossorigin href=\"/camunda/app/tasklist/locales/fr.json?bust=7.24.0\">")
                .doesNotContain("locales/en.json");
        assertThat(page).as("Camunda's own files keep Camunda's address")
                .contains("/camunda/lib/deps.js?bust=7.24.0\"").doesNotContain("deps.js?bust=7.24.0&amp;v=");
    }

    @Test
    void tasklistsConfigurationIsKeptUnderTheVersionItsPageNamesForTheServiceWorker() throws Exception {
        HttpResponse<byte[]> page = get("/camunda/app/tasklist/default/");
        String version = header(page, "Uprflow-Tasklist-Config");
        byte[] config = get("/camunda/app/tasklist/scripts/config.js?bust=1796025945943", "Accept-Encoding", "identity").body();
        assertThat(version).as("the version of the configuration served")
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(config), 0, 8));
        assertThat(header(get("/camunda/app/tasklist/scripts/config.js?bust=1796025945943"), "Cache-Control"))
                .as("Tasklist's own address, a new one on every visit").isEqualTo("no-store");
        HttpResponse<byte[]> kept = get("/camunda/app/tasklist/scripts/config.js?v=" + version, "Accept-Encoding", "identity");
        assertThat(header(kept, "Cache-Control")).contains("max-age=31536000", "immutable");
        assertThat(kept.body()).isEqualTo(config);
        assertThat(header(get("/camunda/app/tasklist/scripts/config.js?v=0123456789abcdef"), "Cache-Control"))
                .as("another release's or language's version").isEqualTo("no-store");
        String customScript = new String(config, UTF_8).replaceAll("(?s).*customScripts: \\[['\"]([^'\"]+)['\"].*", "$1");
        assertThat(customScript).as("the platform's script, asked by its content's version").matches("scripts/v-[0-9a-f]{16}/uprflow-tasklist\\.js");
        HttpResponse<byte[]> script = get("/camunda/app/tasklist/" + customScript + "?bust=7.24.0");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(header(script, "Cache-Control")).contains("max-age=31536000", "immutable");
        assertThat(header(get("/camunda/app/tasklist/scripts/v-0123456789abcdef/uprflow-tasklist.js?bust=7.24.0"), "Cache-Control"))
                .as("another release's address").isEqualTo("no-cache");
        String tasklistPage = new String(get("/camunda/app/tasklist/default/", "Accept-Encoding", "identity").body(), UTF_8);
        assertThat(tasklistPage).as("the page names that script ahead, as the module Tasklist imports once config.js has run")
                .containsPattern("<link rel=\"modulepreload\" href=\"/camunda/app/tasklist/" + Pattern.quote(customScript)
                        + "\\?bust=7\\.24\\.0\" nonce=\"[^\"]+\">");

        HttpResponse<byte[]> worker = get("/camunda/app/tasklist/uprflow-sw.js");
        assertThat(worker.statusCode()).as("the worker is served before login, as Tasklist's files are").isEqualTo(200);
        assertThat(header(worker, "Content-Type")).contains("javascript");
        assertThat(header(worker, "Cache-Control")).isEqualTo(AssetDelivery.REVALIDATE);
        assertThat(new String(worker.body(), UTF_8)).contains("Uprflow-Tasklist-Config");
    }

    @Test
    void theWebappsBuiltInPluginFilesAreKeptForAYear() throws Exception {
        for (String path : new String[] {"/camunda/api/tasklist/plugin/tasklistPlugins/static/app/plugin.js?bust=7.24.0",
                "/camunda/api/tasklist/plugin/tasklistPlugins/static/app/plugin.css?bust=7.24.0"}) {
            HttpResponse<byte[]> plugin = get(path, "Accept-Encoding", "gzip");
            assertThat(plugin.statusCode()).as(path).isEqualTo(200);
            assertThat(header(plugin, "Cache-Control")).as(path).isEqualTo(AssetDelivery.KEEP_FOR_A_YEAR);
            assertThat(header(plugin, "Content-Encoding")).as(path).isEqualTo("gzip");
        }
        HttpResponse<byte[]> unversioned = get("/camunda/api/tasklist/plugin/tasklistPlugins/static/app/plugin.js");
        assertThat(header(unversioned, "Cache-Control")).as("without Camunda's version in the address")
                .isNotEqualTo(AssetDelivery.KEEP_FOR_A_YEAR);
    }

    @Test
    void answersWithDataAreNeverStored() {
        for (String path : new String[] {"/api/tasks", "/engine-rest/task", "/engine-rest/process-instance"}) {
            Http.Response answer = world.as(World.KE_CSO).get(path);
            assertThat(answer.status()).as(path).isEqualTo(200);
            assertThat(answer.headers().getCacheControl()).as(path).contains("no-store");
        }
    }

    /** The node makes its Brotli copy in the background: asks until it is there (two minutes at most). */
    static HttpResponse<byte[]> waitForBrotli(String baseUrl, String path) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        HttpResponse<byte[]> answer = getFrom(baseUrl, path, "Accept-Encoding", "br, gzip");
        while (!"br".equals(header(answer, "Content-Encoding")) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            answer = getFrom(baseUrl, path, "Accept-Encoding", "br, gzip");
        }
        assertThat(header(answer, "Content-Encoding")).as("Brotli copy of " + path).isEqualTo("br");
        return answer;
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
        return getFrom(http.baseUrl(), path, headers);
    }

    private static HttpResponse<byte[]> getFrom(String baseUrl, String path, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }
}
