package io.sitechrome.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitechrome.Fixtures;
import io.sitechrome.consent.ConsentState;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

class CookieBannerTest {

    static final String SITE = """
            site:
              name: Demo
              url: https://www.example.com/
              locales:
                - { tag: en, name: English }
                - { tag: de, name: Deutsch }
            brand:
              name: { text: Demo }
            """;
    static final String COOKIES = """
            cookies:
              revision: 2
              mode: opt-in
              modeByCountry: { US: opt-out }
              saleOrSharing: [advertising]
              policyUrl: /cookie-policy
              categories:
                - { id: necessary, label: Necessary, description: Makes the site work., required: true }
                - { id: analytics, label: { en: Analytics, de: Analyse } }
                - { id: advertising, label: Advertising, description: Ads. }
            """;
    private static final Chrome CHROME = Fixtures.chrome(SITE + COOKIES);

    private static Document render(Chrome chrome, ChromeRequest request) {
        return Fixtures.html(chrome.render(Component.COOKIE_BANNER, request));
    }

    private static Document render(ChromeRequest request) {
        return render(CHROME, request);
    }

    private static ConsentState choice(int revision, String... accepted) {
        return new ConsentState(Set.of(accepted), revision, Instant.parse("2024-06-01T00:00:00Z"), "AAAAAAAAAAAAAAAAAAAAAA");
    }

    private static Element checkbox(Document page, String id) {
        Element box = page.selectFirst("input[type=checkbox]#chrome-consent-" + id);
        assertNotNull(box, id);
        return box;
    }

    @Test
    void withoutAChoiceTheFirstLayerOffersThreeButtons() {
        Document page = render(ChromeRequest.builder().path("/legal").build());
        Element layer = page.selectFirst("section.chrome-cookies__layer");
        assertNotNull(layer);
        Element title = page.getElementById(layer.attr("aria-labelledby"));
        assertEquals("Cookies on this site", title.text());
        assertEquals("/cookie-policy", layer.selectFirst("p.chrome-cookies__body a").attr("href"));
        assertEquals("Cookie policy", layer.selectFirst("p.chrome-cookies__body a").text());
        Element form = layer.selectFirst("form");
        assertEquals("post", form.attr("method"));
        assertEquals("/chrome/consent", form.attr("action"));
        assertEquals("/legal", form.selectFirst("input[type=hidden][name=return]").attr("value"));
        Elements buttons = form.select("button");
        assertEquals(3, buttons.size());
        assertEquals(List.of("accept-all", "reject-all", "customize"), buttons.eachAttr("value"));
        assertEquals(List.of("choice", "choice", "choice"), buttons.eachAttr("name"));
        assertEquals(List.of("Accept all", "Reject all", "Customize"), buttons.eachText());
        assertEquals(List.of("submit", "submit", "submit"), buttons.eachAttr("type"), "the banner works without JavaScript");
        assertTrue(page.selectFirst(".chrome-cookies__confirmation").hasAttr("hidden"), "the confirmation waits, hidden, for a choice");
    }

    @Test
    void aRecordedChoiceHidesTheFirstLayerButNotThePreferences() {
        Document page = render(ChromeRequest.builder().consent(choice(2, "necessary")).build());
        assertNull(page.selectFirst("section.chrome-cookies__layer"));
        assertNotNull(page.getElementById("chrome-cookie-preferences"));
        Document outdated = render(ChromeRequest.builder().consent(choice(1, "necessary")).build());
        assertNotNull(outdated.selectFirst("section.chrome-cookies__layer"), "a choice under an older revision asks again");
    }

