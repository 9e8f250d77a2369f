package io.sitechrome.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.sitechrome.examples.DemoServer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the page looks like, measured: reflow at 320 pixels (WCAG 1.4.10), target size
 * (2.5.8), a visible focus indicator also in forced colours (2.4.7), and no layout shift
 * while a page with banners loads.
 */
class LayoutTest {

    /**
     * Links that WCAG 2.5.8 exempts as "inline": they sit inside a sentence, so their line
     * height is set by the text around them. The banner's "Learn more" link and the cookie
     * banner's policy link.
     */
    static final String INLINE_LINKS = ".chrome-banner__text a, .chrome-cookies__body a";

    static Browser browser;

    @BeforeAll
    static void start() {
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
    }

    @BeforeEach
    void freshVisitor() {
        browser.forcedColors(false).viewport(1280, 900).reset();
    }

    /** Puts the page in a named state: a drop-down open, signed in, a language, ... */
    private void enter(String state) {
        switch (state) {
            case "signed out" -> browser.open("/");
            case "Products open", "Get help open" -> {
                browser.open("/");
                WebElement button = browser.disclosureButton(state.replace(" open", ""));
                button.click();
                browser.assertExpanded(button, true);
            }
            case "account menu open" -> {
                browser.signIn("Ada Lovelace-Byron", 1234);
                WebElement button = browser.openMenu().css(".chrome-account__button");
                button.click();
                browser.assertExpanded(button, true);
            }
            case "cookie preferences open" -> {
                browser.open("/");
                browser.css("[data-chrome-open-preferences]").click();
                assertTrue(browser.css("#chrome-cookie-preferences").isDisplayed(), "the preferences are open");
            }
            case "consent saved" -> {
                browser.open("/");
                browser.css("button[value=reject-all]").click();
                new WebDriverWait(browser.driver, Duration.ofSeconds(10))
                        .until(d -> browser.css("[data-chrome-cookies-confirmation]").isDisplayed());
            }
            default -> {
                browser.locale(state);
                assertEquals(state, browser.css("html").getAttribute("lang"));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"signed out", "Products open", "Get help open", "account menu open", "cookie preferences open",
        "consent saved", "ar", "he", "ja", "de", "el"})
    void noHorizontalScrollingAt320Pixels(String state) {
        browser.viewport(320, 640);
        enter(state);
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) browser.js("""
                const parts = arguments[0];
                const offenders = [];
                document.querySelectorAll(parts).forEach((part) => [part, ...part.querySelectorAll('*')].forEach((el) => {
                  const r = el.getBoundingClientRect();
                  if (r.width <= 1 && r.height <= 1) return;            // visually hidden text
                  if (el.getClientRects().length === 0) return;          // not rendered
                  if (!el.checkVisibility({contentVisibilityAuto: true})) return;   // in a closed footer column
                  if (el.parentElement.closest('.chrome-visually-hidden')) return;   // inside visually hidden text
                  if (r.right > innerWidth + 0.5 || r.left < -0.5)
                    offenders.push(el.tagName.toLowerCase() + '.' + el.className + ' [' + Math.round(r.left) + ', ' + Math.round(r.right) + ']');
                }));
                return { scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth,
                         innerWidth: innerWidth, offenders: offenders.slice(0, 20) };
                """, Browser.CHROME_PARTS);
        assertEquals(320L, m.get("innerWidth"));
        long scrollWidth = (Long) m.get("scrollWidth");
        assertTrue(scrollWidth <= (Long) m.get("clientWidth") && scrollWidth <= 320,
                "WCAG 1.4.10: the page scrolls sideways at 320 px (" + state + "): scrollWidth " + scrollWidth
                        + ", clientWidth " + m.get("clientWidth") + "; sticking out: " + m.get("offenders"));
        assertEquals(List.of(), m.get("offenders"), "chrome elements sticking out of the 320 px viewport (" + state + ")");
    }

