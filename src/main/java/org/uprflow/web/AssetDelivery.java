package org.uprflow.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What a browser may keep of the static files, and the large ones sent compressed once, not for
 * every visitor (docs/network.md). Participants work on links of one or two megabits, often paid
 * by the megabyte: Tasklist's scripts alone are 4.3 MB, sent anew on every visit before this.
 *
 * <ul>
 *   <li><b>Versioned</b> files, whose content cannot change under their address, are kept for a
 *       year: WebJars (the version is in the path) and the Camunda webapps' own files asked for with
 *       their {@code ?bust=<camunda version>}. A new Camunda version changes the address.</li>
 *       The webapps' built-in plugin files ({@code /camunda/api/tasklist/plugin/tasklistPlugins/static/…},
 *       from the same jar) likewise: Camunda answers them without any validator, so each visit
 *       fetched them anew.</li>
 *   <li><b>The platform's own</b> pages, scripts and styles, and the platform's overrides of the
 *       webapps' files (which carry Camunda's {@code bust} although they are ours), are revalidated
 *       on every use ({@code no-cache}): a repeat visit costs a 304, a new deployment is seen at once.
 *       An override asked for with its own content's hash ({@code &v=}, which {@link WebappPages}
 *       writes into the webapps' pages) is kept for a year: a stylesheet's 304 held up Tasklist's
 *       scripts by a round trip, and a new content is a new address.</li>
 *   <li>The APIs, with personal and country data, are never stored: {@code /api} has Spring
 *       Security's {@code no-store}, the engine's APIs get it here.</li>
 * </ul>
 * Versioned text files of a kilobyte or more go out compressed from copies made once per node
 * ({@link CompressedCopies}: Brotli where the client takes it, else gzip); Tomcat's own compression
 * ({@code server.compression}) handles every other text answer. A range request, or a client that
 * takes neither, gets the plain file from the usual handler.
 */
final class AssetDelivery extends OncePerRequestFilter {

    static final String KEEP_FOR_A_YEAR = "public, max-age=31536000, immutable";
    static final String REVALIDATE = "no-cache";
    static final String NEVER_STORE = "no-store";

    private static final String WEBJARS = "META-INF/resources/webjars/";
    /** Where Camunda's files come from; an override of the platform's own is found first on the classpath. */
    private static final String CAMUNDA_WEBJAR = "camunda-webapp-webjar";

    /** The parameter that carries the hash of an override's content. */
    static final String CONTENT_VERSION = "v";

    /** A webapp's built-in plugin file, e.g. {@code api/tasklist/plugin/tasklistPlugins/static/app/plugin.js}. */
    private static final Pattern BUILT_IN_PLUGIN = Pattern.compile("api/(tasklist|cockpit|admin)/plugin/\\1Plugins/static/(.+)");

    /**
     * Files of Tasklist's that the platform answers itself (language.TasklistTexts): Tasklist's configuration and
     * locale files, written per user, whose Camunda copies must not be served in their place, and the platform's
     * scripts asked by the version of their content. Their handler says what a browser may keep.
     */
    private static final List<String> ANSWERED_BY_THE_PLATFORM = List.of("app/tasklist/scripts/config.js",
            "app/tasklist/scripts/v-",
            "app/tasklist/locales/");

    private static final Set<String> COMPRESSIBLE = Set.of("js", "mjs", "css", "json", "map", "svg",
            "txt", "xml", "ttf", "eot", "ico");

    private final String webappPath;
    private final ClassLoader classLoader;
    private final CompressedCopies copies;
    private final Map<String, String> contentVersions = new ConcurrentHashMap<>();

    AssetDelivery(String webappPath, ClassLoader classLoader) {
        this.webappPath = webappPath.endsWith("/") ? webappPath : webappPath + "/";
        this.classLoader = classLoader;
        this.copies = new CompressedCopies(classLoader);
    }

