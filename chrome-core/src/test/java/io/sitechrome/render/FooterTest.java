package io.sitechrome.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitechrome.Fixtures;
import io.sitechrome.config.ConfigException;
import io.sitechrome.consent.ConsentState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FooterTest {

    static final String FOOTER = """
            footer:
              columns:
                - heading: { en: Company, de: Unternehmen }
                  links: [ { label: About, href: /about }, { label: Careers, href: "https://jobs.example.com/" } ]
                - heading: Help
                  links: [ { label: Support, href: /support } ]
              links:
                - { label: Your Privacy Choices, href: /privacy-choices, icon: privacy-choices, countries: [US] }
                - { label: Manage cookies, action: manage-cookies }
                - { label: Terms, href: /terms }
                - { label: Only in Canada, href: /ca, countries: [CA] }
              social: [ { network: mastodon, label: Follow us on Mastodon, href: "https://mastodon.example/@demo" } ]
              copyright: "© Example {year}"
            """;
    static final String COOKIES = """
            cookies:
              mode: opt-out
              saleOrSharing: [advertising]
              categories:
                - { id: necessary, label: Necessary, required: true }
                - { id: advertising, label: Advertising }
            """;
    static final String SITE = Fixtures.MINIMAL.replace("- { tag: en, name: English }", "- { tag: en, name: English }\n    - { tag: de, name: Deutsch }");
    static final String CONFIG = SITE + FOOTER + COOKIES;
    private static final Chrome CHROME = Fixtures.chrome(CONFIG);

    private static Element footer(Chrome chrome, ChromeRequest request) {
        Elements footers = Fixtures.html(chrome.render(Component.FOOTER, request)).select("footer.chrome-footer");
        assertEquals(1, footers.size());
        return footers.first();
    }

    private static Element footer(ChromeRequest request) {
        return footer(CHROME, request);
    }

    @Test
    void eachColumnIsADisclosureWhoseSummaryIsItsHeading() {
        for (Element column : footer(ChromeRequest.anonymous()).select(".chrome-footer__column")) {
            assertEquals("details", column.tagName());
            assertEquals(column.selectFirst("h2"), column.selectFirst("> summary > h2"), "the heading is the summary");
            assertTrue(!column.hasAttr("open"), "closed: wide screens show the links by CSS, narrow ones behind the heading");
        }
    }

    @ParameterizedTest
    @CsvSource({"facebook", "x", "twitter", "youtube", "linkedin", "instagram", "github", "mastodon", "rss", "blog", "tiktok"})
    void everySocialNetworkHasAnSvgIconAndItsNameAsText(String network) {
        Chrome chrome = Fixtures.chrome(CONFIG.replace("network: mastodon", "network: " + network));
        Element link = footer(chrome, ChromeRequest.anonymous()).selectFirst(".chrome-social");
        Element svg = link.selectFirst("svg");
        assertNotNull(svg, network);
        assertEquals("true", svg.attr("aria-hidden"));
        assertTrue(svg.selectFirst("path").attr("d").length() > 40, network + ": a drawn icon, not a letter");
        assertEquals("Follow us on Mastodon", link.text(), "the accessible name");
    }

    @Test
    void theCompactLanguagePickerShowsTheCurrentLanguageAndOpensToTheOthers() {
        Chrome compact = Fixtures.chrome(CONFIG.replace("  copyright:", "  localePicker: compact\n  copyright:"));
        Element picker = footer(compact, ChromeRequest.builder().locale("de").build()).selectFirst(".chrome-locales");
        Element summary = picker.selectFirst("details > summary");
        assertEquals("Deutsch", summary.selectFirst("span[lang=de]").text());
        assertEquals(List.of("English", "Deutsch"), picker.select("details > ul a").eachText());
        assertEquals("true", picker.selectFirst("a[hreflang=de]").attr("aria-current"));
        assertNull(footer(ChromeRequest.anonymous()).selectFirst(".chrome-locales details"), "list is the default");
    }

    @Test
    void columnsListTheirLinksUnderTheirHeadings() {
        Element footer = footer(ChromeRequest.anonymous());
        Elements columns = footer.select(".chrome-footer__column");
        assertEquals(2, columns.size());
        assertEquals("Company", columns.get(0).selectFirst("h2").text());
        assertEquals(List.of("About", "Careers"), columns.get(0).select("a").eachText());
        assertEquals(List.of("/about", "https://jobs.example.com/"), columns.get(0).select("a").eachAttr("href"));
        assertEquals("Help", columns.get(1).selectFirst("h2").text());
        assertEquals(List.of("/support"), columns.get(1).select("a").eachAttr("href"));
        for (Element column : columns) {
            Element list = column.selectFirst("ul");
            Element heading = footer.ownerDocument().getElementById(list.attr("aria-labelledby"));
            assertEquals(column.selectFirst("h2"), heading, "each list is labelled by its own heading");
        }
        assertEquals("Unternehmen", footer(ChromeRequest.builder().locale("de").build()).selectFirst(".chrome-footer__column h2").text());
        assertEquals(CHROME.version(), footer.attr("data-chrome-version"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "US|Your Privacy Choices,Manage cookies,Terms",
            "CA|Manage cookies,Terms,Only in Canada",
            "DE|Manage cookies,Terms",
            "null|Manage cookies,Terms",
            "XYZ|Manage cookies,Terms"})
    void bottomLinksLimitedToCountriesAppearOnlyThere(String country, String expected) {
        Elements links = footer(ChromeRequest.builder().country(country).build()).select("ul.chrome-footer__links a");
        assertEquals(List.of(expected.split(",")), links.eachText());
    }

    @Test
    void thePrivacyChoicesLinkCarriesAnIconHiddenFromScreenReaders() {
        Element link = footer(ChromeRequest.builder().country("US").build()).selectFirst("ul.chrome-footer__links a");
        assertEquals("/privacy-choices", link.attr("href"));
        Element svg = link.selectFirst("svg");
        assertNotNull(svg);
        assertEquals("true", svg.attr("aria-hidden"));
        assertEquals("false", svg.attr("focusable"));
        assertEquals("Your Privacy Choices", link.text());
        assertNull(footer(ChromeRequest.builder().country("US").build()).select("ul.chrome-footer__links a").get(2).selectFirst("svg"));
    }

    @Test
    void manageCookiesOpensThePreferencesOfTheCookieBanner() {
        ChromeRequest request = ChromeRequest.builder().country("DE").build();
        Element manage = footer(request).selectFirst("a[data-chrome-action=manage-cookies]");
        assertEquals("#chrome-cookie-preferences", manage.attr("href"));
        assertEquals("Manage cookies", manage.text());
        Document banner = Fixtures.html(CHROME.render(Component.COOKIE_BANNER, request));
        assertNotNull(banner.getElementById("chrome-cookie-preferences"), "the link's target exists on the page");
    }

    @Test
    void withoutCookieSettingsTheManageCookiesLinkIsLeftOut() {
        Chrome chrome = Fixtures.chrome(SITE + FOOTER);
        Elements links = footer(chrome, ChromeRequest.builder().country("US").build()).select("ul.chrome-footer__links a");
        assertEquals(List.of("Your Privacy Choices", "Terms"), links.eachText());
    }

    @Test
    void theCopyrightYearComesFromTheClock() throws ConfigException {
        assertEquals("© Example 2024", footer(ChromeRequest.anonymous()).selectFirst(".chrome-footer__copyright").text());
        Clock later = Clock.fixed(Instant.parse("2031-01-01T00:00:00Z"), ZoneOffset.UTC);
        Chrome chrome = Chrome.of(Fixtures.config(CONFIG), later);
        assertEquals("© Example 2031", footer(chrome, ChromeRequest.anonymous()).selectFirst(".chrome-footer__copyright").text());
    }

    @Test
    void theGpcNoteShowsWhenGpcIsHonouredWithoutARecordedChoice() {
        Element note = footer(ChromeRequest.builder().gpc(true).build()).selectFirst("p.chrome-footer__gpc");
        assertNotNull(note);
        assertEquals("note", note.attr("role"));
        assertEquals("Opt-out preference signal honored", note.text());
        assertEquals("Opt-out-Präferenzsignal berücksichtigt",
                footer(ChromeRequest.builder().gpc(true).locale("de").build()).selectFirst("p.chrome-footer__gpc").text());
        assertNull(footer(ChromeRequest.builder().gpc(false).build()).selectFirst("p.chrome-footer__gpc"));
        ConsentState recorded = new ConsentState(Set.of("necessary", "advertising"), 1, Instant.parse("2024-06-01T00:00:00Z"), "AAAAAAAAAAAAAAAAAAAAAA");
        assertNull(footer(ChromeRequest.builder().gpc(true).consent(recorded).build()).selectFirst("p.chrome-footer__gpc"),
                "a recorded choice wins over GPC, so GPC is not what decides");
        assertNull(footer(Fixtures.chrome(SITE + FOOTER), ChromeRequest.builder().gpc(true).build()).selectFirst("p.chrome-footer__gpc"),
                "a site without cookie settings has nothing to honour");
    }

    @Test
    void socialLinksHaveAnAccessibleLabel() {
        Element social = footer(ChromeRequest.anonymous()).selectFirst("a.chrome-social");
        assertTrue(social.hasClass("chrome-social--mastodon"));
        assertEquals("https://mastodon.example/@demo", social.attr("href"));
        assertEquals("Follow us on Mastodon", social.selectFirst(".chrome-visually-hidden").text());
        assertEquals("true", social.selectFirst(".chrome-social__icon").attr("aria-hidden"));
    }

    @Test
    void anEmptyFooterStillRenders() {
        Element footer = footer(Fixtures.chrome(Fixtures.MINIMAL), ChromeRequest.anonymous());
        assertNull(footer.selectFirst(".chrome-footer__columns"));
        assertNull(footer.selectFirst(".chrome-footer__social"));
        assertNull(footer.selectFirst(".chrome-locales"), "one locale, no picker");
        assertEquals(0, footer.select("ul.chrome-footer__links li").size());
    }
}