    @ParameterizedTest(name = "{0}, {1} px")
    @CsvSource({
        "signed out, 1280", "signed out, 320",
        "Products open, 1280", "Products open, 320", "Get help open, 1280", "Get help open, 320",
        "account menu open, 1280", "account menu open, 320",
        "cookie preferences open, 1280", "cookie preferences open, 320",
        "ar, 320", "ja, 1280"})
    void everyTargetIsAtLeast24By24Pixels(String state, int width) {
        browser.viewport(width, 900);
        enter(state);
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) browser.js("""
                const parts = arguments[0], inline = arguments[1];
                const measured = [], small = [];
                const check = (el) => {
                  if (el.getClientRects().length === 0 || getComputedStyle(el).visibility !== 'visible') return;
                  const r = el.getBoundingClientRect();
                  measured.push(el);
                  if ((r.width < 24 || r.height < 24) && !el.matches(inline))
                    small.push(el.outerHTML.slice(0, 120) + ' is ' + r.width.toFixed(1) + 'x' + r.height.toFixed(1));
                };
                // The skip link is only a target while it has focus (it is hidden otherwise), and it cannot
                // take focus while a modal dialog makes the page behind it inert.
                const skip = document.querySelector('.chrome-skip-link');
                const before = document.activeElement;
                skip.focus();
                if (document.activeElement === skip) check(skip);
                skip.blur();
                if (before && before !== document.body) before.focus();
                document.querySelectorAll(parts).forEach((part) => part.querySelectorAll(
                    'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])').forEach(check));
                return { measured: measured.length, small: small };
                """, Browser.CHROME_PARTS, INLINE_LINKS);
        assertTrue((Long) m.get("measured") > 60, "measured the chrome's targets: " + m.get("measured"));
        assertEquals(List.of(), m.get("small"), "WCAG 2.5.8: targets smaller than 24x24 CSS px (" + state + ", " + width + " px)");
    }

    @ParameterizedTest(name = "forced colours: {0}")
    @ValueSource(booleans = {false, true})
    void everyFocusedControlOfTheChromeShowsAFocusIndicator(boolean forcedColors) {
        browser.forcedColors(forcedColors);
        try {
            assertEquals(forcedColors, browser.open("/").js("return matchMedia('(forced-colors: active)').matches"),
                    "forced-colors emulation");
            List<FocusWalk.Stop> stops = new ArrayList<>(FocusWalk.walk(browser, true));
            // and the cookie preferences' switches and button, opened as the "Manage cookies" link does
            browser.open("/#chrome-cookie-preferences");
            assertTrue(browser.css("#chrome-cookie-preferences").isDisplayed());
            stops.addAll(FocusWalk.walk(browser, false).stream()
                    .filter(s -> s.element().findElements(By.xpath("ancestor::*[@id='chrome-cookie-preferences']")).size() > 0)
                    .toList());
            List<String> problems = new ArrayList<>();
            int checked = 0;
            for (FocusWalk.Stop stop : stops) {
                if (!stop.chrome()) continue;
                checked++;
                String problem = focusProblem(stop.focusedStyle(), stop.unfocusedStyle(), forcedColors);
                if (problem != null) problems.add(stop.description() + ": " + problem);
            }
            assertTrue(checked > 100, "checked the chrome's focus stops: " + checked);
            assertTrue(stops.stream().anyMatch(s -> s.description().startsWith("input#chrome-consent-")),
                    "the preference switches were walked");
            assertEquals("", String.join("\n", problems), "WCAG 2.4.7: focused controls without a visible focus indicator"
                    + (forcedColors ? " in forced colours" : ""));
        } finally {
            browser.forcedColors(false);
        }
    }

    /** Null when the focused look has a clear indicator that the unfocused look lacks; else why not. */
    static String focusProblem(Map<String, Object> focused, Map<String, Object> unfocused, boolean forcedColors) {
        if (focused == null || unfocused == null) return "not measured";
        boolean outline = !"none".equals(focused.get("outlineStyle")) && px(focused.get("outlineWidth")) >= 2
                && !transparent((String) focused.get("outlineColor"));
        boolean shadow = !forcedColors && !"none".equals(focused.get("boxShadow"))
                && !focused.get("boxShadow").equals(unfocused.get("boxShadow"));
        if (!outline && !shadow) return "no outline of 2px or more and no box-shadow when focused: " + focused;
        boolean outlineChanged = !focused.get("outlineStyle").equals(unfocused.get("outlineStyle"))
                || !focused.get("outlineWidth").equals(unfocused.get("outlineWidth"))
                || !focused.get("outlineColor").equals(unfocused.get("outlineColor"));
        if (!outlineChanged && !shadow) return "looks the same focused " + focused + " and unfocused " + unfocused;
        return null;
    }

    private static double px(Object value) {
        String text = String.valueOf(value);
        return text.endsWith("px") ? Double.parseDouble(text.substring(0, text.length() - 2)) : 0;
    }

    private static boolean transparent(String color) {
        return color == null || color.equals("transparent") || color.matches("rgba\\(.*,\\s*0\\)");
    }

    @ParameterizedTest(name = "{0}, {1} px")
    @CsvSource({"signed out, 1280", "signed out, 320", "signed in, 1280", "ar, 320"})
    void nothingShiftsWhileAPageWithBannersLoads(String state, int width) {
        browser.viewport(width, 900);
        if (state.equals("signed in")) browser.signIn("Ada", 3);
        if (state.equals("ar")) browser.locale("ar");
        browser.open("/");
        assertTrue(browser.css("[data-chrome-banner=emergency-calling]").isDisplayed(), "the notice banner is shown");
        if (!state.equals("signed in")) assertTrue(browser.css("[data-chrome-cookies-layer]").isDisplayed(), "the cookie banner is shown");
        Map<String, Object> shifts = layoutShifts();
        assertEquals(Boolean.TRUE, shifts.get("supported"), "this Chromium reports layout shifts");
        assertEquals(0.0, ((Number) shifts.get("score")).doubleValue(),
                "cumulative layout shift while loading (" + state + ", " + width + " px): " + shifts.get("sources"));
    }

    /** The layout shifts the page has had since it started loading, read 500 ms after its load event. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> layoutShifts() {
        return (Map<String, Object>) browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                let score = 0;
                const sources = [];
                new PerformanceObserver((list) => {
                  for (const entry of list.getEntries()) {
                    if (entry.hadRecentInput) continue;
                    score += entry.value;
                    for (const s of entry.sources || []) {
                      const n = s.node;
                      sources.push((n && n.nodeType === 1 ? n.tagName.toLowerCase() + '.' + n.className : String(n && n.nodeName))
                          + ' moved ' + JSON.stringify(s.previousRect) + ' -> ' + JSON.stringify(s.currentRect));
                    }
                  }
                }).observe({ type: 'layout-shift', buffered: true });
                setTimeout(() => done({ score: score, sources: sources, supported: PerformanceObserver.supportedEntryTypes.includes('layout-shift') }), 500);
                """);
    }

    /**
     * The brand logo keeps its box while it loads: here it comes from a loopback server that
     * answers after 400 ms (the demo's real logo is on the internet, which the tests never reach).
     */
    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1280, 320})
    void theLogoKeepsItsSpaceWhileItLoads(int width) throws Exception {
        BufferedImage image = new BufferedImage(216, 46, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x737373));
        g.fillRect(0, 0, 216, 46);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        HttpServer logoServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        logoServer.createContext("/logo.png", exchange -> {
            try {
                Thread.sleep(400);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.getResponseHeaders().set("Content-Type", "image/png");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, png.size());
            exchange.getResponseBody().write(png.toByteArray());
            exchange.close();
        });
        logoServer.start();
        Path config = Files.createTempFile("skype-local-logo-", ".yaml");
        String yaml = Files.readString(Path.of(System.getProperty("skype.config")))
                .replace("https://secure.skypeassets.com/content/dam/scom/images/logos/re1mu3b.png",
                        "http://127.0.0.1:" + logoServer.getAddress().getPort() + "/logo.png");
        Files.writeString(config, yaml);
        Path auditLog = Files.createTempFile("site-chrome-consent-", ".log");
        try (DemoServer demo = DemoServer.start("127.0.0.1", 0, config.toString(), auditLog)) {
            browser.viewport(width, 900);
            browser.driver.get("http://127.0.0.1:" + demo.port() + "/");
            browser.waitForLoad();
            WebElement logo = browser.css(".chrome-brand__logo img");
            assertTrue((Boolean) browser.js("return arguments[0].complete && arguments[0].naturalWidth === 216", logo),
                    "the slow logo has loaded");
            Map<String, Object> shifts = layoutShifts();
            assertEquals(0.0, ((Number) shifts.get("score")).doubleValue(),
                    "cumulative layout shift while the logo loads (" + width + " px): " + shifts.get("sources"));
        } finally {
            logoServer.stop(0);
            Files.deleteIfExists(config);
            Files.deleteIfExists(auditLog);
        }
    }
}
