package io.sitechrome.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.WebElement;

/**
 * The header of the demo (the reference page's nine nav entries) at every width from phones to
 * wide screens, in English and Arabic, with and without JavaScript (issue 14): one row with
 * "More" from 768 px, a menu button below it, every entry reachable, drop-down panels inside the
 * viewport, no sideways scrolling, no layout shift, and axe-core content.
 */
class HeaderLayoutTest {

    static final int[] WIDTHS = {320, 390, 768, 800, 900, 1024, 1280, 1920};
    /** The demo's top-level nav entries, in order, as the English page labels them. */
    static final List<String> ENTRIES = List.of("Home", "Downloads", "Skype to Phone", "Skype Number", "Features", "Products",
            "Get help", "My account", "Join us");

    static Browser withScript;
    static Browser withoutScript;

    @BeforeAll
    static void start() {
        withScript = Browser.start(true);
        withoutScript = Browser.start(false);
    }

    @AfterAll
    static void stop() {
        try {
            if (withScript != null) withScript.close();
        } finally {
            if (withoutScript != null) withoutScript.close();
        }
    }

    static Stream<Arguments> everyWidthLanguageAndScript() {
        return Stream.of(true, false).flatMap(script -> Stream.of("en-US", "ar").flatMap(lang ->
                java.util.Arrays.stream(WIDTHS).mapToObj(width -> Arguments.of(width, lang, script))));
    }

    private static Browser open(int width, int height, String lang, boolean script, String path) {
        Browser browser = script ? withScript : withoutScript;
        browser.viewport(width, height).reset();
        if (!lang.equals("en-US")) browser.locale(lang);
        browser.open(path);
        assertEquals(lang, browser.css(".chrome-header").getAttribute("lang"));
        return browser;
    }

    @ParameterizedTest(name = "{0} px, {1}, script {2}")
    @MethodSource("everyWidthLanguageAndScript")
    void theHeaderFitsTheWidthAndEveryEntryIsReachable(int width, String lang, boolean script) {
        Browser browser = open(width, 900, lang, script, "/");
        String where = width + " px, " + lang + (script ? ", with script" : ", without script");
        browser.screenshot("header-" + width + "-" + lang + (script ? "" : "-no-script"));

        assertEquals("0", layoutShift(browser), "layout shift while loading, " + where);
        assertNoSidewaysScrolling(browser, where);
        double headerHeight = rect(browser, ".chrome-header").get("height");
        WebElement menuButton = browser.css(".chrome-header__menu-button");

        if (!script) {
            assertFalse(menuButton.isDisplayed(), "no menu button without script, " + where);
            assertTrue(browser.all(".chrome-header [aria-expanded]").isEmpty(), "no aria-expanded without script, " + where);
            assertEquals(ENTRIES.size(), displayedEntries(browser), "every entry shown without script, " + where);
        } else if (width < 768) {
            assertTrue(menuButton.isDisplayed(), "a menu button below 768 px, " + where);
            assertTrue(headerHeight <= 64, "the closed header is a bar at most 64 px tall, " + where + ": " + headerHeight
                    + " (brand " + rect(browser, ".chrome-brand") + ", button " + rect(browser, ".chrome-header__menu-button") + ")");
            assertEquals(0, displayedEntries(browser), "the nav is behind the menu button, " + where);
            browser.assertExpanded(menuButton, false);
            menuButton.click();
            browser.assertExpanded(menuButton, true);
            assertEquals(ENTRIES.size(), displayedEntries(browser), "the menu shows every top-level entry, " + where);
            assertTrue(browser.css(".chrome-header__actions").isDisplayed(), "and the actions, " + where);
            assertNoSidewaysScrolling(browser, where + ", menu open");
            menuButton.click();
            browser.assertExpanded(menuButton, false);
        } else {
            assertFalse(menuButton.isDisplayed(), "no menu button from 768 px, " + where);
            assertOneRow(browser, where);
            if (width >= 1024) assertTrue(headerHeight <= 110, "header at most 110 px tall, " + where + ": " + headerHeight);
            assertEquals(ENTRIES.size(), entriesInRowOrMore(browser), "each entry is in the row or in More, " + where);
        }
        assertDropDownsStayInTheViewport(browser, width, script, where);
        Axe.assertNoViolations(browser, "the header, " + where);
    }

