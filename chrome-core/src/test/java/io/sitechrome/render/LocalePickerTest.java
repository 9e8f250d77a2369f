package io.sitechrome.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.sitechrome.Fixtures;
import io.sitechrome.model.SiteLocale;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocalePickerTest {

    private static final Chrome EXAMPLE = Fixtures.example();
    private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "he");

    private static Element picker(Chrome chrome, ChromeRequest request) {
        return Fixtures.html(chrome.render(Component.FOOTER, request)).selectFirst("nav.chrome-locales");
    }

    @Test
    void everySiteLocaleIsListedInItsOwnLanguageAndDirection() {
        Element picker = picker(EXAMPLE, ChromeRequest.builder().path("/legal").build());
        Elements links = picker.select("li > a");
        List<SiteLocale> locales = EXAMPLE.config().site().locales();
        assertEquals(30, links.size());
        for (int i = 0; i < links.size(); i++) {
            Element link = links.get(i);
            String tag = locales.get(i).tag();
            assertEquals(locales.get(i).name(), link.text());
            assertEquals(tag, link.attr("lang"));
            assertEquals(tag, link.attr("hreflang"));
            assertEquals(RIGHT_TO_LEFT.contains(tag) ? "rtl" : "ltr", link.attr("dir"), tag);
            assertEquals("/chrome/locale/" + tag + "?return=%2Flegal", link.attr("href"));
        }
        assertEquals("عربي", picker.selectFirst("a[lang=ar]").text());
        assertEquals("עברית", picker.selectFirst("a[lang=he]").text());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"en-US, English", ", English", "de, Deutsch", "de-CH, Deutsch", "he-IL, עברית", "iw, עברית", "zh-TW, 中文 (繁體)", "xx, English"})
    void theCurrentLocaleAndOnlyItIsMarked(String locale, String current) {
        Elements marked = picker(EXAMPLE, ChromeRequest.builder().locale(locale).build()).select("[aria-current]");
        assertEquals(1, marked.size());
        assertEquals("true", marked.first().attr("aria-current"));
        assertEquals(current, marked.first().text());
    }

    @Test
    void thePickerIsANavigationLabelledByItsHeading() {
        Element picker = picker(EXAMPLE, ChromeRequest.builder().locale("de").build());
        Element heading = picker.ownerDocument().getElementById(picker.attr("aria-labelledby"));
        assertNotNull(heading);
        assertEquals("Sprache", heading.text());
    }

    @Test
    void linksGoToTheLocaleEndpointAndCarryTheReturnPath() {
        Element picker = picker(EXAMPLE, ChromeRequest.builder().endpoints("/app/chrome/").path("/legal?a=1&b=ü").build());
        assertEquals("/app/chrome/locale/de?return=%2Flegal%3Fa%3D1%26b%3D%C3%BC", picker.selectFirst("a[lang=de]").attr("href"));
        Element foreign = picker(EXAMPLE, ChromeRequest.builder().path("//evil.example/").build());
        assertEquals("/chrome/locale/de?return=%2F", foreign.selectFirst("a[lang=de]").attr("href"));
    }

    @Test
    void aConfiguredDirectionWins() {
        Chrome chrome = Fixtures.chrome(Fixtures.MINIMAL.replace("- { tag: en, name: English }",
                "- { tag: en, name: English }\n    - { tag: ar, name: عربي, dir: ltr }\n    - { tag: en-x-mirror, name: Mirror, dir: rtl }"));
        Element picker = picker(chrome, ChromeRequest.anonymous());
        assertEquals(List.of("ltr", "ltr", "rtl"), picker.select("a").eachAttr("dir"));
    }

    @Test
    void aSiteWithOneLocaleHasNoPicker() {
        assertNull(picker(Fixtures.chrome(Fixtures.MINIMAL), ChromeRequest.anonymous()));
    }
}
