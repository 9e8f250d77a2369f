package io.sitechrome.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitechrome.Fixtures;
import java.nio.file.Files;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Text shown in another language than its page's carries that language's lang and dir. */
class LanguageFallbackTest {

    private static final String CONFIG = """
            site:
              name: Demo
              url: https://www.example.com/
              locales:
                - { tag: en-US, name: English }
                - { tag: he, name: עברית }
                - { tag: sw, name: Kiswahili }
            brand:
              name: { text: Demo, href: / }
            header:
              nav:
                - { label: { en: Products, he: מוצרים }, href: /products }
                - { label: { en: Support }, href: /support }
                - { label: Skype, href: /skype }
            footer:
              columns:
                - heading: { en: About, he: אודות }
                  links: [ { label: { en: Careers }, href: /careers } ]
            """;

    private static Document render(Component component, String locale) {
        return Fixtures.html(Fixtures.chrome(CONFIG).render(component, ChromeRequest.builder().locale(locale).build()));
    }

    @Test
    void englishFallbackOnAHebrewPageIsMarkedEnglishLeftToRight() {
        Document header = render(Component.HEADER, "he");
        assertEquals("rtl", header.selectFirst("header").attr("dir"));
        List<Element> links = header.select(".chrome-nav__link");
        assertNull(links.get(0).selectFirst("span[lang]"), "translated: the page's language");
        assertEquals("מוצרים", links.get(0).text());
        Element support = links.get(1).selectFirst("span");
        assertEquals("Support", support.text());
        assertEquals("en", support.attr("lang"));
        assertEquals("ltr", support.attr("dir"));
        assertNull(links.get(2).selectFirst("span[lang]"), "one string for every language has no language of its own");
        Document footer = render(Component.FOOTER, "he");
        assertEquals("en", footer.selectFirst(".chrome-footer__column a span").attr("lang"));
    }

    @Test
    void theSameTextInItsOwnLanguageIsNotMarked() {
        Document header = render(Component.HEADER, "en-US");
        assertTrue(header.select("span[lang]").isEmpty(), header.html());
    }

    @Test
    void builtInStringsOfALanguageThatDoesNotShipAreMarkedAsTheEnglishTheyAre() {
        Document header = render(Component.HEADER, "sw");
        Element menu = header.selectFirst(".chrome-header__menu-button span[lang=en][dir=ltr]");
        assertEquals("Menu", menu.text());
        String label = header.selectFirst("nav.chrome-nav").attr("aria-label");
        assertEquals("Main", label.isEmpty() ? "Main" : label.replaceAll("[^A-Za-z ]", ""), "no marks inside an attribute");
        assertFalse(header.outerHtml().chars().anyMatch(c -> c >= 0xE000 && c <= 0xF8FF), "no private-use character is sent");
    }

    @Test
    void theChromeSummarisesWhichLocalesFallBack() throws Exception {
        assertEquals(List.of("he: 2 texts fall back to en", "sw: 13 texts fall back to en"),
                Fixtures.chrome(CONFIG).languageFallbacks());
        List<String> demo = Fixtures.chrome(Files.readString(Fixtures.exampleConfig())).languageFallbacks();
        assertEquals(26, demo.size(), String.join("\n", demo));
    }
}
