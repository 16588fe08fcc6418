package org.uprflow.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from Debian's packages ({@code chromium}, {@code chromium-driver}), driven by
 * Selenium with the system chromedriver, so that nothing downloads a browser or a driver. Where
 * they are not installed the browser tests are skipped with a message; {@code .ci/run} installs them.
 */
public final class Browser implements AutoCloseable {

    public static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
    public static final String CHROMEDRIVER = System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebDriver driver;
    /** The network emulated for service workers, if any ({@link #emulateNetwork}). */
    private WorkerNetwork workers;

    private Browser(WebDriver driver) {
        this.driver = driver;
    }

    /** A fresh headless browser; skips the calling test when Chromium is not installed. */
    public static Browser open() {
        return open(false, null);
    }

    /** A fresh headless browser whose user asks for pages in {@code language} ({@code Accept-Language}). */
    public static Browser open(String language) {
        return open(false, language);
    }

    /**
     * A fresh headless browser that records the DevTools protocol's network events, so that a test
     * can count the bytes on the wire ({@link #trafficUntilQuiet()}).
     */
    public static Browser openRecordingNetwork() {
        return open(true, null);
    }

    private static Browser open(boolean recordNetwork, String language) {
        assumeTrue(new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
                "Browser tests skipped: no " + CHROMIUM + " and " + CHROMEDRIVER
                        + " (apt-get install chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM)
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                        "--window-size=1400,1000");
        if (language != null) {
            options.addArguments("--lang=" + language, "--accept-lang=" + language);
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        }
        if (recordNetwork) {
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.PERFORMANCE, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .build();
        return new Browser(new ChromeDriver(service, options));
    }

    public WebDriver driver() {
        return driver;
    }

    /**
     * A wait that also looks again when the page redrew the element it was reading (pages re-render
     * after a change); it looks every 100 ms, not Selenium's 500, so that a timed wait (the slow-link
     * case) is not off by up to half a second.
     */
    public WebDriverWait waitUpTo(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout, Duration.ofMillis(100));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    public Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    /**
     * Logs in through the platform's login page (the same login as Tasklist) and waits until the
     * browser has arrived at {@code nextPath}.
     */
    public void logInToPages(String baseUrl, String user, String password, String nextPath) {
        driver.get(baseUrl + "/login/?next=" + URLEncoder.encode(nextPath, StandardCharsets.UTF_8));
        WebDriverWait wait = waitUpTo(Duration.ofSeconds(30));
        // The button's text arrives with the page's texts: the script is ready once it is there.
        wait.until(ExpectedConditions.not(ExpectedConditions.textToBe(By.cssSelector("#login button"), "")));
        driver.findElement(By.name("username")).sendKeys(user);
        driver.findElement(By.name("password")).sendKeys(password);
        driver.findElement(By.cssSelector("#login button")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login/")));
    }

    /**
     * Logs in through Tasklist's own login form and waits until Tasklist has left it. In headless
     * Chromium, neither key events nor the login button's click reach Tasklist's AngularJS login form
     * (also with Camunda's unmodified configuration; a real browser logs in normally), so the values
     * are set as an input event and the form submitted from script, the way Playwright's fill() does it.
     */
    public void logInToTasklist(String baseUrl, String user, String password) {
        logInToTasklist(baseUrl, user, password, Duration.ofSeconds(60));
    }

    /** The same, waiting up to {@code patience} for each step (a slow link, a loaded machine). */
    public void logInToTasklist(String baseUrl, String user, String password, Duration patience) {
        driver.get(baseUrl + "/camunda/app/tasklist/default/");
        WebDriverWait wait = waitUpTo(patience);
        wait.until(d -> (Boolean) script("""
                const form = document.querySelector('form[name=signinForm]');
                if (!form) { return false; }
                const set = (input, value) => {
                  input.value = value;
                  input.dispatchEvent(new Event('input', { bubbles: true }));
                  return input.classList.contains('ng-not-empty');
                };
                return set(form.querySelector('input[ng-model=username]'), arguments[0])
                    && set(form.querySelector('input[ng-model=password]'), arguments[1]);
                """, user, password));
        script("document.querySelector('form[name=signinForm]').requestSubmit()");
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    /**
     * Emulates a network link ({@code Network.emulateNetworkConditions}'s parameters) for the page and for every
     * service worker that starts from now on, whose own requests the page's emulation would leave at full speed.
     */
    public void emulateNetwork(Map<String, Object> conditions) {
        devTools("Network.enable", Map.of());
        devTools("Network.emulateNetworkConditions", conditions);
        Object options = ((ChromeDriver) driver).getCapabilities().getCapability("goog:chromeOptions");
        if (workers != null) {
            workers.close();
        }
        workers = WorkerNetwork.emulate(String.valueOf(((Map<?, ?>) options).get("debuggerAddress")), conditions);
    }

    /** A DevTools protocol command (Chromium's own, whatever Selenium's bindings cover). */
    public Map<String, Object> devTools(String command, Map<String, Object> parameters) {
        return ((ChromeDriver) driver).executeCdpCommand(command, parameters);
    }

    /**
     * What crossed the wire since the last call, read from the DevTools protocol's network events
     * ({@code Network.loadingFinished}'s encoded length: headers and body as received, compressed or
     * not; a file taken from the browser's cache counts 0), once the network has been quiet for a
     * second. Needs {@link #openRecordingNetwork()}.
     */
    public Traffic trafficUntilQuiet() {
        Map<String, String> urls = new LinkedHashMap<>();
        Map<String, Long> bytesByUrl = new LinkedHashMap<>();
        Set<String> fromServiceWorker = new LinkedHashSet<>();
        long total = 0;
        int open = 0;
        int quietRounds = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (quietRounds < 4 && System.nanoTime() < deadline) {
            boolean heard = false;
            for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
                JsonNode message = read(entry.getMessage()).path("message");
                JsonNode params = message.path("params");
                String requestId = params.path("requestId").asText();
                switch (message.path("method").asText()) {
                    case "Network.requestWillBeSent" -> {
                        urls.put(requestId, params.path("request").path("url").asText());
                        open++;
                        heard = true;
                    }
                    case "Network.loadingFinished" -> {
                        long bytes = params.path("encodedDataLength").asLong();
                        total += bytes;
                        bytesByUrl.merge(urls.getOrDefault(requestId, requestId), bytes, Long::sum);
                        open--;
                        heard = true;
                    }
                    case "Network.loadingFailed" -> {
                        open--;
                        heard = true;
                    }
                    case "Network.responseReceived" -> {
                        if (params.path("response").path("fromServiceWorker").asBoolean()) {
                            fromServiceWorker.add(params.path("response").path("url").asText());
                        }
                    }
                    default -> {
                        // other events carry no bytes of their own
                    }
                }
            }
            quietRounds = heard || open > 0 ? 0 : quietRounds + 1;
            pause(Duration.ofMillis(250));
        }
        return new Traffic(total, bytesByUrl, fromServiceWorker);
    }

    /**
     * Bytes on the wire in all, and by address; the addresses a service worker answered (its own requests are
     * not the page's and are not counted here).
     */
    public record Traffic(long bytes, Map<String, Long> bytesByUrl, Set<String> fromServiceWorker) {

        /** True when a service worker answered a request of an address containing {@code addressPart}. */
        public boolean answeredByTheServiceWorker(String addressPart) {
            return fromServiceWorker.stream().anyMatch(address -> address.contains(addressPart));
        }

        /** True when something of an address containing {@code addressPart} crossed the wire (not from the cache). */
        public boolean fetched(String addressPart) {
            return bytesByUrl.entrySet().stream().anyMatch(e -> e.getKey().contains(addressPart) && e.getValue() > 0);
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder(String.format("%,d bytes on the wire", bytes));
            bytesByUrl.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
                    .forEach(e -> text.append(String.format("%n  %,10d  %s", e.getValue(), e.getKey())));
            return text.toString();
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Saves what the browser shows under target/screenshots/, for a person to look at. */
    public Path screenshot(String name) {
        try {
            Path target = Path.of("target", "screenshots", name + ".png");
            Files.createDirectories(target.getParent());
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            return Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (workers != null) {
            workers.close();
        }
        driver.quit();
    }
}
