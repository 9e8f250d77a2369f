package io.sitechrome.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The chrome with JavaScript switched off in the browser: drop-downs and the account menu
 * open for the keyboard, the language picker and the cookie choices work as plain links and
 * forms, and axe-core still finds nothing. (WebDriver's own scripts still run; the page's do not.)
 */
class NoJavaScriptTest {

    static Browser browser;

    @BeforeAll
    static void start() {
        browser = Browser.start(false);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
    }

    @BeforeEach
    void freshVisitor() {
        browser.viewport(1280, 900).reset();
    }

    @Test
    void thePagesOwnScriptDoesNotRun() {
        browser.open("/");
        browser.assertNoChromeScript();
        assertEquals(1, browser.all("script[src*='/chrome/assets/chrome.']").size(), "the script is on the page, only not run");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Products", "Get help"})
    void aDropDownOpensWhileKeyboardFocusIsInIt(String label) {
        browser.open("/");
        WebElement button = browser.disclosureButton(label);
        WebElement panel = browser.driver.findElement(By.id(button.getAttribute("aria-controls")));
        assertFalse(panel.isDisplayed(), "closed at first");
        browser.tabTo(button, 40);
        assertTrue(panel.isDisplayed(), "focus on the button shows the panel");
        int links = panel.findElements(By.cssSelector("a")).size();
        for (int i = 0; i < links; i++) {
            browser.tab();
            assertTrue(panel.isDisplayed(), "the panel stays open while focus is in it");
            assertEquals(panel.findElements(By.cssSelector("a")).get(i), browser.active(), "Tab walks the panel's links");
        }
        browser.tab();
        assertFalse(panel.isDisplayed(), "focus leaving closes the panel");
    }

    @Test
    void theAccountMenuOpensWhileKeyboardFocusIsInIt() {
        browser.signIn("Ada", 3);
        assertEquals("3", browser.css(".chrome-chat__count").getText(), "signed in through the form, without script");
        WebElement button = browser.css(".chrome-account__button");
        WebElement panel = browser.css("#chrome-account-menu");
        assertFalse(panel.isDisplayed());
        browser.tabTo(button, 40);
        assertTrue(panel.isDisplayed(), "focus on My Skype shows the account menu");
        browser.tab();
        assertEquals("My account", browser.active().getText());
        assertTrue(panel.isDisplayed());
    }

    @Test
    void theLanguagePickerSwitchesLanguage() {
        browser.open("/");
        browser.clickAndLoad(browser.driver.findElement(By.cssSelector(".chrome-locales a[hreflang=de]")));
        assertEquals(browser.base + "/", browser.driver.getCurrentUrl(), "back on the same page");
        assertEquals("de", browser.css("html").getAttribute("lang"));
        assertEquals("Startseite", browser.css(".chrome-nav__link").getText());
        assertEquals("true", browser.css(".chrome-locales a[hreflang=de]").getAttribute("aria-current"));
    }

    @Test
    void rejectAllIsSavedAndConfirmed() {
        browser.open("/");
        assertTrue(browser.css("[data-chrome-cookies-layer]").isDisplayed());
        browser.clickAndLoad(browser.css("button[value=reject-all]"));
        assertEquals(browser.base + "/", browser.driver.getCurrentUrl(), "the form posted and came back");
        assertTrue(browser.all("[data-chrome-cookies-layer]").isEmpty(), "the first layer is gone");
        WebElement confirmation = browser.css("[data-chrome-cookies-confirmation]");
        assertTrue(confirmation.isDisplayed(), "the confirmation is shown");
        assertEquals("status", confirmation.getAttribute("role"));
        Cookie consent = browser.cookie("chrome_consent");
        assertNotNull(consent, "the consent cookie is set");

        browser.open("/");
        assertTrue(browser.all("[data-chrome-cookies-layer]").isEmpty(), "the choice is remembered on the next page");
    }

    @Test
    void customizeShowsThePreferencesAndSavesTheChosenCategories() {
        browser.open("/");
        browser.clickAndLoad(browser.css("[data-chrome-open-preferences]"));
        assertTrue(browser.driver.getCurrentUrl().endsWith("/#chrome-cookie-preferences"), browser.driver.getCurrentUrl());
        WebElement preferences = browser.css("#chrome-cookie-preferences");
        assertTrue(preferences.isDisplayed(), "the preferences are shown (the :target of the redirect)");
        browser.css("#chrome-consent-analytics").click();
        assertTrue(browser.css("#chrome-consent-analytics").isSelected());
        browser.clickAndLoad(preferences.findElement(By.cssSelector("button[value=custom]")));
        assertTrue(browser.css("[data-chrome-cookies-confirmation]").isDisplayed(), "saved and confirmed");
        Cookie consent = browser.cookie("chrome_consent");
        assertNotNull(consent);
        assertTrue(URLDecoder.decode(consent.getValue(), StandardCharsets.UTF_8).contains("analytics"),
                "the consent cookie records analytics: " + consent.getValue());
    }

    @Test
    void manageCookiesInTheFooterOpensThePreferences() {
        browser.open("/");
        browser.clickAndLoad(browser.css("button[value=accept-all]"));
        WebElement manage = browser.css("[data-chrome-action=manage-cookies]");
        manage.click();
        assertTrue(browser.css("#chrome-cookie-preferences").isDisplayed(), "the preferences are shown");
    }

    @Test
    void theSkipLinkTakesTheKeyboardToMain() {
        browser.open("/");
        WebElement skip = browser.css(".chrome-skip-link");
        browser.tabTo(skip, 10);
        assertTrue(skip.getSize().getWidth() > 50, "the focused skip link is visible: " + skip.getSize());
        browser.press(Keys.ENTER);
        browser.tab();
        assertEquals("Terms of Use (Microsoft Service Agreement)", browser.active().getText(),
                "the next Tab after the skip link is the first link in main");
    }

    // ---- axe-core without JavaScript ----

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1280, 320})
    void axeSignedOut(int width) {
        browser.viewport(width, 900).open("/");
        assertTrue(browser.css("[data-chrome-cookies-layer]").isDisplayed());
        Axe.assertNoViolations(browser, "the signed-out page without JavaScript, " + width + " px");
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1280, 320})
    void axeWithADropDownOpenByFocus(int width) {
        browser.viewport(width, 900).open("/");
        WebElement button = browser.disclosureButton("Products");
        browser.tabTo(button, 40);
        browser.tab();
        assertTrue(browser.css("#" + button.getAttribute("aria-controls")).isDisplayed());
        Axe.assertNoViolations(browser, "the Products drop-down open by focus without JavaScript, " + width + " px");
    }

    @Test
    void axeSignedInWithTheAccountMenuOpenByFocus() {
        browser.signIn("Ada", 3);
        browser.tabTo(browser.css(".chrome-account__button"), 40);
        assertTrue(browser.css("#chrome-account-menu").isDisplayed());
        Axe.assertNoViolations(browser, "the account menu open by focus without JavaScript");
    }

    @Test
    void axeWithThePreferencesOpen() {
        browser.open("/");
        browser.clickAndLoad(browser.css("[data-chrome-open-preferences]"));
        assertTrue(browser.css("#chrome-cookie-preferences").isDisplayed());
        Axe.assertNoViolations(browser, "the cookie preferences without JavaScript");
    }

    @Test
    void axeInArabic() {
        browser.locale("ar");
        assertEquals("rtl", browser.css("html").getAttribute("dir"));
        Axe.assertNoViolations(browser, "the page in Arabic without JavaScript");
    }
}
