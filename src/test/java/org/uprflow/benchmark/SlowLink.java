package org.uprflow.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.uprflow.testing.Browser;

/**
 * Case 8 (issue 18): a participant on the link of a shared office in Nairobi or Lilongwe, emulated
 * by Chromium (1.6 Mbit/s down, 750 kbit/s up, 300 ms round trip): the time from opening Tasklist
 * to a usable inbox (its filters drawn), and from opening a platform page to its texts drawn, on a
 * first visit (a fresh browser profile) and a repeat visit (the same browser again). The link is
 * emulated for the page and for the platform's service worker, whose own requests (it answers some
 * of Tasklist's) would otherwise go at full speed ({@code testing.WorkerNetwork}). The bytes of
 * the same visits are budgeted by {@code NetworkBudgetBrowserIT}.
 */
final class SlowLink {

    static final String CASE = "8 slow link";
    static final String TASKLIST_FIRST = "Tasklist: open, log in, inbox drawn (first visit)";
    static final String TASKLIST_REPEAT = "Tasklist: inbox drawn again (repeat visit)";
    static final String PAGE_FIRST = "platform page /register/: texts drawn (first visit, logged in)";
    static final String PAGE_REPEAT = "platform page /register/: texts drawn again (repeat visit)";
    private static final Duration PATIENCE = Duration.ofMinutes(2);
    /** How often a timed wait looks: the figures are off by at most this much. */
    private static final Duration LOOK_EVERY = Duration.ofMillis(20);
    private static final Map<String, Object> LINK = Map.of("offline", false, "latency", 300,
            "downloadThroughput", 1_600_000 / 8, "uploadThroughput", 750_000 / 8);

    private final String baseUrl;
    private final String participant;
    private final int runs;
    private final Report report;

    /** Five runs at any scale: the time of one visit depends on the bytes and round trips, not on the data. */
    SlowLink(String baseUrl, Population world, Report report) {
        this.baseUrl = baseUrl;
        this.participant = Population.cso(world.staffed().get(0));
        this.runs = 5;
        this.report = report;
    }

    void run() throws Exception {
        // as a participant meets a node that has served a while: its compressed copies are made
        awaitBrotliCopy();
        List<Double> tasklistFirst = new ArrayList<>();
        List<Double> tasklistRepeat = new ArrayList<>();
        List<Double> pageFirst = new ArrayList<>();
        List<Double> pageRepeat = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            try (Browser browser = slowBrowser()) {
                long start = System.nanoTime();
                browser.logInToTasklist(baseUrl, participant, Population.PASSWORD, PATIENCE);
                waitForInbox(browser);
                tasklistFirst.add(millisSince(start));
                start = System.nanoTime();
                browser.driver().navigate().refresh();
                waitForInbox(browser);
                tasklistRepeat.add(millisSince(start));
            }
            try (Browser browser = Browser.open()) {
                // logged in on a fast link, the cache emptied, so that only the page's first visit is timed
                browser.logInToPages(baseUrl, participant, Population.PASSWORD, "/register/");
                waitForTexts(browser);
                browser.devTools("Network.clearBrowserCache", Map.of());
                emulate(browser);
                long start = System.nanoTime();
                browser.driver().get(baseUrl + "/register/");
                waitForTexts(browser);
                pageFirst.add(millisSince(start));
                start = System.nanoTime();
                browser.driver().navigate().refresh();
                waitForTexts(browser);
                pageRepeat.add(millisSince(start));
            }
        }
        add(TASKLIST_FIRST, tasklistFirst);
        add(TASKLIST_REPEAT, tasklistRepeat);
        add(PAGE_FIRST, pageFirst);
        add(PAGE_REPEAT, pageRepeat);
        aim("first visit of Tasklist under 8 s on the slow link", TASKLIST_FIRST, 8000);
        aim("repeat visit of Tasklist under 2 s on the slow link", TASKLIST_REPEAT, 2000);
        aim("first visit of a platform page under 8 s on the slow link", PAGE_FIRST, 8000);
        aim("repeat visit of a platform page under 2 s on the slow link", PAGE_REPEAT, 2000);
    }

    private void awaitBrotliCopy() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(
                URI.create(baseUrl + "/camunda/lib/deps.js?bust=7.24.0")).header("Accept-Encoding", "br").build();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline && !"br".equals(client.send(request,
                HttpResponse.BodyHandlers.discarding()).headers().firstValue("Content-Encoding").orElse(""))) {
            Thread.sleep(500);
        }
    }

    private Browser slowBrowser() {
        Browser browser = Browser.open();
        emulate(browser);
        return browser;
    }

    /** The page and the platform's service worker for Tasklist, whose own requests the page's emulation leaves fast. */
    private static void emulate(Browser browser) {
        browser.emulateNetwork(LINK);
    }

    private static void waitForInbox(Browser browser) {
        browser.waitUpTo(PATIENCE).pollingEvery(LOOK_EVERY).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[cam-tasklist-filters] .task-filter")));
    }

    private static void waitForTexts(Browser browser) {
        browser.waitUpTo(PATIENCE).pollingEvery(LOOK_EVERY).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#uprflow-nav a")));
    }

    private void add(String channel, List<Double> millis) {
        List<Double> sorted = millis.stream().sorted().toList();
        double median = sorted.get(sorted.size() / 2);
        double worst = sorted.get(sorted.size() - 1);
        report.add(new Figure(CASE, channel, 1, sorted.size(), sorted.stream().mapToDouble(Double::doubleValue).sum() / 1000,
                Double.NaN, median, worst, String.format(Locale.ROOT, "%d runs; p95 column is the slowest run", sorted.size())));
    }

    private void aim(String aim, String channel, double limitMs) {
        Figure figure = report.find(CASE, channel, 1);
        report.aim(aim, figure.medianMs() < limitMs, String.format(Locale.ROOT, "median %.0f ms, slowest %.0f ms",
                figure.medianMs(), figure.p95Ms()));
    }

    private static double millisSince(long start) {
        return (System.nanoTime() - start) / 1e6;
    }
}
