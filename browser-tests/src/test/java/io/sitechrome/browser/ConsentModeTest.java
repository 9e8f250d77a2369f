package io.sitechrome.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Google Consent Mode v2 in the demo (its skype.yaml maps analytics to analytics_storage and
 * advertising to the three ad types): the default in {@code dataLayer} before any gated script
 * runs, the update after a choice, and the {@code site-chrome:consent} event, in the order a
 * tag manager sees them. The demo's gated analytics stand-in pushes {@code {event: 'demo-analytics'}}.
 */
class ConsentModeTest {

    static final String DENIED = "{\"analytics_storage\":\"denied\",\"ad_storage\":\"denied\",\"ad_user_data\":\"denied\","
            + "\"ad_personalization\":\"denied\"";
    static final String GRANTED = "{\"analytics_storage\":\"granted\",\"ad_storage\":\"granted\",\"ad_user_data\":\"granted\","
            + "\"ad_personalization\":\"granted\"";
    static final String ANALYTICS_ONLY = "{\"analytics_storage\":\"granted\",\"ad_storage\":\"denied\",\"ad_user_data\":\"denied\","
            + "\"ad_personalization\":\"denied\"";
    static final String MARKER = "{\"event\":\"demo-analytics\"}";

    /** Runs in every document before its own scripts: records the consent events from the very start. */
    private static final String RECORDER = """
            window.__events = [];
            document.addEventListener('site-chrome:consent', (e) => window.__events.push(JSON.stringify(e.detail)));
            """;

    static Browser browser;
    private String recorder;

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
        recorder = (String) browser.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORDER))
                .get("identifier");
    }

    @AfterEach
    void forget() {
        browser.driver.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", recorder));
        browser.driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of()));
    }

    /** dataLayer as JSON: gtag commands (Arguments objects, as gtag.js and GTM want them) as ["gtag", ...]. */
    @SuppressWarnings("unchecked")
    private static List<String> dataLayer() {
        return new ArrayList<>((List<String>) browser.js("""
                return (window.dataLayer || []).map((entry) => JSON.stringify(
                  Object.prototype.toString.call(entry) === '[object Arguments]' ? ['gtag'].concat(Array.from(entry)) : entry));
                """));
    }

    @SuppressWarnings("unchecked")
    private static List<String> events() {
        return new ArrayList<>((List<String>) browser.js("return window.__events;"));
    }

    private static String gtag(String command, String states) {
        return "[\"gtag\",\"consent\",\"" + command + "\"," + states + "]";
    }

    private static void waitForMarker() {
        new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d -> dataLayer().contains(MARKER));
    }

    @Test
    void theDefaultIsDeniedBeforeAChoiceAndAcceptAllPushesAGrantedUpdateBeforeTheGatedTagRuns() {
        browser.open("/");
        assertEquals(List.of(gtag("default", DENIED + ",\"wait_for_update\":500}")), dataLayer(),
                "only the default, all denied, and the gated analytics script has not run");
        assertEquals(List.of(), events(), "no choice on record, no event on load");

        browser.css("button[value=accept-all]").click();
        waitForMarker();
        assertEquals(List.of(gtag("default", DENIED + ",\"wait_for_update\":500}"), gtag("update", GRANTED + "}"), MARKER), dataLayer(),
                "default, then the update after the choice, then the tag the choice let run");
        assertEquals(List.of("{\"categories\":[\"necessary\",\"analytics\",\"social-media\",\"advertising\"],\"revision\":1,\"gpc\":false}"),
                events());
    }

    @Test
    void aRecordedChoiceSetsTheDefaultOnTheServerAndIsAnnouncedOnLoad() {
        browser.open("/");
        browser.css("[data-chrome-open-preferences]").click();
        browser.css("#chrome-consent-analytics").click();
        browser.css("dialog button[value=custom]").click();
        waitForMarker();
        assertEquals(gtag("update", ANALYTICS_ONLY + "}"), dataLayer().get(1));

        browser.open("/");
        List<String> layer = dataLayer();
        assertEquals(gtag("default", ANALYTICS_ONLY + ",\"wait_for_update\":500}"), layer.get(0),
                "the next page's default comes from the recorded choice, before anything else");
        assertTrue(layer.indexOf(MARKER) > 0, "the live analytics tag ran after the default: " + layer);
        assertEquals(gtag("update", ANALYTICS_ONLY + "}"), layer.get(layer.size() - 1), "and the on-load event's update follows: " + layer);
        assertEquals(List.of("{\"categories\":[\"necessary\",\"analytics\"],\"revision\":1,\"gpc\":false}"), events(),
                "announced once on load");
    }

    @Test
    void rejectAllPushesADeniedUpdateAndNoGatedTagRuns() {
        browser.open("/");
        browser.css("button[value=reject-all]").click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d -> events().size() == 1);
        assertEquals(List.of(gtag("default", DENIED + ",\"wait_for_update\":500}"), gtag("update", DENIED + "}")), dataLayer());
    }

    @Test
    void globalPrivacyControlDeniesTheSaleOrSharingTypesWhereTheSiteIsOptOut() {
        browser.driver.executeCdpCommand("Network.enable", Map.of());
        browser.driver.executeCdpCommand("Network.setExtraHTTPHeaders",
                Map.of("headers", Map.of("Sec-GPC", "1", "CF-IPCountry", "US")));
        browser.open("/");
        List<String> layer = dataLayer();
        assertEquals(gtag("default", ANALYTICS_ONLY + ",\"wait_for_update\":500}"), layer.get(0),
                "US is opt-out: analytics granted, advertising (sale or sharing) denied by Sec-GPC");
        assertEquals("{\"categories\":[\"necessary\",\"analytics\",\"social-media\"],\"revision\":null,\"gpc\":true}",
                browser.js("return JSON.stringify(window.siteChrome.consent());"));
    }
}