    @Test
    void thePreferencesListEveryCategoryWithRequiredOnesLocked() {
        Document page = render(ChromeRequest.builder().country("DE").build());
        Element preferences = page.getElementById("chrome-cookie-preferences");
        assertEquals("Cookie preferences", page.getElementById(preferences.attr("aria-labelledby")).text());
        assertEquals(List.of("necessary", "analytics", "advertising"), preferences.select("input[type=checkbox]").eachAttr("value"));
        Element necessary = checkbox(page, "necessary");
        assertTrue(necessary.hasAttr("checked"));
        assertTrue(necessary.hasAttr("disabled"));
        assertEquals("Necessary (Always on)", page.selectFirst("label[for=chrome-consent-necessary]").text());
        for (String optional : List.of("analytics", "advertising")) {
            Element box = checkbox(page, optional);
            assertFalse(box.hasAttr("checked"), optional + " is off in opt-in mode until accepted");
            assertFalse(box.hasAttr("disabled"), optional);
            assertEquals("category", box.attr("name"));
            assertNotNull(page.selectFirst("label[for=chrome-consent-" + optional + "]"));
        }
        for (Element box : preferences.select("input[aria-describedby]")) {
            assertNotNull(page.getElementById(box.attr("aria-describedby")), box.outerHtml());
        }
        assertFalse(checkbox(page, "analytics").hasAttr("aria-describedby"), "no description, no reference");
        Element form = preferences.selectFirst("form");
        assertEquals("/chrome/consent", form.attr("action"));
        Elements buttons = form.select(".chrome-preferences__actions button");
        assertEquals(List.of("accept-all", "reject-all", "custom"), buttons.eachAttr("value"));
        assertEquals(List.of("choice", "choice", "choice"), buttons.eachAttr("name"));
        assertEquals(List.of("submit", "submit", "submit"), buttons.eachAttr("type"), "each posts the form without JavaScript");
        assertEquals(List.of("Accept all", "Reject all", "Save preferences"), buttons.eachText());
        assertEquals(Set.of("chrome-button"), Set.copyOf(buttons.eachAttr("class")), "three buttons of equal weight");
        Element close = preferences.selectFirst("button[data-chrome-close-preferences]");
        assertEquals("Close", close.text());
        assertEquals("button", close.attr("type"));
        assertTrue(close.hasAttr("hidden"), "Close only means something in the script's dialog");
    }

    @Test
    void checkboxesReflectTheRecordedChoice() {
        Document page = render(ChromeRequest.builder().country("DE").consent(choice(2, "necessary", "analytics")).build());
        assertTrue(checkbox(page, "analytics").hasAttr("checked"));
        assertFalse(checkbox(page, "advertising").hasAttr("checked"));
        Document other = render(ChromeRequest.builder().country("DE").consent(choice(2, "necessary", "advertising")).build());
        assertFalse(checkbox(other, "analytics").hasAttr("checked"));
        assertTrue(checkbox(other, "advertising").hasAttr("checked"));
    }

    @Test
    void optOutCountriesStartWithOptionalCategoriesOnExceptSaleOrSharingUnderGpc() {
        Document page = render(ChromeRequest.builder().country("US").build());
        assertTrue(checkbox(page, "analytics").hasAttr("checked"));
        assertTrue(checkbox(page, "advertising").hasAttr("checked"));
        Document gpc = render(ChromeRequest.builder().country("US").gpc(true).build());
        assertTrue(checkbox(gpc, "analytics").hasAttr("checked"));
        assertFalse(checkbox(gpc, "advertising").hasAttr("checked"));
    }

    @Test
    void aConfirmationFollowsASavedChoice() {
        Document page = render(ChromeRequest.builder().consent(choice(2, "necessary")).consentSaved(true).build());
        Element confirmation = page.selectFirst(".chrome-cookies__confirmation");
        assertNotNull(confirmation);
        assertFalse(confirmation.hasAttr("hidden"));
        assertEquals("status", confirmation.attr("role"));
        assertEquals("You rejected all optional cookies.", confirmation.selectFirst("p").text());
        Element hide = confirmation.selectFirst("button[data-chrome-hide-confirmation]");
        assertEquals("Hide this message", hide.text());
        assertEquals("button", hide.attr("type"));
        assertTrue(render(ChromeRequest.builder().consent(choice(2, "necessary")).build())
                .selectFirst(".chrome-cookies__confirmation").hasAttr("hidden"), "only right after the choice");
    }

