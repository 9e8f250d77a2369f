package io.sitechrome.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The second consent round without JavaScript: the preferences stay an in-page layer whose
 * three buttons post the form, the confirmation says what was chosen, and the server writes
 * the choice into what the page's scripts would read (the Consent Mode defaults and the
 * consent data), so the next page view starts from it.
 */
class ConsentWithoutJavaScriptTest {

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

    private static WebElement consentModeScript() {
        return browser.css("head script[data-chrome-consent-mode]");
    }

    @Test
    void thePreferencesAreAnInPageLayerWithThreeButtonsAndNoDialog() {
        browser.open("/");
        assertEquals("necessary", consentModeScript().getDomAttribute("data-chrome-allowed"), "defaults denied before a choice");
        browser.clickAndLoad(browser.css("[data-chrome-open-preferences]"));
        WebElement preferences = browser.css("#chrome-cookie-preferences");
        assertTrue(preferences.isDisplayed(), "the :target of the redirect");
        assertTrue(browser.all("dialog").isEmpty(), "no dialog without the script");
        assertFalse(browser.css("[data-chrome-close-preferences]").isDisplayed(), "no Close button that could do nothing");
        List<String> buttons = preferences.findElements(By.cssSelector(".chrome-preferences__actions button")).stream()
                .map(WebElement::getText).toList();
        assertEquals(List.of("Accept all", "Reject all", "Save preferences"), buttons);
        WebElement summary = browser.css("#chrome-consent-analytics ~ details summary");
        summary.click();
        assertTrue(browser.css("#chrome-consent-analytics ~ details li").getText().startsWith("Microsoft Clarity"),
                "the services disclosure is a native <details>, no script needed");

        browser.clickAndLoad(preferences.findElement(By.cssSelector("button[value=reject-all]")));
        WebElement confirmation = browser.css("[data-chrome-cookies-confirmation]");
        assertTrue(confirmation.isDisplayed());
        assertEquals("You rejected all optional cookies.", confirmation.findElement(By.tagName("p")).getText());
        assertFalse(browser.css("[data-chrome-hide-confirmation]").isDisplayed(), "the message goes by itself on the next page");
        assertEquals("{\"categories\":[\"necessary\"],\"revision\":1,\"gpc\":false}",
                browser.css(".chrome-cookies").getDomAttribute("data-chrome-consent"));

        browser.open("/");
        assertFalse(browser.css("[data-chrome-cookies-confirmation]").isDisplayed(), "shown once, after the choice");
    }

    @Test
    void aSavedChoiceBecomesTheNextPagesConsentModeDefault() {
        browser.open("/");
        browser.clickAndLoad(browser.css("[data-chrome-open-preferences]"));
        browser.css("#chrome-consent-analytics").click();
        browser.css("#chrome-consent-advertising").click();
        browser.clickAndLoad(browser.css("#chrome-cookie-preferences button[value=custom]"));
        assertEquals("Your choices have been saved. Optional cookies allowed: Analytics and Advertising.",
                browser.css("[data-chrome-cookies-confirmation] p").getText());
        assertEquals("necessary analytics advertising", consentModeScript().getDomAttribute("data-chrome-allowed"));
        assertEquals("{\"analytics\":[\"analytics_storage\"],\"advertising\":[\"ad_storage\",\"ad_user_data\",\"ad_personalization\"]}",
                consentModeScript().getDomAttribute("data-chrome-consent-mode"));
        browser.assertNoChromeScript();
    }
}
