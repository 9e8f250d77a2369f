package io.sitechrome.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The cookie preferences as a modal dialog (WAI-ARIA APG dialog pattern): opened where the
 * visitor is, focus inside, Tab kept inside, Escape and Close leave the choice as it was and
 * give focus back to the opener; Accept all, Reject all and Save; the services per category;
 * the confirmation that says what was chosen and can be hidden; the consent event.
 */
class ConsentDialogTest {

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

    private static WebElement dialog() {
        return browser.css("dialog.chrome-dialog");
    }

    private static boolean modal() {
        return (Boolean) browser.js("const d = document.querySelector('dialog.chrome-dialog'); return !!d && d.open && d.matches(':modal');");
    }

    private static boolean focusInDialog() {
        return (Boolean) browser.js("return !!document.activeElement.closest('dialog.chrome-dialog');");
    }

    private static long scrollY() {
        return ((Number) browser.js("return Math.round(window.scrollY);")).longValue();
    }

    /** Scrolls the footer's "Manage cookies" link into the middle of the viewport and returns it. */
    private static WebElement manageCookiesInView() {
        WebElement manage = browser.css("a[data-chrome-action=manage-cookies]");
        browser.js("arguments[0].scrollIntoView({ block: 'center' });", manage);
        return manage;
    }

