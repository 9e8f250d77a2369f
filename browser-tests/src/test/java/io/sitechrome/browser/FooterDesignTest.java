package io.sitechrome.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The footer at each width, without script too, and the page printed. */
class FooterDesignTest {

    static Browser browser;

    @BeforeAll
    static void start() {
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
    }

    @AfterEach
    void screen() {
        browser.media("", "");
    }

    private boolean shown(String selector) {
        return (Boolean) browser.js("const e = document.querySelector(arguments[0]); return !!e && e.getClientRects().length > 0", selector);
    }

    /** Rendered (Selenium's isDisplayed takes every link in a closed details for hidden, whatever the CSS). */
    private boolean laidOut(WebElement element) {
        return (Boolean) browser.js("return arguments[0].checkVisibility({contentVisibilityAuto: true, visibilityProperty: true})", element);
    }

    private long number(String script, Object... args) {
        return ((Number) browser.js(script, args)).longValue();
    }

    @Test
    void at320PixelsEachColumnIsClosedBehindItsHeadingAndOpensOnATap() {
        browser.reset().viewport(320, 900).open("/");
        List<WebElement> columns = browser.all(".chrome-footer__column");
        assertTrue(columns.size() >= 2);
        for (WebElement column : columns) {
            assertFalse(laidOut(column.findElement(By.cssSelector("ul a"))), "links hidden behind the heading");
        }
        long height = number("return Math.round(document.querySelector('.chrome-footer__columns').getBoundingClientRect().height)");
        assertTrue(height < 60 * columns.size(), "closed columns are one row each: " + height + " px");
        browser.js("document.querySelector('.chrome-footer').scrollIntoView()");
        browser.screenshot("footer-320");
        WebElement summary = columns.get(0).findElement(By.cssSelector("summary"));
        browser.js("arguments[0].scrollIntoView({block: 'center'})", summary);
        summary.click();
        assertTrue(laidOut(columns.get(0).findElement(By.cssSelector("ul a"))), "a tap opens the column");
        assertTrue(number("return document.documentElement.scrollWidth") <= 320, "nothing wider than the screen");
    }

    @Test
    void at320PixelsOpenColumnsStayInsideTheScreenInBothDirections() {
        for (String locale : List.of("he", "el", "en-US")) {
            browser.reset().viewport(320, 900).locale(locale);
            browser.js("document.querySelectorAll('.chrome-footer__column').forEach(d => d.open = true)");
            Object offenders = browser.js("""
                    return [...document.querySelectorAll('.chrome-footer *')].filter(el => el.checkVisibility() && !el.closest('.chrome-visually-hidden'))
                        .filter(el => { const r = el.getBoundingClientRect(); return r.width > 1 && (r.left < -0.5 || r.right > innerWidth + 0.5); })
                        .map(el => el.parentElement.outerHTML.slice(0, 300))""");
            assertEquals(List.of(), offenders, locale + ": footer elements sticking out of 320 px with every column open");
        }
    }

    @Test
    void onWideScreensEveryColumnShowsItsLinksAndTheColumnsFillTheRow() {
        for (int width : new int[] {768, 1024, 1280}) {
            browser.reset().viewport(width, 900).open("/");
            for (WebElement column : browser.all(".chrome-footer__column")) {
                assertTrue(laidOut(column.findElement(By.cssSelector("ul a"))), width + " px: links shown");
            }
            long rowEnd = number("""
                    const columns = document.querySelector('.chrome-footer__columns');
                    const grid = columns.getBoundingClientRect();
                    const end = grid.right - parseFloat(getComputedStyle(columns).paddingRight);
                    const first = document.querySelector('.chrome-footer__column').getBoundingClientRect();
                    const row = [...document.querySelectorAll('.chrome-footer__column')].filter(c => c.getBoundingClientRect().top === first.top);
                    return Math.round(end - row[row.length - 1].getBoundingClientRect().right);""");
            assertEquals(0, rowEnd, width + " px: the first row of columns reaches the end of the footer");
        }
    }

    @Test
    void everySocialLinkHasAnIconAndAName() {
        browser.reset().viewport(1280, 900).open("/");
        List<WebElement> links = browser.all(".chrome-social");
        assertFalse(links.isEmpty());
        for (WebElement link : links) {
            assertEquals("true", link.findElement(By.cssSelector("svg")).getDomAttribute("aria-hidden"));
            assertTrue(number("return arguments[0].querySelector('svg path').getTotalLength()", link) > 20, "a drawn icon");
            assertFalse(((String) browser.js("return arguments[0].textContent.trim()", link)).isEmpty(), "an accessible name");
        }
    }

    @Test
    void printingLeavesOutNavigationActionsCookieControlsAndLinkColumns() {
        browser.reset().viewport(1280, 900).open("/");
        browser.media("print", "");
        for (String selector : List.of(".chrome-nav", ".chrome-header__actions", ".chrome-cookies", ".chrome-footer__columns",
                ".chrome-footer__social", ".chrome-locales", ".chrome-skip-link")) {
            assertFalse(shown(selector), selector + " is not printed");
        }
        assertTrue(shown(".chrome-brand"), "the brand is printed");
        assertTrue(shown(".chrome-footer__copyright"), "the copyright is printed");
    }
}
