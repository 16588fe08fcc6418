package org.uprflow.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Two changes to the webapps' pages, each a round trip less on a slow link (docs/network.md):
 * <ul>
 *   <li>The platform's overrides of the webapps' files (Tasklist's {@code user-styles.css}) get an
 *       address of their own content: Camunda's page asks for them with Camunda's version
 *       ({@code ?bust=7.24.0}), which cannot tell a new release of the platform's file, so a
 *       browser had to revalidate the stylesheet on every visit, which held up Tasklist's scripts.
 *       With {@code &v=<hash of the content>} added, {@link AssetDelivery} lets the browser keep
 *       the file, and a new release is a new address at once.</li>
 *   <li>Tasklist's page names ahead ({@code <link rel="preload">}, with the page's script nonce,
 *       which Camunda's Content-Security-Policy asks of every script) the files its scripts only
 *       ask for once they run, one after another: its loader's two helpers, its built-in plugin,
 *       and ({@code rel="modulepreload"}) the platform's script that Tasklist imports after its
 *       {@code config.js}, a round trip of its own before Tasklist could start.
 *       They are versioned files, so a repeat visit takes them from the cache either way.</li>
 *   <li>On a first visit (no session yet), Tasklist's texts in the request's language: the platform's script
 *       reads them before Tasklist starts, once it has run (language.TasklistTexts), and keeps them in the
 *       browser for later visits, so only a first visit asks for them and that was one more round trip
 *       after the scripts before Tasklist could start.</li>
 * </ul>
 * A page without such references passes through as it is.
 */
final class WebappPages extends OncePerRequestFilter {

    /** Camunda's version as its pages give it to their scripts. */
    private static final Pattern CAMUNDA_VERSION = Pattern.compile("/lib/runtime\\.js\\?bust=([0-9A-Za-z.\\-]+)\"");
    /** The files Tasklist's scripts ask for after they have run, under the webapps' path. */
    private static final List<String> TASKLIST_LATER_SCRIPTS = List.of("lib/globalize.js", "lib/ngDefine.js",
            "api/tasklist/plugin/tasklistPlugins/static/app/plugin.js");
    /** The nonce Camunda gives the page's own scripts. */
    private static final Pattern NONCE = Pattern.compile("<script[^>]* nonce=\"([^\"]+)\"");
    private static final List<String> TASKLIST_LATER_STYLES = List.of("api/tasklist/plugin/tasklistPlugins/static/app/plugin.css");
    /**
     * The platform's scripts that Tasklist imports once its {@code config.js} has run (its {@code customScripts},
     * language.TasklistTexts), under the webapps' path: they are asked by the hash of their content
     * ({@code scripts/v-<hash>/…}), which is the hash {@link AssetDelivery#overrideVersion} gives.
     */
    private static final List<String> TASKLIST_CUSTOM_SCRIPTS = List.of("app/tasklist/scripts/uprflow-tasklist.js");

    /** A reference with Camunda's cache buster in one of the webapps' pages: its path and what follows. */
    private static final Pattern BUSTED = Pattern.compile("(?<=(?:href|src)=\")([^\"?]+)\\?bust=([^\"&]*)\"");

    private final String webappPath;
    private final AssetDelivery assets;
    /** The language code of a request, as Tasklist's {@code config.js} gives it (the MVC locale resolver). */
    private final Function<HttpServletRequest, String> language;

    WebappPages(String webappPath, AssetDelivery assets, Function<HttpServletRequest, String> language) {
        this.webappPath = webappPath.endsWith("/") ? webappPath : webappPath + "/";
        this.assets = assets;
        this.language = language;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"GET".equals(request.getMethod()) || !path.startsWith(webappPath + "app/")
                || !(path.endsWith("/") || path.endsWith(".html"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean tasklist = path.startsWith(webappPath + "app/tasklist/");
        boolean firstVisit = request.getSession(false) == null;
        ContentCachingResponseWrapper page = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, page);
        String type = page.getContentType();
        if (page.getStatus() == HttpServletResponse.SC_OK && type != null
                && MediaType.TEXT_HTML.isCompatibleWith(MediaType.parseMediaType(type))) {
            String html = new String(page.getContentAsByteArray(), StandardCharsets.UTF_8);
            String versioned = withOverrideVersions(html);
            if (tasklist) {
                versioned = withTasklistPreloads(versioned,
                        firstVisit ? language.apply(request) : null);
            }
            if (!versioned.equals(html)) {
                page.resetBuffer();
                byte[] bytes = versioned.getBytes(StandardCharsets.UTF_8);
                page.getOutputStream().write(bytes);
            }
        }
        page.copyBodyToResponse();
    }

    /** @param firstVisitLanguage the language whose texts to name ahead, or null when a session exists */
    String withTasklistPreloads(String html, String firstVisitLanguage) {
        Matcher version = CAMUNDA_VERSION.matcher(html);
        int head = html.indexOf("</head>");
        if (!version.find() || head < 0) {
            return html;
        }
        Matcher nonce = NONCE.matcher(html);
        String scriptNonce = nonce.find() ? " nonce=\"" + nonce.group(1) + "\"" : "";
        StringBuilder links = new StringBuilder();
        TASKLIST_LATER_SCRIPTS.forEach(file -> links.append(preload("script", file, version.group(1), scriptNonce)));
        TASKLIST_LATER_STYLES.forEach(file -> links.append(preload("style", file, version.group(1), "")));
        for (String file : TASKLIST_CUSTOM_SCRIPTS) {
            String hash = assets.overrideVersion(webappPath + file);
            if (hash != null) {
                int name = file.lastIndexOf('/') + 1;
                // Tasklist imports them as modules: a module's preload, or the browser would fetch them again
                links.append("  <link rel=\"modulepreload\" href=\"").append(webappPath).append(file, 0, name).append("v-")
                        .append(hash).append('/').append(file.substring(name)).append("?bust=").append(version.group(1))
                        .append('"').append(scriptNonce).append(">\n");
            }
        }
        if (firstVisitLanguage != null && firstVisitLanguage.matches("[a-z]{2,3}")) {
            // fetched by the script with credentials "same-origin": the preload's crossorigin (anonymous) is that mode
            links.append("  <link rel=\"preload\" as=\"fetch\" crossorigin href=\"").append(webappPath)
                    .append("app/tasklist/locales/").append(firstVisitLanguage).append(".json?bust=")
                    .append(version.group(1)).append("\">\n");
        }
        return html.substring(0, head) + links + html.substring(head);
    }

    private String preload(String kind, String file, String version, String nonce) {
        return "  <link rel=\"preload\" as=\"" + kind + "\" href=\"" + webappPath + file + "?bust=" + version + "\"" + nonce
                + ">\n";
    }

    String withOverrideVersions(String html) {
        Matcher reference = BUSTED.matcher(html);
        StringBuilder out = new StringBuilder(html.length() + 64);
        while (reference.find()) {
            String version = assets.overrideVersion(reference.group(1));
            String replacement = version == null ? reference.group()
                    : reference.group(1) + "?bust=" + reference.group(2) + "&amp;" + AssetDelivery.CONTENT_VERSION + "=" + version + "\"";
            reference.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        reference.appendTail(out);
        return out.toString();
    }
}
