package io.sitechrome.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * axe-core finds no WCAG 2.2 A/AA violation on the demo page, with JavaScript on, in each
 * state a visitor can reach. Every test first proves that the state it names is really on
 * screen, so that a test cannot pass by checking some other page. (Without JavaScript:
 * {@link NoJavaScriptTest}.)
 */
class AccessibilityTest {

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
        browser.viewport(1280, 900).reset();
    }

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1280, 320})
    void signedOutWithTheCookieBannerAndTheNoticeBanner(int width) {
        browser.viewport(width, 900).open("/");
        assertTrue(browser.css("[data-chrome-cookies-layer]").isDisplayed(), "the cookie banner's first layer is shown");
        assertTrue(browser.css("[data-chrome-banner=emergency-calling]").isDisplayed(), "the emergency-calling banner is shown");
        assertTrue(browser.openMenu().css(".chrome-account__sign-in").isDisplayed(), "signed out: Sign in is shown");
        Axe.assertNoViolations(browser, "the signed-out page with the cookie banner, " + width + " px");
    }

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1280, 320})
    void signedInWithUnreadMessages(int width) {
        browser.viewport(width, 900).signIn("Ada Lovelace", 7);
        assertEquals("7", browser.openMenu().css(".chrome-chat__count").getText(), "the unread count is shown");
        assertTrue(browser.all(".chrome-account__sign-in").isEmpty(), "signed in: no Sign in link");
        Axe.assertNoViolations(browser, "the signed-in page with 7 unread messages, " + width + " px");
    }

    @ParameterizedTest(name = "{0} open, {1} px wide")
    @CsvSource({"Products, 1280", "Get help, 1280", "Products, 320", "Get help, 320"})
    void eachDropDownOpen(String label, int width) {
        browser.viewport(width, 900).open("/");
        WebElement button = browser.disclosureButton(label);
        button.click();
        browser.assertExpanded(button, true);
        Axe.assertNoViolations(browser, "the page with the " + label + " drop-down open, " + width + " px");
    }

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1280, 320})
    void theAccountMenuOpen(int width) {
        browser.viewport(width, 900).signIn("Ada Lovelace", 2);
        WebElement button = browser.openMenu().css(".chrome-account__button");
        button.click();
        browser.assertExpanded(button, true);
        Axe.assertNoViolations(browser, "the page with the account menu open, " + width + " px");
    }

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1280, 320})
    void theCookiePreferencesOpen(int width) {
        browser.viewport(width, 900).open("/");
        browser.css("[data-chrome-open-preferences]").click();
        assertTrue(browser.css("#chrome-cookie-preferences").isDisplayed(), "the cookie preferences are shown");
        Axe.assertNoViolations(browser, "the page with the cookie preferences open, " + width + " px");
    }

    @Test
    void theConfirmationAfterACookieChoice() {
        browser.open("/");
        browser.css("button[value=reject-all]").click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(10))
                .until(d -> browser.all("[data-chrome-cookies-confirmation]").stream().anyMatch(WebElement::isDisplayed));
        Axe.assertNoViolations(browser, "the page confirming a cookie choice");
    }

    @ParameterizedTest(name = "{0} ({1}, {2} px)")
    @CsvSource({
        "en-US, ltr, 1280", "ar, rtl, 1280", "he, rtl, 1280", "ja, ltr, 1280",
        "ar, rtl, 320", "he, rtl, 320", "ja, ltr, 320"})
    void eachLanguageAndDirection(String tag, String dir, int width) {
        browser.viewport(width, 900).locale(tag);
        assertEquals(tag, browser.css("html").getAttribute("lang"), "the page is in " + tag);
        assertEquals(dir, browser.css("html").getAttribute("dir"));
        assertEquals(dir, browser.css(".chrome-header").getAttribute("dir"));
        assertTrue(browser.css("[data-chrome-cookies-layer]").isDisplayed(), "the cookie banner is shown");
        Axe.assertNoViolations(browser, "the page in " + tag + " (" + dir + "), " + width + " px");
        // and the same language with a drop-down open
        WebElement button = browser.openMenu().all(".chrome-nav__list .chrome-disclosure__button, .chrome-nav__more > button")
                .stream().filter(WebElement::isDisplayed).findFirst().orElseThrow();
        button.click();
        browser.assertExpanded(button, true);
        Axe.assertNoViolations(browser, "the page in " + tag + " with a drop-down open, " + width + " px");
    }
}
