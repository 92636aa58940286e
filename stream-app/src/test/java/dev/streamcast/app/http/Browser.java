package dev.streamcast.app.http;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The system's headless Chromium through its matching chromedriver (Debian packages {@code chromium} and
 * {@code chromium-driver}). Both paths are given explicitly, so Selenium Manager never looks anything up or
 * downloads a browser: this machine and CI have no network beyond the package registries.
 */
final class Browser {

    static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));

    private Browser() {
    }

    /** Fails (never skips) when the browser is missing: the dashboard test is part of the build's proof. */
    static ChromeDriver start(Path profileDir) {
        String install = " is missing: install it with `apt-get update && apt-get install -y chromium chromium-driver`"
                + " (CI installs both)";
        assertTrue(Files.isExecutable(CHROMIUM), CHROMIUM + install);
        assertTrue(Files.isExecutable(CHROMEDRIVER), CHROMEDRIVER + install);
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--disable-sync", "--window-size=1366,900", "--user-data-dir=" + profileDir.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        return driver;
    }
}
