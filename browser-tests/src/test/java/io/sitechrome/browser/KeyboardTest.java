package io.sitechrome.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The keyboard, as the WAI-ARIA APG disclosure-navigation pattern and WCAG 2.1.1, 2.1.2,
 * 2.4.1, 2.4.3 and 2.4.11 want it: Tab order, Enter and Space, Escape, focus leaving, no
 * trap, the skip link, and nothing focused hidden or covered.
 */
class KeyboardTest {

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

    /** Role and accessible name as Chromium's accessibility tree computes them, with the link target. */
    private static String stop(WebElement element) {
        String href = element.getAttribute("href") == null ? "" : " -> " + element.getDomAttribute("href");
        return element.getAriaRole() + " \"" + element.getAccessibleName() + "\"" + href;
    }

    @Test
    void tabVisitsTheCookieBannerThenTheSkipLinkTheBrandTheNavigationAndTheActions() {
        browser.viewport(1920, 900).open("/");
        List<String> expected = List.of(
                "link \"Cookie policy\" -> https://go.microsoft.com/fwlink/?LinkId=521839",
                "button \"Accept all\"",
                "button \"Reject all\"",
                "button \"Customize\"",
                "link \"Skip to main content\" -> #main",
                "link \"Microsoft\" -> https://www.microsoft.com/",
                "link \"Skype\" -> https://www.skype.com/",
                "link \"Home\" -> https://www.skype.com/",
                "link \"Downloads\" -> https://www.skype.com/en/get-skype/",
                "link \"Skype to Phone\" -> https://www.skype.com/en/international-calls/",
                "link \"Skype Number\" -> https://www.skype.com/en/skype-number/",
                "link \"Features\" -> https://www.skype.com/en/features/",
                "button \"Products\"",
                "button \"Get help\"",
                "link \"My account\" -> https://go.skype.com/myaccount",
                "link \"Join us\" -> https://go.skype.com/joinskype/",
                "link \"Host a meeting\" -> https://go.skype.com/meetnow.accessurl",
                "link \"Skype Chat\" -> #",
                "link \"Sign in\" -> /demo/sign-in?return=%2F",
                "link \"New to Skype? Sign up\" -> https://go.skype.com/signup?client_id=578134&redirect_uri=https%3A%2F%2Fweb.skype.com&source=scomnav",
                "link \"Terms of Use (Microsoft Service Agreement)\" -> http://go.microsoft.com/fwlink/?LinkID=530144");
        List<String> actual = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            browser.tab();
            actual.add(stop(browser.active()));
        }
        assertEquals(String.join("\n", expected), String.join("\n", actual), "the first " + expected.size() + " Tab stops");
    }

    @Test
    void signedInTheAccountMenuButtonFollowsTheChatLinkWithItsUnreadCount() {
        browser.signIn("Ada", 3);
        browser.tabTo(browser.css(".chrome-chat"), 40);
        // The name joins two visually hidden texts around the (aria-hidden) badge; Chromium puts a
        // space between them, so only the words and their order are asserted.
        String chat = stop(browser.active());
        assertTrue(chat.matches("link \"Skype Chat\\W*3 unread messages\" -> #"), "the chat link announces the unread count: " + chat);
        browser.tab();
        assertEquals("button \"My Skype\"", stop(browser.active()));
    }

    @Test
    void tabReachesEveryControlInDocumentOrderAndThenLeavesThePage() {
        browser.open("/");
        @SuppressWarnings("unchecked")
        List<WebElement> tabbable = (List<WebElement>) browser.js("""
                return Array.from(document.querySelectorAll('a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select, textarea, [tabindex]'))
                  .filter((el) => el.tabIndex >= 0 && el.getClientRects().length > 0 && getComputedStyle(el).visibility === 'visible');
                """);
        List<FocusWalk.Stop> stops = FocusWalk.walk(browser, false);
        List<String> expected = tabbable.stream().map(browser::describe).toList();
        List<String> visited = stops.stream().map(s -> browser.describe(s.element())).toList();
        assertEquals(String.join("\n", expected), String.join("\n", visited),
                "Tab visits every visible control once, in document order");
        WebElement lastFooterLink = browser.all(".chrome-footer a[href]").get(browser.all(".chrome-footer a[href]").size() - 1);
        assertEquals(lastFooterLink, stops.get(stops.size() - 1).element(), "the footer's last link is the last stop");
        assertTrue(stops.size() > 100, "the whole page was walked: " + stops.size() + " stops");

        // No trap: after the last stop focus has left the document (to the browser), and the next
        // Tab starts over at the first stop.
        WebElement now = browser.active();
        if (now.getTagName().equals("body")) browser.tab();
        assertEquals(stops.get(0).element(), browser.active(), "Tab after the page's last stop cycles to its first");
    }

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource({"Products, ENTER", "Products, SPACE", "Get help, ENTER", "Get help, SPACE"})
    void enterAndSpaceToggleADropDown(String label, Keys key) {
        browser.open("/");
        WebElement button = browser.disclosureButton(label);
        browser.tabTo(button, 40);
        browser.assertExpanded(button, false);
        browser.press(key);
        browser.assertExpanded(button, true);
        assertEquals(button, browser.active(), "focus stays on the button");
        browser.press(key);
        browser.assertExpanded(button, false);
        browser.press(key);
        browser.assertExpanded(button, true);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Products", "Get help"})
    void escapeClosesTheDropDownAndReturnsFocusToItsButton(String label) {
        browser.open("/");
        WebElement button = browser.disclosureButton(label);
        browser.tabTo(button, 40);
        browser.press(Keys.ENTER);
        browser.tab();
        WebElement firstLink = browser.css("#" + button.getAttribute("aria-controls") + " a");
        assertEquals(firstLink, browser.active(), "Tab moves into the open panel");
        browser.press(Keys.ESCAPE);
        browser.assertExpanded(button, false);
        assertEquals(button, browser.active(), "Escape returns focus to the button");

        browser.press(Keys.SPACE);
        browser.assertExpanded(button, true);
        browser.press(Keys.ESCAPE);
        browser.assertExpanded(button, false);
        assertEquals(button, browser.active(), "Escape on the button keeps focus there");
    }

    @Test
    void focusLeavingADropDownClosesIt() {
        browser.viewport(1920, 900).open("/");   // wide enough for both drop-downs in the row
        WebElement products = browser.disclosureButton("Products");
        WebElement getHelp = browser.disclosureButton("Get help");
        browser.tabTo(products, 40);
        browser.press(Keys.ENTER);
        int links = browser.all("#" + products.getAttribute("aria-controls") + " a").size();
        for (int i = 0; i < links; i++) {
            browser.tab();
            browser.assertExpanded(products, true);
        }
        browser.tab();
        assertEquals(getHelp, browser.active(), "after the last Products link comes Get help");
        browser.assertExpanded(products, false);

        // Backwards out of the button closes it too.
        browser.press(Keys.ENTER);
        browser.assertExpanded(getHelp, true);
        browser.shiftTab();
        assertEquals(products, browser.active(), "Shift+Tab from Get help goes back to Products");
        browser.assertExpanded(getHelp, false);
    }

    @Test
    void theAccountMenuWorksTheSameWay() {
        browser.signIn("Ada", 3);
        WebElement button = browser.css(".chrome-account__button");
        browser.tabTo(button, 40);
        browser.assertExpanded(button, false);
        browser.press(Keys.ENTER);
        browser.assertExpanded(button, true);
        browser.tab();
        assertEquals("link \"My account\" -> https://go.skype.com/myaccount", stop(browser.active()));
        browser.press(Keys.ESCAPE);
        browser.assertExpanded(button, false);
        assertEquals(button, browser.active(), "Escape returns focus to the account button");

        browser.press(Keys.SPACE);
        browser.assertExpanded(button, true);
        int links = browser.all("#chrome-account-menu a").size();
        for (int i = 0; i < links; i++) browser.tab();
        assertEquals("link \"Sign out\" -> /demo/sign-out", stop(browser.active()));
        browser.tab();
        browser.assertExpanded(button, false);
        assertEquals("link \"Terms of Use (Microsoft Service Agreement)\" -> http://go.microsoft.com/fwlink/?LinkID=530144",
                stop(browser.active()), "Tab out of the menu goes on to the page and closes the menu");
    }

    @Test
    void theSkipLinkAppearsWhenFocusedAndMovesFocusToMain() {
        browser.open("/");
        WebElement skip = browser.css(".chrome-skip-link");
        browser.tabTo(skip, 10);
        assertTrue(skip.getSize().getWidth() > 50 && skip.getSize().getHeight() >= 24,
                "the focused skip link is visible, not clipped: " + skip.getSize());
        assertTrue(skip.getLocation().getY() >= 0 && skip.getLocation().getY() < 900, "the skip link is on screen");
        browser.press(Keys.ENTER);
        assertEquals("main", browser.active().getAttribute("id"), "document.activeElement is <main id=main>");
        browser.tab();
        assertEquals("link \"Terms of Use (Microsoft Service Agreement)\" -> http://go.microsoft.com/fwlink/?LinkID=530144",
                stop(browser.active()), "the next Tab continues inside main");
    }

    @ParameterizedTest(name = "{0} at {1} px, signed in: {2}")
    @CsvSource({"en-US, 1280, false", "en-US, 320, false", "en-US, 320, true", "ar, 1280, true", "ar, 320, false", "he, 320, true"})
    void nothingFocusedIsOffScreenOrCovered(String locale, int width, boolean signedIn) {
        browser.viewport(width, 700);
        if (signedIn) browser.signIn("Ada", 3);
        browser.locale(locale);
        // below 768 px the footer's columns start closed; open, their links are walked too
        browser.js("document.querySelectorAll('.chrome-footer__column').forEach(column => column.open = true)");
        List<FocusWalk.Stop> stops = FocusWalk.walk(browser, true);
        assertTrue(stops.size() > 100, "walked the page: " + stops.size() + " stops");
        String problems = stops.stream()
                .filter(s -> !s.inViewport() || s.covered())
                .map(s -> s.description() + " at " + s.rect() + (s.inViewport() ? " is covered by " + s.coveredBy() : " is off screen"))
                .collect(Collectors.joining("\n"));
        assertTrue(problems.isEmpty(), "WCAG 2.4.11: focused elements hidden from view:\n" + problems);
        assertFalse(stops.stream().noneMatch(FocusWalk.Stop::disclosureButton), "the walk went through the drop-downs");
    }

    /** "More" is a drop-down like the others, and a drop-down inside it opens in place; Escape closes the innermost first. */
    @Test
    void moreOpensWithTheKeyboardAndEscapeClosesTheInnermostDropDownFirst() {
        browser.viewport(1024, 900).open("/");
        WebElement more = browser.css(".chrome-nav__more > button");
        assertTrue(more.isDisplayed(), "at 1024 px some entries are in More");
        browser.tabTo(more, 40);
        browser.press(Keys.ENTER);
        browser.assertExpanded(more, true);
        WebElement inner = browser.css(".chrome-nav__overflow .chrome-disclosure__button");
        browser.tabTo(inner, 20);
        browser.press(Keys.ENTER);
        browser.assertExpanded(inner, true);
        browser.assertExpanded(more, true);
        browser.tab();
        assertEquals(browser.css("#" + inner.getAttribute("aria-controls") + " a"), browser.active(), "Tab enters the inner panel");
        browser.press(Keys.ESCAPE);
        browser.assertExpanded(inner, false);
        browser.assertExpanded(more, true);
        assertEquals(inner, browser.active(), "Escape closes the inner drop-down and returns to its button");
        browser.press(Keys.ESCAPE);
        browser.assertExpanded(more, false);
        assertEquals(more, browser.active(), "a second Escape closes More");
    }

    /** The small-screen menu: an APG disclosure button; Escape inside it closes it and returns focus. */
    @Test
    void theMenuButtonOpensAndClosesTheNavigation() {
        browser.viewport(390, 844).open("/");
        WebElement menu = browser.css(".chrome-header__menu-button");
        browser.assertExpanded(menu, false);
        browser.tabTo(menu, 20);
        browser.press(Keys.ENTER);
        browser.assertExpanded(menu, true);
        browser.tab();
        assertEquals("Home", browser.active().getText(), "Tab goes from the button into the menu");
        browser.press(Keys.ESCAPE);
        browser.assertExpanded(menu, false);
        assertEquals(menu, browser.active());
    }
}