    /** Makes the copies of the files every participant's first visit to Tasklist needs, ahead of it. */
    void prepare(List<String> paths) {
        for (String path : paths) {
            String location = versionedLocation(path, true);
            if (location != null) {
                copies.of(location);
            }
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return !("GET".equals(method) || "HEAD".equals(method));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (answeredByThePlatform(path)) {
            chain.doFilter(request, response); // its handler says what may be kept
            return;
        }
        String versioned = versionedLocation(path, request.getParameter("bust") != null);
        if (versioned != null) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, KEEP_FOR_A_YEAR);
            if (request.getHeader(HttpHeaders.RANGE) == null && isText(path)) {
                String accepted = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
                Optional<CompressedCopies.Encoded> copy = copies.of(versioned).flatMap(c -> c.bestFor(accepted));
                if (copy.isPresent()) {
                    send(copy.get(), request, response, mimeType(path));
                    return;
                }
            }
            chain.doFilter(request, new KeepsCacheControl(response));
            return;
        } else if (isData(path)) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, NEVER_STORE);
            chain.doFilter(request, new KeepsCacheControl(response));
            return;
        } else if (isOwnWebappFile(path)) {
            String asked = request.getParameter(CONTENT_VERSION);
            response.setHeader(HttpHeaders.CACHE_CONTROL,
                    asked != null && asked.equals(overrideVersion(path)) ? KEEP_FOR_A_YEAR : REVALIDATE);
        } else if (isPlatformPage(path)) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, REVALIDATE);
        }
        chain.doFilter(request, response);
    }

    private boolean answeredByThePlatform(String path) {
        return path.startsWith(webappPath) && ANSWERED_BY_THE_PLATFORM.stream().anyMatch(path.substring(webappPath.length())::startsWith);
    }

    /**
     * The hash of the content of the platform's override of a webapps' file, or null where the
     * platform has no override of that file; the same on every node of a release.
     */
    String overrideVersion(String path) {
        if (!path.startsWith(webappPath) || !hasExtension(path)) {
            return null;
        }
        return contentVersions.computeIfAbsent(WEBJARS + "camunda/" + path.substring(webappPath.length()), location -> {
            URL found = classLoader.getResource(location);
            if (found == null || found.toString().contains(CAMUNDA_WEBJAR)) {
                return null;
            }
            try (InputStream in = found.openStream()) {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
                return HexFormat.of().formatHex(digest, 0, 8);
            } catch (IOException | NoSuchAlgorithmException unreadable) {
                return null;
            }
        });
    }

    /** The classpath location of a file whose address carries its version, or null. */
    private String versionedLocation(String path, boolean busted) {
        if (path.startsWith("/webjars/") && hasExtension(path)) {
            return "META-INF/resources" + path;
        }
        if (!busted || !path.startsWith(webappPath) || !hasExtension(path) || path.endsWith(".html")) {
            return null;
        }
        Matcher plugin = BUILT_IN_PLUGIN.matcher(path.substring(webappPath.length()));
        String location = plugin.matches()
                ? "META-INF/resources/plugin/" + plugin.group(1) + "/" + plugin.group(2)
                : WEBJARS + "camunda/" + path.substring(webappPath.length());
        URL found = classLoader.getResource(location);
        return found != null && found.toString().contains(CAMUNDA_WEBJAR) ? location : null;
    }

    /**
     * The engine's APIs: Camunda answers them with {@code no-cache}, which lets a browser (or a shared
     * computer's disk) store a country's tasks and people; they get {@code no-store} like {@code /api}.
     */
    private boolean isData(String path) {
        return path.startsWith("/engine-rest/") || path.startsWith(webappPath + "api/engine/");
    }

    private boolean isOwnWebappFile(String path) {
        return path.startsWith(webappPath) && hasExtension(path) && !path.endsWith(".html");
    }

    private static boolean isPlatformPage(String path) {
        if (path.startsWith("/ui/") || path.equals("/favicon.ico")) {
            return true;
        }
        for (String page : PagesConfiguration.PAGES) {
            if (path.startsWith("/" + page + "/")) {
                return true;
            }
        }
        return false;
    }

    /** Fonts in WOFF and images are compressed already; text and the older font formats are worth it. */
    private static boolean isText(String path) {
        String extension = path.substring(path.lastIndexOf('.') + 1);
        return COMPRESSIBLE.contains(extension);
    }

    private static boolean hasExtension(String path) {
        int slash = path.lastIndexOf('/');
        return path.indexOf('.', slash) > slash + 1 && !path.contains("..");
    }

    private String mimeType(String path) {
        String type = getServletContext().getMimeType(path);
        return type != null ? type : "application/octet-stream";
    }

    /** Keeps the {@code Cache-Control} set here against what the handlers behind would write. */
    private static final class KeepsCacheControl extends HttpServletResponseWrapper {
        KeepsCacheControl(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setHeader(String name, String value) {
            if (!HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name)) {
                super.addHeader(name, value);
            }
        }
    }

    /** Sends a compressed copy, or a 304 when the browser holds it already. */
    private static void send(CompressedCopies.Encoded copy, HttpServletRequest request, HttpServletResponse response,
            String mimeType) throws IOException {
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        response.setHeader(HttpHeaders.ETAG, copy.etag());
        response.setHeader("X-Content-Type-Options", "nosniff");
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && (ifNoneMatch.contains(copy.etag()) || ifNoneMatch.trim().equals("*"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(mimeType);
        response.setHeader(HttpHeaders.CONTENT_ENCODING, copy.coding());
        response.setContentLength(copy.bytes().length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(copy.bytes());
        }
    }
}