    /** Makes a choice in the first layer, saved in the background, and waits for its confirmation. */
    private static void choose(String choice) {
        browser.css(".chrome-cookies__actions button[value=" + choice + "]").click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d -> browser.css("[data-chrome-cookies-confirmation]").isDisplayed());
    }

    /** Records every site-chrome:consent event the page dispatches from now on. */
    private static void recordConsentEvents() {
        browser.js("window.__events = []; document.addEventListener('site-chrome:consent', (e) => window.__events.push(JSON.stringify(e.detail)));");
    }

    @SuppressWarnings("unchecked")
    private static List<String> consentEvents() {
        return new ArrayList<>((List<String>) browser.js("return window.__events;"));
    }

    @Test
    void manageCookiesOpensAModalDialogWhereTheVisitorIsAndEscapeGivesFocusBack() {
        browser.open("/");
        choose("reject-all");
        WebElement manage = manageCookiesInView();
        long before = scrollY();
        assertTrue(before > 1000, "the footer is far down the page: scrollY " + before);
        manage.click();

        assertTrue(modal(), "a modal <dialog> is open");
        assertEquals(before, scrollY(), "opening the dialog does not move the page");
        assertTrue(focusInDialog(), "focus moved into the dialog: " + browser.describe(browser.active()));
        assertEquals("Cookie preferences", browser.driver.findElement(By.id(dialog().getAttribute("aria-labelledby"))).getText());
        List<String> buttons = dialog().findElements(By.cssSelector(".chrome-preferences__actions button")).stream()
                .filter(WebElement::isDisplayed).map(WebElement::getText).toList();
        assertEquals(List.of("Accept all", "Reject all", "Save preferences"), buttons);
        assertTrue(dialog().findElement(By.cssSelector("[data-chrome-close-preferences]")).isDisplayed(), "a Close button");

        browser.press(Keys.ESCAPE);
        assertFalse(modal(), "Escape closes the dialog");
        assertEquals(manage, browser.active(), "focus is back on Manage cookies");
        assertEquals(before, scrollY(), "closing does not move the page either");
    }

    @Test
    void tabAndShiftTabStayInsideTheDialog() {
        browser.open("/");
        WebElement customize = browser.css("[data-chrome-open-preferences]");
        customize.click();
        assertTrue(modal());
        @SuppressWarnings("unchecked")
        List<WebElement> stops = (List<WebElement>) browser.js("""
                return Array.from(document.querySelectorAll('dialog.chrome-dialog :is(a[href], button, input, summary)'))
                  .filter((el) => !el.disabled && el.tabIndex >= 0 && el.getClientRects().length > 0);
                """);
        assertTrue(stops.size() >= 8, "close, switches, disclosures and three buttons: " + stops.size());
        assertEquals(stops.get(0), browser.active(), "focus starts on the dialog's first control");
        for (int i = 1; i < stops.size() * 2 + 1; i++) {
            browser.tab();
            assertEquals(stops.get(i % stops.size()), browser.active(), "Tab " + i + " stays in order inside the dialog");
        }
        browser.shiftTab();
        assertEquals(stops.get(stops.size() - 1), browser.active(), "Shift+Tab from the first control goes to the last");
        browser.tab();
        assertEquals(stops.get(0), browser.active());
    }

    @Test
    void closeLeavesTheChoiceAsItWasAndGivesFocusBackToCustomize() {
        browser.open("/");
        WebElement customize = browser.css("[data-chrome-open-preferences]");
        customize.click();
        WebElement analytics = browser.css("#chrome-consent-analytics");
        assertFalse(analytics.isSelected());
        analytics.click();
        assertTrue(analytics.isSelected());
        browser.css("[data-chrome-close-preferences]").click();

        assertFalse(modal(), "Close closes the dialog");
        assertEquals(customize, browser.active(), "focus is back on Customize");
        assertNull(browser.cookie("chrome_consent"), "closing records no choice");
        assertTrue(browser.css("[data-chrome-cookies-layer]").isDisplayed(), "the first layer still asks");
        customize.click();
        assertFalse(browser.css("#chrome-consent-analytics").isSelected(), "the switch went back to the choice on record");
    }

    @Test
    void eachCategoryShowsItsServicesAndTheirCookies() {
        browser.open("/");
        browser.css("[data-chrome-open-preferences]").click();
        WebElement services = browser.css("#chrome-consent-analytics ~ details.chrome-preferences__services");
        WebElement summary = services.findElement(By.tagName("summary"));
        assertEquals("Services and cookies", summary.getText());
        assertFalse(services.findElement(By.tagName("ul")).isDisplayed(), "closed at first");
        summary.click();
        assertEquals("Microsoft Clarity\nCookies: _clck _clsk", services.findElement(By.tagName("li")).getText());
    }

    @Test
    void acceptAllInTheDialogSavesAnnouncesAndConfirms() {
        browser.open("/");
        recordConsentEvents();
        assertEquals("{\"categories\":[\"necessary\"],\"revision\":null,\"gpc\":false}",
                browser.js("return JSON.stringify(window.siteChrome.consent());"), "before a choice: what the server allows, and no revision");
        browser.css("[data-chrome-open-preferences]").click();
        dialog().findElement(By.cssSelector("button[value=accept-all]")).click();
        WebElement confirmation = new WebDriverWait(browser.driver, Duration.ofSeconds(10))
                .until(d -> browser.all("[data-chrome-cookies-confirmation]").stream().filter(WebElement::isDisplayed).findFirst().orElse(null));

        assertFalse(modal(), "the dialog closed");
        assertEquals("You accepted all cookies.", confirmation.findElement(By.tagName("p")).getText());
        assertEquals(confirmation, browser.active(), "the Customize button went with the first layer, so focus is on the confirmation");
        String detail = "{\"categories\":[\"necessary\",\"analytics\",\"social-media\",\"advertising\"],\"revision\":1,\"gpc\":false}";
        assertEquals(List.of(detail), consentEvents(), "one site-chrome:consent event, naming the accepted categories");
        assertEquals(detail, browser.js("return JSON.stringify(window.siteChrome.consent());"), "siteChrome.consent() says the same");

        WebElement hide = confirmation.findElement(By.cssSelector("[data-chrome-hide-confirmation]"));
        assertEquals("Hide this message", hide.getText());
        hide.click();
        assertFalse(confirmation.isDisplayed(), "Hide this message hides it");
        assertFalse(browser.active().getTagName().equals("body"), "focus moved on, not lost");
    }

    @Test
    void savingFromTheFooterKeepsTheVisitorWhereTheyAre() {
        browser.open("/");
        choose("accept-all");
        recordConsentEvents();
        WebElement manage = manageCookiesInView();
        long before = scrollY();
        manage.click();
        browser.css("#chrome-consent-advertising").click();
        browser.css("#chrome-consent-social-media").click();
        dialog().findElement(By.cssSelector("button[value=custom]")).click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d -> consentEvents().size() == 1);

        assertFalse(modal());
        assertEquals(manage, browser.active(), "focus is back on Manage cookies");
        assertEquals(before, scrollY(), "the page did not jump to the confirmation");
        assertEquals(List.of("{\"categories\":[\"necessary\",\"analytics\"],\"revision\":1,\"gpc\":false}"), consentEvents());
        new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d -> browser.css("[data-chrome-cookies-confirmation] p").getText()
                .equals("Your choices have been saved. Optional cookies allowed: Analytics."));
    }

    @Test
    void theNextPageReportsTheRecordedChoiceAndShowPreferencesOpensTheDialog() {
        browser.open("/");
        choose("reject-all");
        browser.open("/");
        assertEquals("{\"categories\":[\"necessary\"],\"revision\":1,\"gpc\":false}",
                browser.js("return JSON.stringify(window.siteChrome.consent());"));
        browser.js("window.siteChrome.showPreferences();");
        assertTrue(modal(), "siteChrome.showPreferences() opens the dialog");
        assertTrue(focusInDialog());
    }

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1280, 320})
    void axeFindsNothingWithTheDialogOpen(int width) {
        browser.viewport(width, 800).open("/");
        browser.css("[data-chrome-open-preferences]").click();
        assertTrue(modal());
        browser.css("#chrome-consent-analytics ~ details summary").click();
        browser.screenshot("consent-dialog-" + width);
        Axe.assertNoViolations(browser, "the page with the cookie preferences dialog open, " + width + " px");
        long horizontal = ((Number) browser.js("const d = document.querySelector('dialog.chrome-dialog');"
                + " return Math.round(d.scrollWidth - d.clientWidth);")).longValue();
        assertEquals(0, horizontal, "the dialog does not scroll sideways at " + width + " px");
    }
}