    @Test
    void configuredTextsOverrideTheBuiltInOnes() {
        Chrome chrome = Fixtures.chrome(SITE + COOKIES + """
                  text:
                    title: { en: We bake cookies, de: Wir backen Kekse }
                    body: Crumbs everywhere.
                    acceptAll: Yum
                    rejectAll: No thanks
                    customize: Let me pick
                    save: Keep these
                """);
        Document page = render(chrome, ChromeRequest.anonymous());
        assertEquals("We bake cookies", page.selectFirst(".chrome-cookies__title").text());
        assertEquals("Crumbs everywhere. Cookie policy", page.selectFirst(".chrome-cookies__body").text());
        assertEquals(List.of("Yum", "No thanks", "Let me pick"), page.select(".chrome-cookies__actions button").eachText());
        assertEquals(List.of("Yum", "No thanks", "Keep these"), page.select(".chrome-preferences__actions button").eachText());
        assertEquals("Wir backen Kekse", render(chrome, ChromeRequest.builder().locale("de").build()).selectFirst(".chrome-cookies__title").text());
    }

    @Test
    void builtInTextsCanBeOverriddenUnderStrings() {
        Chrome chrome = Fixtures.chrome(SITE + COOKIES + """
                strings:
                  cookies.acceptAll: { en: OK, de: Einverstanden }
                  cookies.savedNone: Saved.
                  cookies.preferences: Your choices
                """);
        assertEquals("OK", render(chrome, ChromeRequest.anonymous()).selectFirst("button[value=accept-all]").text());
        assertEquals("Einverstanden", render(chrome, ChromeRequest.builder().locale("de").build()).selectFirst("button[value=accept-all]").text());
        assertEquals("Your choices", render(chrome, ChromeRequest.anonymous()).selectFirst(".chrome-preferences__title").text());
        Document saved = render(chrome, ChromeRequest.builder().consent(choice(2, "necessary")).consentSaved(true).build());
        assertEquals("Saved.", saved.selectFirst(".chrome-cookies__confirmation p").text());
    }

    @Test
    void builtInTextsFollowTheVisitorsLanguage() {
        Document page = render(ChromeRequest.builder().locale("de").build());
        assertEquals("de", page.selectFirst(".chrome-cookies").attr("lang"));
        assertEquals("Cookies auf dieser Website", page.selectFirst(".chrome-cookies__title").text());
        assertEquals("Alle akzeptieren", page.selectFirst("button[value=accept-all]").text());
        assertEquals("Analyse", page.selectFirst("label[for=chrome-consent-analytics]").text());
    }

    @Test
    void endpointsFollowTheRequest() {
        Document page = render(ChromeRequest.builder().endpoints("/app/chrome/").build());
        assertEquals("/app/chrome/consent", page.selectFirst(".chrome-cookies").attr("data-chrome-cookies"));
        assertEquals(List.of("/app/chrome/consent", "/app/chrome/consent"), page.select("form").eachAttr("action"));
    }

    @Test
    void withoutCookieSettingsThereIsNoBanner() {
        assertEquals("", Fixtures.chrome(SITE).render(Component.COOKIE_BANNER, ChromeRequest.anonymous()));
    }

    static final String SERVICES = """
            cookies:
              revision: 2
              categories:
                - { id: necessary, label: Necessary, required: true }
                - id: analytics
                  label: { en: Analytics, de: Analyse }
                  services:
                    - id: clarity
                      label: { en: Microsoft Clarity, de: Microsoft Clarity (Besucheranalyse) }
                      cookies: [ { name: _clck }, { name: _clsk } ]
                - { id: social, label: { en: Social media, de: Soziale Medien } }
                - id: advertising
                  label: { en: Advertising, de: Werbung }
                  services:
                    - id: uet
                      label: Microsoft Advertising
                      cookies: [ { pattern: "^_uet", label: "_uet*" }, { pattern: "^MUID$" } ]
                    - { id: in-house }
            """;

