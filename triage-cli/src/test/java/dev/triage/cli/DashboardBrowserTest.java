package dev.triage.cli;

import dev.triage.contract.TriageVersion;
import dev.triage.server.Accounts;
import dev.triage.server.ServerOptions;
import dev.triage.server.TriageServer;
import dev.triage.store.Store;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard in a real browser: Debian's headless Chromium driven through its chromedriver by Selenium. A
 * developer logs in, uploads the sample app, watches its scan finish, opens a finding and marks it a false positive;
 * a reviewer logs in and approves it; the open-flaw counts drop by one. Screenshots of each step are kept under
 * {@code target/dashboard-screenshots}. Without Chromium the test is skipped on a developer's machine and fails under
 * CI ({@code CI=true}), where .ci/run installs it.
 */
class DashboardBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SHOTS = Path.of("target", "dashboard-screenshots");

    @TempDir
    Path tmp;

    @Test
    void uploadWatchOpenAFindingMarkItFalsePositiveAndSeeTheCountsChange() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String why = "Chromium and its driver (" + CHROMIUM + ", " + CHROMEDRIVER + ") are not installed";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) throw new AssertionError(why + ": .ci/run must install them");
            Assumptions.abort(why + ": browser test skipped on this machine");
        }
        Files.createDirectories(SHOTS);
        List<String> worker = PortfolioCommand.workerCommand("1g", Duration.ofMinutes(10), null, List.of(), List.of());
        try (Store store = Store.open(tmp.resolve("store").resolve("s").toString());
             TriageServer server = new TriageServer(store, new ServerOptions("127.0.0.1", 0, tmp.resolve("data"), 256L << 20, 1, 10,
                     Duration.ofMinutes(10), worker, TriageVersion.get(), 10_000, 100, "browser-test-admin-password", true))) {
            server.start(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            Accounts accounts = server.accounts();
            long team = accounts.createTeam("cardiology", "admin");
            accounts.createUser("dana", dev.triage.server.Role.DEVELOPER, "dana-password-123", "admin");
            accounts.createUser("rui", dev.triage.server.Role.REVIEWER, "rui-password-1234", "admin");
            accounts.addMember(team, "dana", "admin");
            accounts.addMember(team, "rui", "admin");
            // localhost, not 127.0.0.1: browsers keep Secure cookies from http://localhost
            String base = "http://localhost:" + server.port();

            WebDriver browser = chromium();
            try {
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofMinutes(10), Duration.ofMillis(250));
                logIn(browser, base, "dana", "dana-password-123");
                browser.get(base + "/upload");
                browser.findElement(By.id("app")).sendKeys("portal");
                new Select(browser.findElement(By.id("team"))).selectByVisibleText("cardiology");
                browser.findElement(By.id("file")).sendKeys(ServeEndToEndTest.WAR.toAbsolutePath().normalize().toString());
                shot(browser, "1-upload");
                browser.findElement(By.id("upload-submit")).click();
                wait.until(d -> !d.findElements(By.id("scan-done")).isEmpty()
                        || d.findElement(By.id("status")).getText().startsWith("Scan failed")
                        || d.findElement(By.id("status")).getText().startsWith("Refused"));
                shot(browser, "2-scan-finished");
                assertTrue(!browser.findElements(By.id("scan-done")).isEmpty(), browser.findElement(By.id("status")).getText());
                browser.findElement(By.id("scan-done")).click();

                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("open-flaws")));
                int openBefore = Integer.parseInt(browser.findElement(By.id("open-flaws")).getText());
                assertTrue(openBefore > 10, "the portal's flaws: " + openBefore);
                shot(browser, "3-app");
                browser.findElements(By.cssSelector("a.finding")).get(0).click();
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("propose")));
                String finding = browser.getCurrentUrl();
                assertTrue(!browser.findElement(By.id("advice")).getText().isBlank(), "fix advice");
                new Select(browser.findElement(By.id("kind"))).selectByValue("false-positive");
                browser.findElement(By.id("reason")).sendKeys("The value is a constant in this deployment.");
                shot(browser, "4-finding");
                browser.findElement(By.id("propose-submit")).click();
                wait.until(d -> d.findElements(By.cssSelector("#decisions td.status")).stream().anyMatch(e -> e.getText().equals("proposed")));
                shot(browser, "5-proposed");

                browser.findElement(By.cssSelector("form.logout button")).click();
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login")));
                logIn(browser, base, "rui", "rui-password-1234");
                browser.get(finding);
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button.approve")));
                browser.findElement(By.cssSelector("button.approve")).click();
                wait.until(d -> d.findElements(By.cssSelector("#decisions td.status")).stream().anyMatch(e -> e.getText().equals("approved")));
                shot(browser, "6-approved");

                browser.get(base + "/apps/portal");
                assertEquals(openBefore - 1, Integer.parseInt(browser.findElement(By.id("open-flaws")).getText()));
                browser.get(base + "/");
                assertEquals(openBefore - 1, Integer.parseInt(browser.findElement(By.id("open-flaws")).getText()));
                assertEquals("1", browser.findElement(By.id("mitigated-flaws")).getText());
                assertTrue(browser.findElements(By.cssSelector("svg[role=img]")).size() >= 3, "the overview's charts");
                shot(browser, "7-overview");
            } finally {
                browser.quit();
            }
        }
    }

    private static WebDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // root in a container has no user namespace for Chromium's sandbox; /dev/shm may be small
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000",
                "--disable-gpu", "--no-first-run");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static void logIn(WebDriver browser, String base, String user, String password) {
        browser.get(base + "/");
        assertTrue(browser.getCurrentUrl().endsWith("/login"), browser.getCurrentUrl());
        browser.findElement(By.id("name")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login")).click();
        new WebDriverWait(browser, Duration.ofMinutes(1)).until(ExpectedConditions.presenceOfElementLocated(By.id("open-flaws")));
    }

    private static void shot(WebDriver browser, String name) throws Exception {
        File f = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
