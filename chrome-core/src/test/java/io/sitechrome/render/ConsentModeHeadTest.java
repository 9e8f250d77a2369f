package io.sitechrome.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitechrome.Fixtures;
import io.sitechrome.consent.ConsentState;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

/** Google Consent Mode v2: the head script that sets the defaults, from the same consent the server serves. */
class ConsentModeHeadTest {

    static final String CONSENT_MODE = """
              googleConsentMode:
                analytics: [analytics_storage]
                advertising: [ad_storage, ad_user_data, ad_personalization]
            """;
    private static final Chrome CHROME = Fixtures.chrome(CookieBannerTest.SITE + CookieBannerTest.COOKIES + CONSENT_MODE);

    private static Elements head(Chrome chrome, ChromeRequest request) {
        return Fixtures.html(chrome.render(Component.HEAD, request)).select("script, link");
    }

    private static Element consentModeScript(ChromeRequest request) {
        Elements head = head(CHROME, request);
        assertEquals(List.of("script", "link"), head.stream().map(Element::tagName).toList(),
                "the Consent Mode script comes first, before anything else the head holds");
        return head.first();
    }

    private static ConsentState choice(String... accepted) {
        return new ConsentState(Set.of(accepted), 2, Instant.parse("2024-06-01T00:00:00Z"), "AAAAAAAAAAAAAAAAAAAAAA");
    }

    @Test
    void withoutConsentModeTheHeadHoldsOnlyTheStylesheet() {
        assertEquals(List.of("link"), head(Fixtures.chrome(CookieBannerTest.SITE + CookieBannerTest.COOKIES),
                ChromeRequest.builder().nonce("abcdefgh12345678").build()).stream().map(Element::tagName).toList());
    }

    @Test
    void theScriptIsAnExternalHashedAssetThatRunsAtOnce() {
        Element script = consentModeScript(ChromeRequest.anonymous());
        assertEquals("/chrome/assets/" + CHROME.asset(script.attr("src").substring("/chrome/assets/".length())).name(), script.attr("src"));
        assertTrue(script.attr("src").matches("/chrome/assets/consent-mode\\.[0-9a-f]{12}\\.js"), script.attr("src"));
        assertFalse(script.hasAttr("defer") || script.hasAttr("async"), "it must run before the page's own tags, in order");
        assertTrue(script.html().isEmpty(), "no inline script");
        assertEquals("{\"analytics\":[\"analytics_storage\"],\"advertising\":[\"ad_storage\",\"ad_user_data\",\"ad_personalization\"]}",
                script.attr("data-chrome-consent-mode"));
        Asset asset = CHROME.asset(script.attr("src").substring("/chrome/assets/".length()));
        assertNotNull(asset);
        assertTrue(asset.contentType().startsWith("text/javascript"));
        String source = new String(asset.bytes(), StandardCharsets.UTF_8);
        assertTrue(source.contains("'consent', 'default'") && source.contains("wait_for_update") && source.contains("site-chrome:consent"), source);
        assertEquals("/app/chrome/assets/" + asset.name(),
                consentModeScript(ChromeRequest.builder().endpoints("/app/chrome/").build()).attr("src"));
    }

    @Test
    void theScriptCarriesTheCspNonceOfTheRequest() {
        assertEquals("n0nce-ABCDEFGH1234", consentModeScript(ChromeRequest.builder().nonce("n0nce-ABCDEFGH1234").build()).attr("nonce"));
        assertFalse(consentModeScript(ChromeRequest.anonymous()).hasAttr("nonce"));
    }

    @Test
    void theDefaultsFollowWhatTheServerAllows() {
        assertEquals("necessary", consentModeScript(ChromeRequest.builder().country("DE").build()).attr("data-chrome-allowed"),
                "opt-in: everything optional denied before a choice");
        assertEquals("necessary analytics", consentModeScript(ChromeRequest.builder().country("DE").consent(choice("analytics")).build())
                .attr("data-chrome-allowed"), "a recorded choice sets the defaults of later page views");
        assertEquals("necessary analytics advertising", consentModeScript(ChromeRequest.builder().country("US").build())
                .attr("data-chrome-allowed"), "opt-out country without a choice");
        assertEquals("necessary analytics", consentModeScript(ChromeRequest.builder().country("US").gpc(true).build())
                .attr("data-chrome-allowed"), "Sec-GPC denies the sale-or-sharing category's types");
    }

    @Test
    void theAssetsToExportIncludeTheScriptOnlyWhenConsentModeIsUsed() {
        Element script = consentModeScript(ChromeRequest.anonymous());
        Asset consentMode = CHROME.asset(script.attr("src").substring("/chrome/assets/".length()));
        assertEquals(List.of(CHROME.stylesheet(), CHROME.script(), consentMode), CHROME.assets());
        Chrome without = Fixtures.chrome(CookieBannerTest.SITE + CookieBannerTest.COOKIES);
        assertEquals(List.of(without.stylesheet(), without.script()), without.assets());
    }
}