    @ParameterizedTest(name = "{0}, script {1}")
    @CsvSource({"en-US, true", "ar, true", "en-US, false", "ar, false"})
    void onAPhonesFirstVisitTheHeaderStartsWithin400Pixels(String lang, boolean script) {
        Browser browser = open(390, 844, lang, script, "/");
        assertTrue(browser.css("[data-chrome-cookies-layer]").isDisplayed(), "a first visit: the cookie banner is shown");
        double top = rect(browser, ".chrome-header").get("top");
        assertTrue(top <= 400, "the header starts " + top + " px down (" + lang + (script ? "" : ", no script") + ")");
        browser.screenshot("phone-first-visit-" + lang + (script ? "" : "-no-script"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"en-US", "ar"})
    void theEmergencyNoticeIsInTheFooterAboveItsColumns(String lang) {
        Browser browser = open(1280, 900, lang, true, "/");
        assertTrue(browser.all("body > .chrome-banner, .chrome-header ~ .chrome-banner").isEmpty(), "no banner at the top");
        WebElement notice = browser.css(".chrome-footer > .chrome-footer__notices [data-chrome-banner=emergency-calling]");
        assertTrue(notice.isDisplayed());
        assertTrue(rect(browser, ".chrome-footer__notices").get("bottom") <= rect(browser, ".chrome-footer__columns").get("top"),
                "above the footer's columns");
    }

    @ParameterizedTest(name = "{0} px, script {1}")
    @CsvSource({"1920, true", "1280, true", "800, true", "390, true", "1280, false", "390, false"})
    void theCurrentPageAndItsSectionAreMarked(int width, boolean script) {
        Browser browser = open(width, 900, "en-US", script, "/en/features/compare/");
        WebElement current = browser.css(".chrome-header [aria-current=page]");
        assertEquals("Features", current.getAttribute("textContent"), "Features is current for a page under it");
        browser.open("/en/skype-manager/admins");
        assertEquals("Skype Manager", browser.css(".chrome-header [aria-current=page]").getAttribute("textContent"));
        WebElement products = browser.css(".chrome-disclosure__button--current[aria-controls^=chrome-nav-panel]");
        assertEquals("Products (current section)", products.getAttribute("textContent"),
                "the drop-down holding the current page says so, visually hidden");
        assertEquals("600", products.getCssValue("font-weight"), "and shows it");
        if (script && width >= 768 && width < 1280) {
            WebElement more = browser.css(".chrome-nav__more > button");
            boolean productsInMore = !browser.all(".chrome-nav__overflow .chrome-disclosure__button--current").isEmpty();
            assertEquals(productsInMore, more.getAttribute("class").contains("chrome-disclosure__button--current"),
                    "More is marked exactly when it holds the current section");
        }
        Axe.assertNoViolations(browser, "a page inside Products, " + width + " px");
    }

    @ParameterizedTest(name = "{0} unread")
    @CsvSource({"7, 7, 7 unread messages", "1234, 99+, '1,234 unread messages'"})
    void theUnreadBadgeCapsAt99Plus(int unread, String badge, String name) {
        Browser browser = withScript;
        browser.viewport(1280, 900).reset();
        browser.signIn("Ada", unread);
        WebElement chat = browser.css(".chrome-chat");
        assertEquals(badge, browser.css(".chrome-chat__count").getText());
        assertEquals("Skype Chat. " + name, chat.findElement(org.openqa.selenium.By.cssSelector(".chrome-visually-hidden"))
                .getAttribute("textContent"));
        assertTrue(rect(browser, ".chrome-chat__count").get("right") <= rect(browser, ".chrome-header").get("right"));
    }

    // ---- measurements ----

    @SuppressWarnings("unchecked")
    static Map<String, Double> rect(Browser browser, String selector) {
        Map<String, Number> r = (Map<String, Number>) browser.js("""
                const r = document.querySelector(arguments[0]).getBoundingClientRect();
                return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height };
                """, selector);
        return Map.of("top", r.get("top").doubleValue(), "bottom", r.get("bottom").doubleValue(), "left", r.get("left").doubleValue(),
                "right", r.get("right").doubleValue(), "width", r.get("width").doubleValue(), "height", r.get("height").doubleValue());
    }

    /** How many top-level nav entries are on screen (rendered, not clipped away by the row). */
    static int displayedEntries(Browser browser) {
        return ((Number) browser.js("""
                const row = document.querySelector('.chrome-nav__list').getBoundingClientRect();
                return [...document.querySelectorAll('.chrome-nav__list > .chrome-nav__item')].filter((li) => {
                  const r = li.getBoundingClientRect();
                  return li.getClientRects().length > 0 && r.width > 0 && r.left >= row.left - 1 && r.right <= row.right + 1;
                }).length;
                """)).intValue();
    }

    /** Entries shown in the row plus entries inside "More" (opened to look), each counted once, in order. */
    static int entriesInRowOrMore(Browser browser) {
        int inRow = displayedEntries(browser);
        List<WebElement> moved = browser.all(".chrome-nav__overflow > .chrome-nav__item");
        if (!moved.isEmpty()) {
            WebElement more = browser.css(".chrome-nav__more > button");
            assertTrue(more.isDisplayed(), "More is shown when it holds entries");
            more.click();
            browser.assertExpanded(more, true);
            for (WebElement entry : moved) assertTrue(entry.isDisplayed(), "an entry in More is shown when it is open");
            more.click();
        } else {
            assertFalse(browser.css(".chrome-nav__more").isDisplayed(), "no More when everything fits");
        }
        assertEquals(inRow + moved.size(), browser.all(".chrome-nav__item").size(), "no entry is lost or hidden");
        return inRow + moved.size();
    }

    static void assertOneRow(Browser browser, String where) {
        @SuppressWarnings("unchecked")
        List<Number> navTops = (List<Number>) browser.js("""
                return [...document.querySelectorAll('.chrome-nav__list > .chrome-nav__item, .chrome-nav__more:not([hidden])')]
                    .filter((el) => el.getClientRects().length > 0).map((el) => Math.round(el.getBoundingClientRect().top));
                """);
        assertEquals(1, navTops.stream().map(Number::longValue).distinct().count(), "the nav entries on one row: " + navTops + ", " + where);
    }

    static void assertNoSidewaysScrolling(Browser browser, String where) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) browser.js("""
                const offenders = [];
                document.querySelectorAll(arguments[0]).forEach((part) => [part, ...part.querySelectorAll('*')].forEach((el) => {
                  const r = el.getBoundingClientRect();
                  if (r.width <= 1 && r.height <= 1) return;
                  if (el.getClientRects().length === 0) return;
                  if (el.closest('.chrome-nav__list') && !el.closest('.chrome-nav--fitted')
                      && getComputedStyle(el.closest('.chrome-nav__list')).overflowX !== 'visible') return;
                  if (r.right > innerWidth + 0.5 || r.left < -0.5)
                    offenders.push(el.tagName.toLowerCase() + '.' + el.className + ' [' + Math.round(r.left) + ', ' + Math.round(r.right) + ']');
                }));
                return { scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth,
                         offenders: offenders.slice(0, 10) };
                """, Browser.CHROME_PARTS);
        assertTrue((Long) m.get("scrollWidth") <= (Long) m.get("clientWidth"),
                "the page scrolls sideways, " + where + ": " + m);
        assertEquals(List.of(), m.get("offenders"), "chrome elements outside the viewport, " + where);
    }

    /**
     * Opens every drop-down a visitor can open at this width (through the menu and "More" where
     * they are) and checks its panel is inside the viewport. Without script, focus opens them.
     */
    static void assertDropDownsStayInTheViewport(Browser browser, int width, boolean script, String where) {
        WebElement menuButton = browser.css(".chrome-header__menu-button");
        if (script && menuButton.isDisplayed()) menuButton.click();
        List<WebElement> buttons = browser.all(".chrome-nav__list .chrome-disclosure__button, .chrome-nav__more > button");
        int checked = 0;
        for (WebElement button : buttons) {
            if (!button.isDisplayed()) continue;
            WebElement panel = browser.css("#" + button.getAttribute("aria-controls"));
            if (script) {
                button.click();
                browser.assertExpanded(button, true);
            } else {
                browser.js("arguments[0].focus()", button);
                assertNull(button.getAttribute("aria-expanded"), "no aria-expanded without script");
            }
            assertTrue(panel.isDisplayed(), "the panel of " + browser.describe(button) + " opens, " + where);
            assertInside(browser, panel, where);
            // and the drop-downs inside "More"
            for (WebElement inner : panel.findElements(org.openqa.selenium.By.cssSelector(".chrome-disclosure__button"))) {
                inner.click();
                WebElement innerPanel = browser.css("#" + inner.getAttribute("aria-controls"));
                assertTrue(innerPanel.isDisplayed(), "nested panel of " + browser.describe(inner) + ", " + where);
                assertInside(browser, innerPanel, where + ", inside More");
                inner.click();
            }
            assertNoSidewaysScrolling(browser, where + ", " + browser.describe(button) + " open");
            checked++;
            if (script) button.click();
            else browser.js("arguments[0].blur()", button);
        }
        assertTrue(checked >= (width >= 768 && script ? 1 : 2), "opened the drop-downs, " + where + ": " + checked);
        if (script && menuButton.isDisplayed()) menuButton.click();
    }

    static void assertInside(Browser browser, WebElement panel, String where) {
        @SuppressWarnings("unchecked")
        Map<String, Number> r = (Map<String, Number>) browser.js("""
                const r = arguments[0].getBoundingClientRect();
                return { left: r.left, right: r.right, width: document.documentElement.clientWidth };
                """, panel);
        assertTrue(r.get("left").doubleValue() >= -0.5 && r.get("right").doubleValue() <= r.get("width").doubleValue() + 0.5,
                "panel #" + panel.getAttribute("id") + " spans [" + r.get("left") + ", " + r.get("right") + "] of a "
                        + r.get("width") + " px viewport, " + where);
    }

    /**
     * The page's cumulative layout shift since it started loading, read 500 ms after load. Read
     * synchronously (takeRecords), so that it needs no page timers: switching script on for the
     * reading would itself change the layout, as the stylesheet follows {@code scripting}.
     */
    static String layoutShift(Browser browser) {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return (String) browser.js("""
                const observer = new PerformanceObserver(() => {});
                observer.observe({ type: 'layout-shift', buffered: true });
                const entries = observer.takeRecords();
                observer.disconnect();
                let score = 0;
                const sources = [];
                for (const entry of entries) {
                  if (entry.hadRecentInput) continue;
                  score += entry.value;
                  for (const s of entry.sources || []) {
                    const n = s.node;
                    sources.push((n && n.nodeType === 1 ? n.tagName.toLowerCase() + '.' + n.className : String(n && n.nodeName))
                        + ' ' + JSON.stringify(s.previousRect) + ' -> ' + JSON.stringify(s.currentRect));
                  }
                }
                if (!PerformanceObserver.supportedEntryTypes.includes('layout-shift')) return 'unsupported';
                return score === 0 ? '0' : score + ': ' + sources.join('; ');
                """);
    }
}
