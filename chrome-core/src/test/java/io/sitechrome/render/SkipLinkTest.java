package io.sitechrome.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sitechrome.Fixtures;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SkipLinkTest {

    static final String SITE = """
            site:
              name: Demo
              url: https://www.example.com/
              locales:
                - { tag: en, name: English }
                - { tag: de, name: Deutsch }
                - { tag: ar, name: عربي }
                - { tag: he, name: עברית }
            brand:
              name: { text: Demo }
            """;

    private static Element skipLink(Chrome chrome, String locale) {
        Elements links = Fixtures.html(chrome.render(Component.SKIP_LINK, ChromeRequest.builder().locale(locale).build())).select("a");
        assertEquals(1, links.size());
        return links.first();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"en, ltr, Skip to main content", "de, ltr, Zum Hauptinhalt springen", "ar, rtl, الانتقال إلى المحتوى الرئيسي",
            "he, rtl, דילוג לתוכן הראשי"})
    void theBuiltInSkipLinkIsTranslated(String locale, String dir, String text) {
        Element link = skipLink(Fixtures.chrome(SITE), locale);
        assertEquals("chrome-skip-link", link.className());
        assertEquals("#main", link.attr("href"));
        assertEquals(locale, link.attr("lang"));
        assertEquals(dir, link.attr("dir"));
        assertEquals(text, link.text());
    }

    @Test
    void aConfiguredTextAndTargetWin() {
        Chrome chrome = Fixtures.chrome(SITE + "skipLink: { text: { en: Jump to the article, de: Zum Artikel }, target: \"#article\" }\n");
        assertEquals("Jump to the article", skipLink(chrome, "en").text());
        assertEquals("Zum Artikel", skipLink(chrome, "de").text());
        assertEquals("Jump to the article", skipLink(chrome, "ar").text(), "no Arabic text: the default locale's");
        assertEquals("#article", skipLink(chrome, "en").attr("href"));
    }

    @Test
    void theBuiltInTextCanBeOverriddenPerLanguage() {
        Chrome chrome = Fixtures.chrome(SITE + "strings:\n  skipLink: { en: Jump to content, de: Zum Inhalt }\n");
        assertEquals("Jump to content", skipLink(chrome, "en").text());
        assertEquals("Zum Inhalt", skipLink(chrome, "de").text());
        assertEquals("Jump to content", skipLink(chrome, "ar").text(), "the override's default-locale text beats the built-in Arabic");
        Chrome both = Fixtures.chrome(SITE + "skipLink: { text: Skip }\nstrings:\n  skipLink: Jump to content\n");
        assertEquals("Skip", skipLink(both, "en").text(), "the skip link's own text wins");
    }

    @Test
    void aConfiguredTargetKeepsTheTranslatedText() {
        Chrome chrome = Fixtures.chrome(SITE + "skipLink: { target: \"#content\" }\n");
        assertEquals("#content", skipLink(chrome, "de").attr("href"));
        assertEquals("Zum Hauptinhalt springen", skipLink(chrome, "de").text());
    }
}
