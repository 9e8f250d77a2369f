package io.sitechrome.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitechrome.Fixtures;
import io.sitechrome.internal.i18n.Messages;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeaderTest {

    static final String CONFIG = """
            site:
              name: Demo
              url: https://www.example.com/
              locales:
                - { tag: en, name: English }
                - { tag: de, name: Deutsch }
                - { tag: ar, name: عربي }
            brand:
              logo: { src: /logo.svg, alt: { en: Example logo, de: Beispiel-Logo }, width: 108, height: 23 }
              name: { text: Demo, href: / }
            header:
              nav:
                - { label: { en: Home, de: Startseite, ar: الرئيسية }, href: / }
                - { label: Docs, href: "https://www.example.com/docs/" }
                - label: { en: Products, de: Produkte }
                  items:
                    - { label: One, href: /products/one }
                    - { label: Two, href: "/{locale}/products/two" }
                - { label: Owners, href: /products/owners }
                - label: Help
                  items:
                    - { label: Contact, href: "mailto:help@example.com" }
              actions: [ { label: Host a meeting, href: "https://meet.example.com/" } ]
              chat: { label: Chat, href: "#chat" }
            """;
    private static final Chrome CHROME = Fixtures.chrome(CONFIG);

    private static Element header(ChromeRequest request) {
        Document page = Fixtures.html(CHROME.render(Component.HEADER, request));
        Elements headers = page.select("header.chrome-header");
        assertEquals(1, headers.size(), page.body().html());
        return headers.first();
    }

    private static Element header(String locale, String path) {
        return header(ChromeRequest.builder().locale(locale).path(path).build());
    }

    @Test
    void theHeaderCarriesLanguageDirectionAndVersion() {
        Element header = header("en", "/");
        assertEquals("en", header.attr("lang"));
        assertEquals("ltr", header.attr("dir"));
        assertEquals(CHROME.version(), header.attr("data-chrome-version"));
        Element arabic = header("ar", "/");
        assertEquals("ar", arabic.attr("lang"));
        assertEquals("rtl", arabic.attr("dir"));
    }

    @Test
    void theBrandShowsTheLogoAndTheName() {
        Element header = header("de", "/");
        Element logo = header.selectFirst("a.chrome-brand__logo");
        assertNotNull(logo);
        assertEquals("/", logo.attr("href"), "without its own href the logo links where the brand does");
        Element img = logo.selectFirst("img");
        assertEquals("/logo.svg", img.attr("src"));
        assertEquals("Beispiel-Logo", img.attr("alt"));
        assertEquals("108", img.attr("width"));
        assertEquals("23", img.attr("height"));
        Element name = header.selectFirst("a.chrome-brand__name");
        assertEquals("Demo", name.text());
        assertEquals("/", name.attr("href"));
    }

    @Test
    void theBrandLinksToTheSiteWhenItHasNoHref() {
        Chrome chrome = Fixtures.chrome("""
                site:
                  name: Demo
                  url: https://www.example.com/home
                  locales: [ { tag: en, name: English } ]
                brand:
                  name: { text: Demo }
                """);
        Document page = Fixtures.html(chrome.render(Component.HEADER, ChromeRequest.anonymous()));
        assertEquals("https://www.example.com/home", page.selectFirst("a.chrome-brand__name").attr("href"));
        assertNull(page.selectFirst("a.chrome-brand__logo"));
        assertNull(page.selectFirst("nav"), "no navigation configured, no empty nav element");
        assertNull(page.selectFirst("a.chrome-chat"));
        assertNull(page.selectFirst(".chrome-account"));
    }

    @Test
    void navigationLinksAppearInOrderWithTheirLabelsAndHrefs() {
        Element nav = header("en", "/").selectFirst("nav.chrome-nav");
        assertNotNull(nav);
        assertEquals("Main", nav.attr("aria-label"));
        Elements items = nav.select("ul.chrome-nav__list > li.chrome-nav__item");
        assertEquals(5, items.size());
        assertEquals(List.of("Home", "Docs", "Owners"), nav.select("a.chrome-nav__link").eachText());
        assertEquals(List.of("/", "https://www.example.com/docs/", "/products/owners"), nav.select("a.chrome-nav__link").eachAttr("href"));
    }

    @Test
    void dropDownsAreDisclosureButtonsControllingAnExistingPanel() {
        Element header = header("en", "/");
        Elements buttons = header.select("nav .chrome-nav__list button.chrome-disclosure__button");
        assertEquals(List.of("Products", "Help"), buttons.eachText());
        Set<String> panelIds = new HashSet<>();
        for (Element button : buttons) {
            assertEquals("button", button.attr("type"));
            assertFalse(button.hasAttr("aria-expanded"), "no aria-expanded until the script runs: without it the panel"
                    + " opens on hover and focus, and \"collapsed\" would be untrue");
            String panelId = button.attr("aria-controls");
            assertTrue(panelIds.add(panelId), "panel ids are unique");
            Elements panels = header.select("[id=" + panelId + "]");
            assertEquals(1, panels.size(), "exactly one element with id " + panelId);
            assertTrue(panels.first().hasClass("chrome-disclosure__panel"));
        }
        Element products = header.getElementById(buttons.get(0).attr("aria-controls"));
        assertEquals(List.of("One", "Two"), products.select("a").eachText());
        assertEquals(List.of("/products/one", "/en/products/two"), products.select("a").eachAttr("href"), "{locale} is filled in");
        assertEquals(List.of("mailto:help@example.com"), header.getElementById(buttons.get(1).attr("aria-controls")).select("a").eachAttr("href"));
    }

    @Test
    void labelsFollowTheVisitorsLocaleAndFallBackToTheDefault() {
        Element german = header("de-AT", "/");
        assertEquals("de", german.attr("lang"));
        assertEquals("Hauptnavigation", german.selectFirst("nav").attr("aria-label"));
        assertEquals(List.of("Startseite", "Docs", "Owners"), german.select("a.chrome-nav__link").eachText());
        assertEquals("Produkte", german.selectFirst("nav button").text());
        assertEquals("/de/products/two", german.select(".chrome-disclosure__panel a").get(1).attr("href"));
        Element arabic = header("ar", "/");
        assertEquals("الرئيسية", arabic.selectFirst("a.chrome-nav__link").text());
        assertEquals("Products", arabic.selectFirst("nav button").text(), "no Arabic label: the default locale's");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "/|Home", "/?utm=x|Home", "/docs|Docs", "/docs/|Docs", "/docs/?q=1#top|Docs", "/products/one|One", "/products/one/|One",
            "/nowhere|", "/products|", "https://evil.example/docs/|Home",
            "/docs/guide/intro|Docs", "/docs/guide?x=1|Docs", "/docsfoo|", "/docs-old/|", "/products/one/details/2|One",
            "/products/one2|", "/products/two|", "/products/owners/1|Owners", "/products/owners|Owners"})
    void theCurrentPageIsMarked(String path, String current) {
        Elements marked = header("en", path).select("[aria-current]");
        if (current == null) {
            assertEquals(0, marked.size(), marked.outerHtml());
        } else {
            assertEquals(1, marked.size(), marked.outerHtml());
            assertEquals("page", marked.first().attr("aria-current"));
            assertEquals(current, marked.first().text());
        }
    }

    @Test
    void actionsAreLinks() {
        Elements actions = header("en", "/").select("a.chrome-header__action");
        assertEquals(List.of("Host a meeting"), actions.eachText());
        assertEquals(List.of("https://meet.example.com/"), actions.eachAttr("href"));
    }

    @Test
    void theChatLinkShowsTheSignedInVisitorsUnreadCount() {
        Element chat = header(ChromeRequest.builder().visitor(Visitor.of("Ada", null, 3)).build()).selectFirst("a.chrome-chat");
        assertEquals("#chat", chat.attr("href"));
        assertEquals("true", chat.selectFirst("svg").attr("aria-hidden"));
        Element count = chat.selectFirst(".chrome-chat__count");
        assertEquals("3", count.text());
        assertEquals("true", count.attr("aria-hidden"), "the bare number is for the eye; the phrase is for screen readers");
        assertEquals(List.of("Chat. 3 unread messages"), chat.select(".chrome-visually-hidden").eachText());

        Element german = header(ChromeRequest.builder().locale("de").visitor(Visitor.of("Ada", null, 1)).build()).selectFirst("a.chrome-chat");
        assertEquals("Chat. 1 ungelesene Nachricht", german.selectFirst(".chrome-visually-hidden").text());
    }

    @Test
    void theUnreadPhraseCanBeOverriddenWithAPluralPattern() {
        Chrome chrome = Fixtures.chrome(CONFIG + "strings:\n  unread: \"{count, plural, one {# new message} other {# new messages}}\"\n");
        Element one = Fixtures.html(chrome.render(Component.HEADER, ChromeRequest.builder().visitor(Visitor.of("Ada", null, 1)).build()))
                .selectFirst("a.chrome-chat");
        assertEquals("Chat. 1 new message", one.selectFirst(".chrome-visually-hidden").text());
        Element many = Fixtures.html(chrome.render(Component.HEADER, ChromeRequest.builder().locale("de").visitor(Visitor.of("Ada", null, 4)).build()))
                .selectFirst("a.chrome-chat");
        assertEquals("Chat. 4 new messages", many.selectFirst(".chrome-visually-hidden").text());
    }

    @Test
    void noUnreadCountWithoutUnreadMessagesOrWhenSignedOut() {
        Element none = header(ChromeRequest.builder().visitor(Visitor.of("Ada", null, 0)).build()).selectFirst("a.chrome-chat");
        assertNull(none.selectFirst(".chrome-chat__count"));
        assertEquals(List.of("Chat"), none.select(".chrome-visually-hidden").eachText());
        Element anonymous = header(ChromeRequest.anonymous()).selectFirst("a.chrome-chat");
        assertNull(anonymous.selectFirst(".chrome-chat__count"));
    }

    @Test
    void aDropDownHoldingTheCurrentPageMarksItsButton() {
        Element header = header("de", "/products/one/details");
        Element products = header.selectFirst("nav .chrome-nav__list button");
        assertTrue(products.hasClass("chrome-disclosure__button--current"), products.outerHtml());
        assertEquals("Produkte (aktueller Bereich)", products.text(), "a visually hidden, translated \"current section\"");
        assertEquals(" (aktueller Bereich)", products.selectFirst(".chrome-visually-hidden").wholeText());
        assertEquals("One", header.selectFirst("[aria-current=page]").text());
        Element help = header.select("nav .chrome-nav__list button").get(1);
        assertFalse(help.hasClass("chrome-disclosure__button--current"));
        assertNull(help.selectFirst(".chrome-visually-hidden"));
        for (Element button : header("en", "/docs").select("nav button")) {
            assertFalse(button.hasClass("chrome-disclosure__button--current"), "a current link outside a drop-down marks no button");
        }
    }

    @Test
    void theNavEndsWithAMoreDropDownThatTheScriptFills() {
        Element nav = header("de", "/").selectFirst("nav.chrome-nav");
        Element more = nav.selectFirst("nav > .chrome-nav__more");
        assertNotNull(more, nav.outerHtml());
        assertTrue(more.hasAttr("hidden"), "hidden until the script moves entries into it");
        assertTrue(more.hasAttr("data-chrome-disclosure"));
        Element button = more.selectFirst("button.chrome-disclosure__button");
        assertEquals("Mehr", button.ownText(), "the built-in label, translated");
        Element currentSection = button.selectFirst("[data-chrome-more-current]");
        assertTrue(currentSection.hasAttr("hidden"), "\"current section\" only once the script moved the current entry into More");
        assertEquals(" (aktueller Bereich)", currentSection.wholeText());
        assertFalse(button.hasAttr("aria-expanded"));
        Element panel = nav.ownerDocument().getElementById(button.attr("aria-controls"));
        assertNotNull(panel);
        assertEquals(0, panel.childrenSize(), "every entry stays in the row; the script moves what does not fit");
        assertEquals(nav.select(".chrome-nav__list").last(), nav.selectFirst(".chrome-nav__list"), "one list of entries");

        Chrome labelled = Fixtures.chrome(CONFIG.replace("  chat: { label: Chat, href: \"#chat\" }\n",
                "  chat: { label: Chat, href: \"#chat\" }\n  more: { en: More Skype, de: Mehr Skype }\n"));
        assertEquals("Mehr Skype", Fixtures.html(labelled.render(Component.HEADER, ChromeRequest.builder().locale("de").build()))
                .selectFirst(".chrome-nav__more button").ownText());
        assertEquals("More Skype", Fixtures.html(labelled.render(Component.HEADER, ChromeRequest.builder().locale("ar").build()))
                .selectFirst(".chrome-nav__more button > span[lang=en][dir=ltr]").text(),
                "the designer's label falls back to the default locale, marked as English");
    }

    @Test
    void aMenuButtonControlsTheNavigationAndTheActions() {
        Element header = header("ar", "/");
        Element button = header.selectFirst("button.chrome-header__menu-button");
        assertNotNull(button, header.outerHtml());
        assertEquals("button", button.attr("type"));
        assertEquals("القائمة", button.text(), "translated");
        assertFalse(button.hasAttr("aria-expanded"), "the script adds aria-expanded when it takes the button over");
        Element menu = header.ownerDocument().getElementById(button.attr("aria-controls"));
        assertNotNull(menu);
        assertNotNull(menu.selectFirst("nav.chrome-nav"), "the menu holds the navigation");
        assertNotNull(menu.selectFirst(".chrome-header__actions"), "and the actions");
        assertEquals("true", button.selectFirst("svg").attr("aria-hidden"));
    }

    @ParameterizedTest(name = "{0} unread")
    @CsvSource(delimiter = '|', value = {"99|99|Chat. 99 unread messages", "100|99+|Chat. 100 unread messages",
            "1234|99+|Chat. 1,234 unread messages", "1|1|Chat. 1 unread message"})
    void theUnreadBadgeCapsAt99PlusAndTheAccessibleNameKeepsTheNumber(int unread, String badge, String name) {
        Element chat = header(ChromeRequest.builder().visitor(Visitor.of("Ada", null, unread)).build()).selectFirst("a.chrome-chat");
        assertEquals(badge, chat.selectFirst(".chrome-chat__count").text());
        assertEquals(name, chat.selectFirst(".chrome-visually-hidden").text());
        Element arabic = header(ChromeRequest.builder().locale("ar").visitor(Visitor.of("Ada", null, unread)).build())
                .selectFirst("a.chrome-chat");
        assertEquals(badge, arabic.selectFirst(".chrome-chat__count").text());
        assertEquals("Chat. " + Messages.forTag("ar").unread(unread),
                arabic.selectFirst(".chrome-visually-hidden").text(), "Arabic's plural form of the real number");
        assertFalse(arabic.selectFirst(".chrome-visually-hidden").text().contains("99+"));
    }
}