    @Test
    void theConfirmationSaysWhatWasChosen() {
        Chrome chrome = Fixtures.chrome(SITE + SERVICES);
        java.util.function.BiFunction<String, ConsentState, String> saved = (locale, state) -> render(chrome,
                ChromeRequest.builder().locale(locale).consent(state).consentSaved(true).build()).selectFirst(".chrome-cookies__confirmation p").text();
        assertEquals("You accepted all cookies.", saved.apply("en", choice(2, "necessary", "analytics", "social", "advertising")));
        assertEquals("You rejected all optional cookies.", saved.apply("en", choice(2, "necessary")));
        assertEquals("Your choices have been saved. Optional cookies allowed: Analytics.", saved.apply("en", choice(2, "necessary", "analytics")));
        assertEquals("Your choices have been saved. Optional cookies allowed: Analytics and Advertising.",
                saved.apply("en", choice(2, "necessary", "analytics", "advertising")));
        assertEquals("Ihre Auswahl wurde gespeichert. Erlaubte optionale Cookies: Analyse und Werbung.",
                saved.apply("de", choice(2, "necessary", "analytics", "advertising")));
        assertEquals("Sie haben alle optionalen Cookies abgelehnt.", saved.apply("de", choice(2, "necessary")));
        assertEquals("Your choices have been saved. Optional cookies allowed: Analytics.",
                chrome.forRequest(ChromeRequest.builder().consent(choice(2, "analytics")).build()).consentConfirmation(),
                "the JSON answer of the consent endpoint words it the same");
    }

    @Test
    void eachCategoryListsItsServicesAndTheirCookiesInADisclosure() {
        Chrome chrome = Fixtures.chrome(SITE + SERVICES);
        Document page = render(chrome, ChromeRequest.anonymous());
        Element analytics = checkbox(page, "analytics").parent();
        Element details = analytics.selectFirst("details.chrome-preferences__services");
        assertNotNull(details);
        assertFalse(details.hasAttr("open"), "closed until the visitor opens it");
        assertEquals("Services and cookies", details.selectFirst("summary").text());
        assertEquals(List.of("Microsoft Clarity Cookies: _clck _clsk"), details.select("li").eachText());
        assertEquals(List.of("_clck", "_clsk"), details.select("code").eachText());
        Element advertising = checkbox(page, "advertising").parent();
        assertEquals(List.of("Microsoft Advertising Cookies: _uet* ^MUID$", "in-house"),
                advertising.select("details li").eachText(), "a pattern shows its label, else itself; a service without cookies just its name");
        assertNull(checkbox(page, "social").parent().selectFirst("details"), "no services, no disclosure");
        assertNull(checkbox(page, "necessary").parent().selectFirst("details"));

        Document german = render(chrome, ChromeRequest.builder().locale("de").build());
        Element germanDetails = checkbox(german, "analytics").parent().selectFirst("details");
        assertEquals("Dienste und Cookies", germanDetails.selectFirst("summary").text());
        assertEquals(List.of("Microsoft Clarity (Besucheranalyse) Cookies: _clck _clsk"), germanDetails.select("li").eachText(),
                "the service's name as the configuration translates it");
    }

    @Test
    void thePageScriptLearnsTheConsentFromTheServer() {
        assertEquals("{\"categories\":[\"necessary\"],\"revision\":null,\"gpc\":false}",
                render(ChromeRequest.builder().country("DE").build()).selectFirst(".chrome-cookies").attr("data-chrome-consent"));
        assertEquals("{\"categories\":[\"necessary\",\"analytics\"],\"revision\":null,\"gpc\":true}",
                render(ChromeRequest.builder().country("US").gpc(true).build()).selectFirst(".chrome-cookies").attr("data-chrome-consent"),
                "opt-out, with GPC switching off the sale-or-sharing category");
        assertEquals("{\"categories\":[\"necessary\",\"advertising\"],\"revision\":2,\"gpc\":true}",
                render(ChromeRequest.builder().country("US").gpc(true).consent(choice(2, "necessary", "advertising")).build())
                        .selectFirst(".chrome-cookies").attr("data-chrome-consent"),
                "a choice on record: its revision, and what it allows (as ChromeContext.allows() answers)");
    }
}
