package io.sitechrome.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.sitechrome.examples.DemoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium (Debian's {@code chromium} through Debian's {@code chromedriver}) and
 * one demo site on a free loopback port, for one test class.
 *
 * <p>Nothing is downloaded at run time: both binaries are named explicitly, so Selenium
 * Manager is never asked for a driver or a browser, and every host name but the loopback
 * address resolves to nothing, so the page's external links and the logo fail at once
 * instead of leaving the machine.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));

    /** The chrome's own parts of the page, as opposed to the demo's content in {@code <main>}. */
    static final String CHROME_PARTS = ".chrome-cookies, .chrome-skip-link, .chrome-banner, .chrome-header, .chrome-footer";

    final ChromeDriver driver;
    final DemoServer demo;
    final String base;
    final boolean javascript;
    private final Path userData;
    private final Path auditLog;

    private Browser(ChromeDriver driver, DemoServer demo, Path userData, Path auditLog, boolean javascript) {
        this.driver = driver;
        this.demo = demo;
        this.base = "http://127.0.0.1:" + demo.port();
        this.userData = userData;
        this.auditLog = auditLog;
        this.javascript = javascript;
    }

    /** Starts the demo and a browser with JavaScript on. */
    static Browser start() {
        return start(true);
    }

    /**
     * Starts the demo and a browser; {@code javascript} false turns script off for every page,
     * as a visitor's browser setting would.
     */
    static Browser start(boolean javascript) {
        return start(javascript, null);
    }

    /** Starts the demo with the configuration {@code config} (null: the bundled one) and a browser. */
    static Browser start(boolean javascript, Path config) {
        requireExecutable(CHROMIUM, "chromium");
        requireExecutable(CHROMEDRIVER, "chromium-driver");
        // Belt and braces: Selenium Manager is only consulted when a path is missing, and must not
        // try to fetch a browser either way.
        System.setProperty("SE_AVOID_BROWSER_DOWNLOAD", "true");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        Path userData = null;
        Path auditLog = null;
        DemoServer demo = null;
        try {
            userData = Files.createTempDirectory("site-chrome-chromium-");
            auditLog = Files.createTempFile("site-chrome-consent-", ".log");
            demo = DemoServer.start("127.0.0.1", 0, config == null ? null : config.toString(), auditLog);

            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments(
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--disable-extensions", "--disable-default-apps",
                    "--user-data-dir=" + userData,
                    "--window-size=1280,900", "--force-device-scale-factor=1", "--hide-scrollbars",
                    "--lang=en-US", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1");
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            Browser browser = new Browser(driver, demo, userData, auditLog, javascript);
            // Without JavaScript: the tab's script execution is switched off, as DevTools' "Disable
            // JavaScript" does, for every page it loads from now on. (Chrome's content setting would do
            // the same for the page, but it also stops the timers axe-core needs; this switch can be
            // lifted for the length of an audit, see withScriptsForAnAudit.)
            if (!javascript) browser.scripts(false);
            browser.viewport(1280, 900);
            return browser;
        } catch (Exception e) {
            if (demo != null) {
                try {
                    demo.close();
                } catch (Exception ignored) {
                    // already failing
                }
            }
            deleteTree(userData);
            throw new IllegalStateException("Could not start headless Chromium (" + CHROMIUM + ") with "
                    + CHROMEDRIVER + ": " + e.getMessage(), e);
        }
    }

    private static void requireExecutable(Path binary, String debianPackage) {
        if (!Files.isExecutable(binary)) {
            fail(binary + " is missing or not executable: the browser tests drive Debian's Chromium through its"
                    + " ChromeDriver. Install them with `apt-get install -y chromium chromium-driver` (.ci/run does),"
                    + " or point -D" + (debianPackage.equals("chromium") ? "chromium.binary" : "chromedriver.binary")
                    + " at another " + debianPackage + " build.");
        }
    }

    // ---- navigation and state ----

    /** Loads a path of the demo and waits until the document and its deferred script are done. */
    Browser open(String path) {
        driver.get(base + path);
        waitForLoad();
        return this;
    }

    /**
     * Clicks something that loads a new document (a link, a form's button) and waits until the
     * old document is gone and the new one has loaded.
     */
    void clickAndLoad(WebElement element) {
        WebElement oldRoot = css("html");
        element.click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> isGone(oldRoot));
        waitForLoad();
    }

    /**
     * Whether an element belongs to no document any more. Selenium's {@code stalenessOf} knows
     * only the stale-element error; while Chromium swaps documents it can also answer "Node with
     * given id does not belong to the document", which means the same.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (WebDriverException gone) {
            return true;
        }
    }

    /**
     * Waits until a document has loaded and is still the same document a moment later: after a
     * form post and its redirect, Chromium can report a document complete just before it commits
     * the next one, and elements found in between belong to no document.
     */
    void waitForLoad() {
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .ignoring(WebDriverException.class)
                .until(d -> {
                    JavascriptExecutor js = (JavascriptExecutor) d;
                    if (!"complete".equals(js.executeScript("return document.readyState"))) return false;
                    Object mark = js.executeScript("return window.__loadMark || (window.__loadMark = String(Math.random()));");
                    sleep(150);
                    return mark.equals(js.executeScript("return window.__loadMark;"))
                            && "complete".equals(js.executeScript("return document.readyState"));
                });
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Forgets every cookie of the demo (consent, locale, session, flash). */
    Browser reset() {
        if (!driver.getCurrentUrl().startsWith(base)) driver.get(base + "/demo/site.css");
        driver.manage().deleteAllCookies();
        return this;
    }

    /** Chooses the page language through the chrome's own endpoint, as the picker does. */
    Browser locale(String tag) {
        return open("/chrome/locale/" + tag + "?return=/");
    }

    /** Signs in through the demo's form and lands on the legal page. */
    Browser signIn(String name, int unread) {
        open("/demo/sign-in?return=/");
        WebElement nameField = driver.findElement(By.id("name"));
        nameField.clear();
        nameField.sendKeys(name);
        WebElement unreadField = driver.findElement(By.id("unread"));
        unreadField.clear();
        unreadField.sendKeys(Integer.toString(unread));
        clickAndLoad(driver.findElement(By.cssSelector("main button[type=submit]")));
        assertTrue(driver.getCurrentUrl().equals(base + "/"), "sign-in should land on the legal page, not " + driver.getCurrentUrl());
        return this;
    }

    /** Sets the layout viewport exactly, independent of the window. */
    Browser viewport(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        return this;
    }

    private void scripts(boolean enabled) {
        driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", !enabled));
    }

    /**
     * Runs an audit that needs script timers on a page that was loaded without JavaScript. The
     * page's own script was skipped while it loaded and does not run now; the audit checks that
     * it still has not ({@code <html>} never got its {@code chrome-js} class).
     */
    <T> T withScriptsForAnAudit(java.util.function.Supplier<T> audit) {
        if (javascript) return audit.get();
        assertNoChromeScript();
        scripts(true);
        try {
            return audit.get();
        } finally {
            scripts(false);
            assertNoChromeScript();
        }
    }

    void assertNoChromeScript() {
        String classes = css("html").getDomAttribute("class");
        assertTrue(classes == null || !classes.contains("chrome-js"),
                "chrome.js ran on a page that was loaded without JavaScript: <html class=" + classes + ">");
    }

    /** Emulates Windows High Contrast (forced colours) or turns it off again. */
    Browser forcedColors(boolean active) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "forced-colors", "value", active ? "active" : "none"))));
        return this;
    }

    /**
     * Emulates a media type ({@code print}, or empty for the screen) and colour scheme
     * ({@code dark}, {@code light}, or empty for the default), as DevTools' rendering panel does.
     */
    Browser media(String type, String colorScheme) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", type,
                "features", List.of(Map.of("name", "prefers-color-scheme", "value", colorScheme))));
        return this;
    }

    Cookie cookie(String name) {
        return driver.manage().getCookieNamed(name);
    }

    // ---- script, keys, elements ----

    Object js(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    WebElement css(String selector) {
        return driver.findElement(By.cssSelector(selector));
    }

    List<WebElement> all(String selector) {
        return driver.findElements(By.cssSelector(selector));
    }

    WebElement active() {
        return driver.switchTo().activeElement();
    }

    /** Presses keys on whatever has focus, as a keyboard user does. */
    void press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    void tab() {
        press(Keys.TAB);
    }

    void shiftTab() {
        new Actions(driver).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
    }

    /** Moves focus forward with Tab until {@code element} has it; fails after {@code limit} presses. */
    void tabTo(WebElement element, int limit) {
        for (int i = 0; i < limit; i++) {
            tab();
            if (element.equals(active())) return;
        }
        fail("Tab did not reach " + describe(element) + " within " + limit + " presses");
    }

    /** A readable description of an element: its tag, accessible name and link target. */
    String describe(WebElement element) {
        return (String) js("""
                const el = arguments[0];
                if (!el || el === document.body) return 'body';
                const name = (el.getAttribute('aria-label') || el.innerText || el.value || el.getAttribute('alt')
                    || (el.querySelector('img') && el.querySelector('img').alt) || '').trim().replace(/\\s+/g, ' ');
                const href = el.getAttribute('href');
                return el.tagName.toLowerCase() + ' "' + name + '"' + (href ? ' ' + href : '');
                """, element);
    }

    void assertExpanded(WebElement button, boolean expanded) {
        assertEquals(Boolean.toString(expanded), button.getAttribute("aria-expanded"),
                "aria-expanded of " + describe(button));
        WebElement panel = driver.findElement(By.id(button.getAttribute("aria-controls")));
        assertEquals(expanded, panel.isDisplayed(), "panel #" + panel.getAttribute("id") + " of " + describe(button)
                + (expanded ? " should be shown" : " should be hidden"));
    }

    /**
     * On a small screen with script, opens the header's menu (the nav and the actions are behind
     * its button); elsewhere does nothing.
     */
    Browser openMenu() {
        List<WebElement> buttons = all(".chrome-header__menu-button");
        if (!buttons.isEmpty() && buttons.get(0).isDisplayed() && !"true".equals(buttons.get(0).getAttribute("aria-expanded"))) {
            buttons.get(0).click();
            assertExpanded(buttons.get(0), true);
        }
        return this;
    }

    /**
     * The disclosure button whose visible text is {@code label} (Products, Get help, the account
     * menu), opening the small-screen menu first and, where the entry moved into "More", that too.
     */
    WebElement disclosureButton(String label) {
        openMenu();
        for (WebElement button : all(".chrome-nav__overflow .chrome-disclosure__button")) {
            if (button.getAttribute("textContent").trim().equals(label)) {
                WebElement more = css(".chrome-nav__more > button");
                if (!"true".equals(more.getAttribute("aria-expanded"))) more.click();
                return button;
            }
        }
        for (WebElement button : all(".chrome-disclosure__button")) {
            if (button.getText().trim().equals(label)) return button;
        }
        throw new AssertionError("no drop-down button labelled '" + label + "'; found "
                + all(".chrome-disclosure__button").stream().map(WebElement::getText).toList());
    }

    /** Saves a PNG of the viewport under target/screenshots. */
    Path screenshot(String name) {
        try {
            Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try {
                demo.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                deleteTree(userData);
                deleteTree(auditLog);
            }
        }
    }

    private static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) return;
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // Chromium may still be letting go of a file; the OS temp cleaner will get it
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
