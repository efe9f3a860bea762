package it.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One headless Chromium for the browser tests, from the machine's Debian packages
 * ({@code /usr/bin/chromium}, {@code /usr/bin/chromedriver}) with both paths given so that
 * Selenium Manager never looks for (or downloads) a browser or driver. Screenshots go to
 * {@code target/screenshots/}.
 */
final class Browser implements AutoCloseable {
    static final String CHROMIUM = System.getProperty("chromium.binary", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** The browser's time zone: UTC+9 all year. */
    static final String TIME_ZONE = "Asia/Tokyo";

    final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static Browser start() throws IOException {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        Path profile = Files.createTempDirectory("switchboard-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile,
                "--window-size=1366,900",
                "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        // a reader far from UTC, so a time shown in UTC (or read as UTC from a picker) is seen to be wrong
        driver.executeCdpCommand("Emulation.setTimezoneOverride", java.util.Map.of("timezoneId", TIME_ZONE));
        Files.createDirectories(SCREENSHOTS);
        return new Browser(driver, profile);
    }

    /** Saves the page as {@code target/screenshots/<name>.png} at the given viewport size. */
    Path screenshot(String name, int width, int height) throws IOException {
        Dimension before = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(width, height));
        try {
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            it.support.Switchboard.deleteRecursively(profile);
        }
    }
}
