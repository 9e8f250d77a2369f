package io.sitechrome.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitechrome.Fixtures;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BannersTest {

    static final String CONFIG = """
            site:
              name: Demo
              url: https://www.example.com/
              locales:
                - { tag: en, name: English }
                - { tag: ar, name: عربي }
            brand:
              name: { text: Demo }
            banners:
              - { id: everywhere, title: Everywhere, text: For everyone. }
              - { id: us-only, title: US only, text: Only in the US., countries: [US], severity: warning }
              - { id: not-de, title: Not in Germany, text: Everywhere but Germany., exceptCountries: [DE], severity: critical }
              - id: dismissible
                title: { en: Dismiss me, ar: أخفني }
                text: Can be hidden.
                dismissible: true
                link: { label: More, href: /more }
              - { id: sticky, title: Sticky, text: Cannot be hidden., dismissible: false }
            """;
    private static final Chrome CHROME = Fixtures.chrome(CONFIG);

    private static Document render(ChromeRequest request) {
        return Fixtures.html(CHROME.render(Component.BANNERS, request));
    }

    private static String ids(ChromeRequest request) {
        return String.join(",", render(request).select("section.chrome-banner").eachAttr("data-chrome-banner"));
    }

    private static String idsFor(String country) {
        return ids(ChromeRequest.builder().country(country).build());
    }

    @ParameterizedTest(name = "country {0}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "US|everywhere,us-only,not-de,dismissible,sticky",
            "us|everywhere,us-only,not-de,dismissible,sticky",
            "DE|everywhere,dismissible,sticky",
            "FR|everywhere,not-de,dismissible,sticky",
            "null|everywhere,not-de,dismissible,sticky",
            "USA|everywhere,not-de,dismissible,sticky",
            "D1|everywhere,not-de,dismissible,sticky",
            "''|everywhere,not-de,dismissible,sticky"})
    void bannersFollowCountryTargeting(String country, String expected) {
        assertEquals(expected, idsFor(country));
    }

    @Test
    void eachBannerIsALabelledSectionWithItsSeverity() {
        Document page = render(ChromeRequest.builder().country("US").build());
        for (Element section : page.select("section.chrome-banner")) {
            Element title = page.getElementById(section.attr("aria-labelledby"));
            assertNotNull(title, section.outerHtml());
            assertTrue(section.children().contains(title));
        }
        assertTrue(page.selectFirst("[data-chrome-banner=us-only]").hasClass("chrome-banner--warning"));
        assertTrue(page.selectFirst("[data-chrome-banner=not-de]").hasClass("chrome-banner--critical"));
        assertTrue(page.selectFirst("[data-chrome-banner=everywhere]").hasClass("chrome-banner--info"), "info is the default");
        Element dismissible = page.selectFirst("[data-chrome-banner=dismissible]");
        assertEquals("Dismiss me", dismissible.selectFirst("h2").text());
        assertEquals("Can be hidden. More", dismissible.selectFirst("p.chrome-banner__text").text());
        assertEquals("/more", dismissible.selectFirst("p.chrome-banner__text a").attr("href"));
    }

    @Test
    void aDismissibleBannerHasAFormThatReturnsToThePage() {
        Document page = render(ChromeRequest.builder().path("/legal?x=1").endpoints("/app/chrome/").build());
        Element form = page.selectFirst("[data-chrome-banner=dismissible] form");
        assertNotNull(form);
        assertEquals("post", form.attr("method"));
        assertEquals("/app/chrome/banners/dismissible/dismiss", form.attr("action"));
        assertEquals("/legal?x=1", form.selectFirst("input[type=hidden][name=return]").attr("value"));
        Element button = form.selectFirst("button[type=submit]");
        assertEquals("Dismiss: Dismiss me", button.text(), "the hidden part names the banner for screen readers");
        assertNull(page.selectFirst("[data-chrome-banner=sticky] form"), "a banner that is not dismissible has no dismiss control");
        assertNull(page.selectFirst("[data-chrome-banner=everywhere] form"));
    }

    @Test
    void aDismissedDismissibleBannerIsHiddenButANonDismissibleOneIsNot() {
        ChromeRequest request = ChromeRequest.builder().country("FR").dismissedBanners(Set.of("dismissible", "sticky", "not-de", "unknown")).build();
        assertEquals("everywhere,not-de,sticky", ids(request));
        assertEquals("everywhere,not-de,dismissible,sticky", ids(ChromeRequest.builder().country("FR").dismissedBanners(null).build()));
    }

    @Test
    void bannersSpeakTheVisitorsLanguage() {
        Element banner = render(ChromeRequest.builder().locale("ar").build()).selectFirst("[data-chrome-banner=dismissible]");
        assertEquals("ar", banner.attr("lang"));
        assertEquals("rtl", banner.attr("dir"));
        assertEquals("أخفني", banner.selectFirst("h2").text());
        assertEquals("For everyone.", render(ChromeRequest.builder().locale("ar").build()).selectFirst("[data-chrome-banner=everywhere] p").text());
    }

    @Test
    void noBannersRenderNothing() {
        assertEquals("", Fixtures.chrome(Fixtures.MINIMAL).render(Component.BANNERS, ChromeRequest.anonymous()).strip());
        assertEquals(List.of(), render(ChromeRequest.builder().country("DE").dismissedBanners(Set.of("dismissible")).build())
                .select("[data-chrome-banner=dismissible]").eachText());
    }

    static final String PLACED = """
            site:
              name: Demo
              url: https://www.example.com/
              locales: [ { tag: en, name: English } ]
            brand:
              name: { text: Demo }
            banners:
              - { id: outage, title: Outage, text: Some calls fail., placement: top }
              - { id: emergency, title: Limited emergency calling, text: Not a telephone., placement: footer }
              - { id: default, title: Default, text: At the top by default. }
              - { id: us-footer, title: US footer, text: Only in the US., placement: footer, countries: [US], dismissible: true }
            footer:
              columns:
                - heading: Help
                  links: [ { label: Support, href: /support } ]
            """;

    @Test
    void footerPlacedBannersRenderWithTheFooterAboveItsColumnsAndNotAtTheTop() {
        Chrome chrome = Fixtures.chrome(PLACED);
        ChromeRequest us = ChromeRequest.builder().country("US").path("/page").build();
        Document top = Fixtures.html(chrome.render(Component.BANNERS, us));
        assertEquals(List.of("outage", "default"), top.select("section.chrome-banner").eachAttr("data-chrome-banner"));
        Document footer = Fixtures.html(chrome.render(Component.FOOTER, us));
        Element notices = footer.selectFirst("footer.chrome-footer > .chrome-footer__notices");
        assertNotNull(notices, footer.body().html());
        assertEquals(List.of("emergency", "us-footer"), notices.select("section.chrome-banner").eachAttr("data-chrome-banner"));
        assertTrue(notices.elementSiblingIndex() < footer.selectFirst(".chrome-footer__columns").elementSiblingIndex(),
                "the notices come before the footer's columns");
        Element title = footer.getElementById(notices.selectFirst("section").attr("aria-labelledby"));
        assertEquals("Limited emergency calling", title.text());
        assertEquals("/page", notices.selectFirst("[data-chrome-banner=us-footer] input[name=return]").attr("value"),
                "a dismissible footer banner returns to the page");
    }

    @Test
    void footerPlacedBannersFollowCountriesAndDismissal() {
        Chrome chrome = Fixtures.chrome(PLACED);
        Document france = Fixtures.html(chrome.render(Component.FOOTER, ChromeRequest.builder().country("FR").build()));
        assertEquals(List.of("emergency"), france.select("section.chrome-banner").eachAttr("data-chrome-banner"));
        Document dismissed = Fixtures.html(chrome.render(Component.FOOTER,
                ChromeRequest.builder().country("US").dismissedBanners(Set.of("us-footer")).build()));
        assertEquals(List.of("emergency"), dismissed.select("section.chrome-banner").eachAttr("data-chrome-banner"));
        Document none = Fixtures.html(Fixtures.chrome(Fixtures.MINIMAL).render(Component.FOOTER, ChromeRequest.anonymous()));
        assertNull(none.selectFirst(".chrome-footer__notices"), "no footer banners, no empty container");
    }
}
