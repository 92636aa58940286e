package dev.streamcast.app.http;

import dev.streamcast.kafkalocal.LocalKafkaBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard in a real headless Chromium while the forecaster processes a live stream: a series is picked
 * through the search box, its chart grows as points arrive, and a series named like an HTML tag shows as text.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserIT {

    static final String XSS = "<img src=x onerror=alert(1)>";
    static final Path SCREENSHOT = Path.of("target", "dashboard-screenshot.png");

    LocalKafkaBroker broker;
    Instance app;
    Thread feeder;
    final AtomicBoolean feeding = new AtomicBoolean(true);
    ChromeDriver browser;

    @BeforeAll
    void start(@TempDir Path state, @TempDir Path profile) throws Exception {
        broker = LocalKafkaBroker.startEphemeral();
        app = new Instance(broker.bootstrapServers(), "dashboard-it", state, Map.of()).start();
        HttpApiIT.await("RUNNING", 45_000, app::running);
        feeder = new Thread(this::feed, "feeder");
        feeder.start();
        HttpApiIT.await("first forecasts", 30_000, () -> app.get("/series/sensor-2").statusCode() == 200
                && app.get("/series/" + SeriesIds.encode(XSS)).statusCode() == 200);
        browser = Browser.start(profile);
    }

    /** A live stream: every 200 ms one more point for each series, event time advancing a minute each time. */
    private void feed() {
        try (Observations obs = new Observations(broker.bootstrapServers())) {
            long ts = 1_700_000_000_000L;
            for (int t = 0; feeding.get(); t++, ts += 60_000) {
                for (int s = 1; s <= 4; s++) {
                    obs.point("sensor-" + s, ts, 20 * s + 5 * Math.sin(t / 6.0 + s) + (t % 7) * 0.3);
                }
                obs.point(XSS, ts, t % 10);
                obs.flush();
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        feeding.set(false);
        if (feeder != null) {
            feeder.join(5_000);
        }
        if (app != null) {
            app.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void pickedSeriesChartsLiveAndInjectedNamesStayText() throws Exception {
        browser.get(app.url("/"));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(d -> !d.findElements(By.cssSelector("#series-list li")).isEmpty());
        assertEquals("RUNNING", wait.until(d -> {
            String s = d.findElement(By.id("streams-state")).getText();
            return s.equals("…") ? null : s;
        }));

        pick(wait, "sensor-2", "sensor-2");
        int first = wait.until(d -> points(d) >= 2 ? points(d) : null);
        int later = wait.until(d -> points(d) >= first + 3 ? points(d) : null);
        assertTrue(later > first, "the chart grows while data flows: " + first + " -> " + later);
        assertTrue(browser.findElements(By.cssSelector("#chart path.ahead")).size() == 1, "horizon drawn");
        assertEquals(6, browser.findElements(By.cssSelector("#horizon tbody tr")).size());
        wait.until(d -> d.findElement(By.id("throughput")).getText().contains("events/s"));
        Files.createDirectories(SCREENSHOT.getParent());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);

        pick(wait, "<img", XSS);
        wait.until(d -> points(d) >= 2);
        assertEquals(XSS, browser.findElement(By.id("series-title")).getText(), "the name is shown as text");
        assertEquals(0, browser.findElements(By.tagName("img")).size(), "no element was injected");
        assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), Path.of("target", "dashboard-injected-name.png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** Types {@code search} into the search box and clicks the list entry whose text is exactly {@code id}. */
    private static void pick(WebDriverWait wait, String search, String id) {
        WebDriver d = wait.until(x -> x);
        WebElement box = d.findElement(By.id("search"));
        box.clear();
        box.sendKeys(search);
        WebElement entry = wait.until(x -> x.findElements(By.cssSelector("#series-list li")).stream()
                .filter(li -> li.getText().equals(id)).findFirst().orElse(null));
        entry.click();
        wait.until(x -> x.findElement(By.id("series-title")).getText().equals(id));
    }

    private static int points(WebDriver d) {
        return Integer.parseInt(d.findElement(By.id("chart")).getDomAttribute("data-points"));
    }
}
