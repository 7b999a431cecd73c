package org.advocacy.engine.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.devtools.v156.emulation.Emulation;
import org.openqa.selenium.devtools.v156.log.Log;
import org.openqa.selenium.devtools.v156.log.model.LogEntry;
import org.openqa.selenium.devtools.v156.network.Network;
import org.openqa.selenium.devtools.v156.network.model.ResourceType;
import org.openqa.selenium.devtools.v156.page.Page;
import org.openqa.selenium.devtools.v156.page.model.Viewport;
import org.openqa.selenium.devtools.v156.runtime.Runtime;
import org.openqa.selenium.devtools.v156.runtime.model.ConsoleAPICalled;
import org.openqa.selenium.devtools.v156.runtime.model.ExceptionDetails;
import org.openqa.selenium.devtools.v156.runtime.model.RemoteObject;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A test of the running app's pages in a headless Chromium (the Debian packages chromium and
 * chromium-driver), one browser per test class. Every test starts signed out on a blank page, and
 * fails afterwards when a page it opened threw or logged a JavaScript error (CSP violations
 * included), asked another host for anything, or could not load one of its scripts, styles, images
 * or fonts. Without Chromium every browser test is skipped, saying so.
 */
@AppTest
@ExtendWith(BrowserTest.ChromiumInstalled.class)
public abstract class BrowserTest extends ApiTest {

