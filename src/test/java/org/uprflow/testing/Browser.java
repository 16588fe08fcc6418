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

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
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

    private final WebDriver driver;

    private Browser(WebDriver driver) {
        this.driver = driver;
    }

    /** A fresh headless browser; skips the calling test when Chromium is not installed. */
    public static Browser open() {
        assumeTrue(new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
                "Browser tests skipped: no " + CHROMIUM + " and " + CHROMEDRIVER
                        + " (apt-get install chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM)
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                        "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .build();
        return new Browser(new ChromeDriver(service, options));
    }

    public WebDriver driver() {
        return driver;
    }

    /** A wait that also looks again when the page redrew the element it was reading (pages re-render after a change). */
    public WebDriverWait waitUpTo(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout);
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
        driver.quit();
    }
}