    // Overridable for a machine that keeps them elsewhere, and to see the skip without uninstalling.
    protected static final Path CHROMIUM = Paths.get(System.getProperty("browser.chromium", "/usr/bin/chromium"));
    protected static final Path CHROMEDRIVER =
            Paths.get(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));

    protected static final int DESKTOP_WIDTH = 1280;
    protected static final int DESKTOP_HEIGHT = 900;
    protected static final int PHONE_WIDTH = 360;
    protected static final int PHONE_HEIGHT = 780;

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(50);
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1");
    /** Deliberately refused pages answer 403 or 404: only what a page loads into itself must not fail. */
    private static final Set<ResourceType> SUBRESOURCES_THAT_MUST_LOAD =
            Set.of(ResourceType.SCRIPT, ResourceType.STYLESHEET, ResourceType.IMAGE, ResourceType.FONT);
    private static final AtomicBoolean SKIP_REPORTED = new AtomicBoolean();
    private static final String SETTLE_MARKER = "browser-test-settled:";
    private static final Duration SETTLE_QUIET = Duration.ofMillis(30);
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration REQUESTS_IN_FLIGHT_TIMEOUT = Duration.ofSeconds(3);

    private static ChromeDriverService driverService;
    private static ChromeDriver browser;
    private static DevTools devTools;
    private static Path profileDirectory;

    // Filled by the DevTools listeners on Selenium's threads, read by the test's thread.
    private static final List<String> javaScriptErrors = new CopyOnWriteArrayList<>();
    private static final List<String> foreignRequests = new CopyOnWriteArrayList<>();
    private static final List<String> failedSubresources = new CopyOnWriteArrayList<>();
    private static final Set<String> documentUrls = ConcurrentHashMap.newKeySet();
    private static final Map<String, Integer> documentStatuses = new ConcurrentHashMap<>();
    private static final Map<String, String> requestsInFlight = new ConcurrentHashMap<>();
    private static final Map<String, String> requestedUrls = new ConcurrentHashMap<>();
    private static final Set<String> markersSeen = ConcurrentHashMap.newKeySet();
    private static final AtomicLong settleCount = new AtomicLong();
    private static volatile long lastEventNanos;

    private final List<String> expectedConsoleErrors = new ArrayList<>();

    /**
     * Skips every browser test, each with the reason, when Chromium is missing: before anything
     * starts, so that a machine without it does not start the app for nothing either.
     */
    static final class ChromiumInstalled implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            String missing = missingBrowser();
            if (missing == null) {
                return ConditionEvaluationResult.enabled("Chromium and chromedriver are installed");
            }
            if (SKIP_REPORTED.compareAndSet(false, true)) {
                System.err.println(missing);
            }
            return ConditionEvaluationResult.disabled(missing);
        }
    }

    /** Why the browser tests cannot run, or null when they can. */
    private static String missingBrowser() {
        List<Path> missing = Stream.of(CHROMIUM, CHROMEDRIVER).filter(file -> !Files.isExecutable(file)).toList();
        return missing.isEmpty() ? null : "browser tests skipped: Chromium/chromedriver not found at "
                + missing.stream().map(Path::toString).collect(Collectors.joining(", "))
                + "; install the Debian packages chromium and chromium-driver";
    }

    @BeforeAll
    static void startBrowser() throws IOException {
        // ChromiumInstalled has skipped the class already; this says why again, should it ever run.
        String missing = missingBrowser();
        Assumptions.assumeTrue(missing == null, missing);
        long started = System.nanoTime();
        // Both paths given explicitly, so that Selenium Manager never looks for a driver online.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        profileDirectory = Files.createTempDirectory("browser-test-profile");
        Path logs = Files.createDirectories(buildDirectory().resolve("browser"));
        driverService = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(logs.resolve("chromedriver.log").toFile())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + profileDirectory, "--window-size=" + DESKTOP_WIDTH + "," + DESKTOP_HEIGHT);
        browser = new ChromeDriver(driverService, options);
        devTools = browser.getDevTools();
        devTools.createSession();
        watch(devTools);
        System.err.printf("browser: Chromium %s started in %d ms%n",
                browser.getCapabilities().getBrowserVersion(), (System.nanoTime() - started) / 1_000_000);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            browser = null;
            devTools = null;
            if (driverService != null) {
                driverService.stop();
                driverService = null;
            }
            if (profileDirectory != null) {
                deleteRecursively(profileDirectory);
                profileDirectory = null;
            }
        }
    }

    @BeforeEach
    void startSignedOut() {
        resetBrowser();
    }

    /** Fails the test with every problem the watchers saw on its pages; the browser is reset either way. */
    @AfterEach
    void failOnPageProblems() {
        List<String> problems;
        try {
            problems = takePageProblems();
        } finally {
            resetBrowser();
        }
        if (!problems.isEmpty()) {
            Assertions.fail(problems.size() + " problem(s) on the pages of this test:\n  "
                    + String.join("\n  ", problems));
        }
    }

    // ---------------------------------------------------------------- navigation and sign-in

    /** Opens a path of the app, e.g. {@code /campaigns?page=2}. */
    protected void open(String path) {
        browser.get(baseUrl() + path);
    }

    /** Signs in, from signed out, through the login form (password = user name); waits until off /login. */
    protected void signIn(String user) {
        open("/login");
        WebElement name = waitFor(By.id("username"));
        name.clear();
        name.sendKeys(user);
        WebElement password = browser.findElement(By.id("password"));
        password.clear();
        password.sendKeys(user);
        browser.findElement(By.id("sign-in")).click();
        new WebDriverWait(browser, WAIT)
                .withMessage(() -> "signing in as " + user + " stayed on " + browser.getCurrentUrl())
                .until(driver -> !"/login".equals(currentPath()));
    }

    /** Clicks the header's sign-out button and waits for the login page. */
    protected void signOut() {
        waitFor(By.id("sign-out")).click();
        new WebDriverWait(browser, WAIT)
                .withMessage(() -> "signing out stayed on " + browser.getCurrentUrl())
                .until(driver -> "/login".equals(currentPath()));
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    /** The path of the page shown, without query or fragment. */
    protected String currentPath() {
        return URI.create(browser.getCurrentUrl()).getPath();
    }

    /** The HTTP status the page shown was answered with (after redirects). */
    protected int currentPageStatus() {
        settleEvents();
        String url = withoutFragment(browser.getCurrentUrl());
        Integer status = documentStatuses.get(url);
        if (status == null) {
            throw new AssertionError("no response was seen for the page " + url + "; seen: " + documentStatuses);
        }
        return status;
    }

    protected WebDriver browser() {
        return browser;
    }

    // ---------------------------------------------------------------- waiting and finding

    /** Waits up to ten seconds for a visible element. */
    protected WebElement waitFor(By locator) {
        return new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    protected WebElement find(By locator) {
        return browser.findElement(locator);
    }

    protected List<WebElement> findAll(By locator) {
        return browser.findElements(locator);
    }

    // ---------------------------------------------------------------- keyboard

    /** Presses Tab {@code times} times, as a keyboard user moving forward through the page. */
    protected void pressTab(int times) {
        Actions keys = new Actions(browser);
        for (int i = 0; i < times; i++) {
            keys.sendKeys(Keys.TAB);
        }
        keys.perform();
    }

    protected void pressShiftTab(int times) {
        Actions keys = new Actions(browser).keyDown(Keys.SHIFT);
        for (int i = 0; i < times; i++) {
            keys.sendKeys(Keys.TAB);
        }
        keys.keyUp(Keys.SHIFT).perform();
    }

    /** Types into whatever has the focus, as a keyboard user would: text, or keys such as {@link Keys#ENTER}. */
    protected void typeKeys(CharSequence... keys) {
        new Actions(browser).sendKeys(keys).perform();
    }

    /** The element that has the keyboard focus. */
    protected WebElement activeElement() {
        return browser.switchTo().activeElement();
    }

    // ---------------------------------------------------------------- helpers of the journeys

    protected static String unique(String title) {
        return title + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A new COI follow-up campaign, named uniquely after {@code title}, and the coordinator signed in; its id. */
    protected String campaignForTheCoordinator(String title) {
        String campaign = campaigns.launchFollowUp(unique(title), HttpCampaigns.PUBLISHED_ON);
        signIn("coordinator");
        return campaign;
    }

    protected Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) browser()).executeScript(script, arguments);
    }

    protected void waitUntil(String what, Supplier<Boolean> condition) {
        waitUntil(what, Duration.ofSeconds(10), condition);
    }

    protected void waitUntil(String what, Duration timeout, Supplier<Boolean> condition) {
        new WebDriverWait(browser(), timeout).pollingEvery(POLL)
                .ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class)
                .withMessage(() -> "waited for " + what + " on " + browser().getCurrentUrl())
                .until(driver -> condition.get());
    }

    /**
     * What of the form has no accessible name: each input, select and button needs a label for it,
     * an enclosing label or an aria-label (a button its text); a radio also its group's legend.
     */
    @SuppressWarnings("unchecked")
    protected List<String> labelProblems(String form) {
        return (List<String>) script("""
                const problems = [];
                document.querySelectorAll(arguments[0] + ' input:not([type=hidden]), ' + arguments[0] + ' select, '
                    + arguments[0] + ' textarea, ' + arguments[0] + ' button').forEach(control => {
                  const text = element => (element ? element.textContent : '').trim();
                  const byFor = control.id ? document.querySelector('label[for="' + CSS.escape(control.id) + '"]') : null;
                  const labelledBy = (control.getAttribute('aria-labelledby') || '').split(' ').filter(id => id)
                      .map(id => text(document.getElementById(id))).join(' ');
                  const name = text(byFor) || text(control.closest('label')) || (control.getAttribute('aria-label') || '').trim()
                      || labelledBy || (control.tagName === 'BUTTON' ? text(control) : '');
                  const describe = control.outerHTML.slice(0, 120);
                  if (!name) problems.push('no label: ' + describe);
                  if (control.type === 'radio') {
                    const fieldset = control.closest('fieldset');
                    if (!fieldset || !text(fieldset.querySelector('legend'))) problems.push('no legend: ' + describe);
                  }
                });
                return problems;
                """, form);
    }

    /** Presses Tab until the element of that id has the focus, at most {@code most} times. */
    protected void tabTo(String id, int most) {
        for (int i = 0; i < most; i++) {
            pressTab(1);
            if (id.equals(activeElement().getAttribute("id"))) {
                return;
            }
        }
        assertThat(activeElement().getAttribute("id")).as("the focus after %d Tab(s)", most).isEqualTo(id);
    }

    /** Fails when the page shown, at 360 px, is wider than the screen; names the elements that stick out. */
    @SuppressWarnings("unchecked")
    protected void assertFitsAPhone(String page) {
        List<Object> measured = atPhoneWidth(() -> (List<Object>) script("""
                const limit = arguments[0] + 1;
                const out = Array.from(document.querySelectorAll('body *'))
                  .filter(e => e.getBoundingClientRect().right > limit && e.getClientRects().length > 0)
                  .filter(e => !Array.from(e.children).some(child => child.getBoundingClientRect().right > limit));
                return [document.documentElement.scrollWidth, out.slice(0, 6).map(e => e.tagName.toLowerCase()
                  + (e.id ? '#' + e.id : '') + (typeof e.className === 'string' && e.className ? '.' + e.className : '')
                  + ' (right edge ' + Math.round(e.getBoundingClientRect().right) + ')').join(', ')];
                """, PHONE_WIDTH));
        assertThat(((Number) measured.get(0)).longValue()).as("the width of %s at %d px; too wide: %s", page,
                PHONE_WIDTH, measured.get(1)).isLessThanOrEqualTo(PHONE_WIDTH + 1);
    }

    // ---------------------------------------------------------------- the watchers

    /**
     * Lets this test pass although a console error containing {@code fragment} appears; the test
     * then fails if no such error appears. For the rare page whose error is the point of the test.
     */
    protected void expectConsoleError(String fragment) {
        expectedConsoleErrors.add(fragment);
    }

    /**
     * What the watchers have seen so far (JavaScript errors, requests to other hosts, resources that
     * did not load, expected console errors that did not come), forgetting it. The check after each
     * test calls this; a test of the watchers themselves may call it to look at what they caught.
     */
    protected List<String> takePageProblems() {
        settleEvents();
        awaitRequestsInFlight();
        settleEvents();
        List<String> problems = new ArrayList<>();
        List<String> errors = new ArrayList<>(javaScriptErrors);
        for (String fragment : expectedConsoleErrors) {
            if (!errors.removeIf(error -> error.contains(fragment))) {
                problems.add("expected a console error containing \"" + fragment + "\", but none came");
            }
        }
        errors.forEach(error -> problems.add("JavaScript error: " + error));
        foreignRequests.forEach(url -> problems.add("request to another host: " + url));
        failedSubresources.forEach(failure -> problems.add("resource failed to load: " + failure));
        javaScriptErrors.clear();
        foreignRequests.clear();
        failedSubresources.clear();
        expectedConsoleErrors.clear();
        return problems;
    }

    private static void watch(DevTools tools) {
        tools.send(Runtime.enable());
        tools.send(Log.enable());
        tools.send(Network.enable(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty()));
        // A cached answer raises no network event, and would hide a resource that no longer loads.
        tools.send(Network.setCacheDisabled(true));

        tools.addListener(Runtime.exceptionThrown(), thrown -> {
            lastEventNanos = System.nanoTime();
            javaScriptErrors.add(describe(thrown.getExceptionDetails()));
        });
        tools.addListener(Runtime.consoleAPICalled(), call -> {
            lastEventNanos = System.nanoTime();
            if (call.getType() == ConsoleAPICalled.Type.ERROR || call.getType() == ConsoleAPICalled.Type.ASSERT) {
                javaScriptErrors.add("console." + call.getType().toJson() + ": "
                        + call.getArgs().stream().map(BrowserTest::describe).collect(Collectors.joining(" ")));
            } else if (call.getType() == ConsoleAPICalled.Type.DEBUG && call.getArgs().size() == 1) {
                call.getArgs().get(0).getValue().map(String::valueOf).filter(text -> text.startsWith(SETTLE_MARKER))
                        .ifPresent(marker -> markersSeen.add(marker));
            }
        });
        tools.addListener(Log.entryAdded(), entry -> {
            lastEventNanos = System.nanoTime();
            if (entry.getLevel() != LogEntry.Level.ERROR) {
                return;
            }
            // A refused page (403, 404) is logged as a failed load too; its status is the test's to check.
            if (entry.getSource() == LogEntry.Source.NETWORK
                    && entry.getUrl().map(url -> documentUrls.contains(withoutFragment(url))).orElse(false)) {
                return;
            }
            javaScriptErrors.add(entry.getSource().toJson() + ": " + entry.getText()
                    + entry.getUrl().map(url -> " (" + url + entry.getLineNumber().map(line -> ":" + line).orElse("") + ")")
                            .orElse(""));
        });
        tools.addListener(Network.requestWillBeSent(), sent -> {
            lastEventNanos = System.nanoTime();
            String url = sent.getRequest().getUrl();
            if (sent.getType().orElse(null) == ResourceType.DOCUMENT) {
                documentUrls.add(withoutFragment(url));
            }
            if (!isLocal(url)) {
                foreignRequests.add(url);
            }
            ResourceType type = sent.getType().orElse(ResourceType.OTHER);
            if (url.startsWith("http") && type != ResourceType.EVENTSOURCE && type != ResourceType.WEBSOCKET) {
                requestsInFlight.put(sent.getRequestId().toString(), url);
                // A redirect comes as the same request again: the first URL is the one the page asked for.
                requestedUrls.putIfAbsent(sent.getRequestId().toString(), url);
            }
        });
        tools.addListener(Network.loadingFinished(), finished -> {
            lastEventNanos = System.nanoTime();
            requestsInFlight.remove(finished.getRequestId().toString());
        });
        tools.addListener(Network.loadingFailed(), failed -> {
            lastEventNanos = System.nanoTime();
            requestsInFlight.remove(failed.getRequestId().toString());
        });
        tools.addListener(Network.responseReceived(), received -> {
            lastEventNanos = System.nanoTime();
            int status = received.getResponse().getStatus();
            String url = received.getResponse().getUrl();
            if (received.getType() == ResourceType.DOCUMENT) {
                documentStatuses.put(withoutFragment(url), status);
            } else if (SUBRESOURCES_THAT_MUST_LOAD.contains(received.getType())) {
                if (status >= 400) {
                    failedSubresources.add(received.getType().toJson() + " " + url + " answered " + status);
                } else if (received.getResponse().getMimeType().startsWith("text/html")) {
                    // What the security rules refuse a signed-out page is redirected to the login page: 200.
                    String requested = requestedUrls.getOrDefault(received.getRequestId().toString(), url);
                    failedSubresources.add(received.getType().toJson() + " " + requested + " answered an HTML page"
                            + (requested.equals(url) ? "" : " (redirected to " + url + ")"));
                }
            }
        });
    }

    private static boolean isLocal(String url) {
        String scheme = url.contains(":") ? url.substring(0, url.indexOf(':')).toLowerCase(Locale.ROOT) : "";
        if (Set.of("data", "blob", "about").contains(scheme)) {
            return true;
        }
        try {
            String host = URI.create(url).getHost();
            return host != null && LOCAL_HOSTS.contains(host.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException unparseable) {
            return false;
        }
    }

    private static String describe(ExceptionDetails details) {
        String what = details.getException().flatMap(RemoteObject::getDescription).orElse(details.getText());
        String where = details.getUrl().map(url -> " (" + url + ":" + (details.getLineNumber() + 1) + ")").orElse("");
        return what + where;
    }

    private static String describe(RemoteObject argument) {
        return argument.getValue().map(String::valueOf)
                .or(argument::getDescription)
                .orElse(argument.getType().toJson());
    }

    /**
     * Waits until the listeners have seen every event the page sent so far. Selenium hands each
     * DevTools message to a thread pool, so events can reach the listeners after the answer to a
     * later command: the page logs a marker, and once the marker is back and the listeners have
     * been quiet for a moment, the earlier events are in the lists.
     */
    private static void settleEvents() {
        String marker = SETTLE_MARKER + settleCount.incrementAndGet();
        try {
            devTools.send(Runtime.evaluate("console.debug('" + marker + "')", Optional.empty(), Optional.empty(),
                    Optional.of(true), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty()));
        } catch (RuntimeException navigatingAway) {
            // A page between two documents has nowhere to run the marker: the quiet period still applies.
            markersSeen.add(marker);
        }
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline
                && (!markersSeen.contains(marker) || System.nanoTime() - lastEventNanos < SETTLE_QUIET.toNanos())) {
            sleep(5);
        }
        markersSeen.remove(marker);
    }

    /**
     * A test may end the moment it clicked: what the page was still loading then (an image, an
     * htmx answer) must have its say. A request that outlives the wait (a long poll) is not waited for.
     */
    private static void awaitRequestsInFlight() {
        long deadline = System.nanoTime() + REQUESTS_IN_FLIGHT_TIMEOUT.toNanos();
        while (!requestsInFlight.isEmpty() && System.nanoTime() < deadline) {
            sleep(10);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /** A blank page first, so that nothing from the last page reaches the next test's lists. */
    private void resetBrowser() {
        browser.get("about:blank");
        devTools.send(Network.clearBrowserCookies());
        settleEvents();
        javaScriptErrors.clear();
        foreignRequests.clear();
        failedSubresources.clear();
        documentUrls.clear();
        documentStatuses.clear();
        requestsInFlight.clear();
        requestedUrls.clear();
        expectedConsoleErrors.clear();
    }

    private static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }

    // ---------------------------------------------------------------- screenshots

    /**
     * Writes the whole page at desktop and at phone width to {@code screenshots/<name>-desktop.png}
     * and {@code <name>-phone.png} in the build directory, then shows it at desktop size again.
     */
    protected void screenshot(String name) {
        Path directory = screenshotDirectory();
        try {
            Files.createDirectories(directory);
            Files.write(directory.resolve(name + "-desktop.png"), capture(DESKTOP_WIDTH, DESKTOP_HEIGHT, false));
            Files.write(directory.resolve(name + "-phone.png"), capture(PHONE_WIDTH, PHONE_HEIGHT, true));
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        } finally {
            devTools.send(Emulation.clearDeviceMetricsOverride());
        }
    }

    private static byte[] capture(int width, int height, boolean mobile) {
        // Emulating the screen, not resizing the window: media queries and the viewport meta apply
        // exactly as on a device of that width, whatever size the headless window has.
        devTools.send(Emulation.setDeviceMetricsOverride(width, height, 1, mobile, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()));
        ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "document.fonts.ready.then(() => requestAnimationFrame(() => requestAnimationFrame(done)));");
        var content = devTools.send(Page.getLayoutMetrics()).getCssContentSize();
        // Content wider than the screen stays in the picture: a page that scrolls sideways should show it.
        double fullWidth = Math.max(width, Math.ceil(content.getWidth().doubleValue()));
        double fullHeight = Math.max(height, Math.ceil(content.getHeight().doubleValue()));
        String png = devTools.send(Page.captureScreenshot(Optional.of(Page.CaptureScreenshotFormat.PNG),
                Optional.empty(), Optional.of(new Viewport(0, 0, fullWidth, fullHeight, 1)), Optional.empty(),
                Optional.of(true), Optional.empty()));
        return Base64.getDecoder().decode(png);
    }

    /** What {@code measure} reads of the page while it is shown at phone width; desktop again afterwards. */
    protected <T> T atPhoneWidth(Supplier<T> measure) {
        devTools.send(Emulation.setDeviceMetricsOverride(PHONE_WIDTH, PHONE_HEIGHT, 1, true, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()));
        try {
            return measure.get();
        } finally {
            devTools.send(Emulation.clearDeviceMetricsOverride());
        }
    }

    /** Where {@link #screenshot} writes. */
    protected static Path screenshotDirectory() {
        return buildDirectory().resolve("screenshots");
    }

    /** -DbuildDirectory when given (failsafe passes it on), else target below the working directory. */
    private static Path buildDirectory() {
        return Paths.get(System.getProperty("buildDirectory", "target"));
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
