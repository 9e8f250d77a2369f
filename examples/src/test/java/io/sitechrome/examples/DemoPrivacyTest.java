package io.sitechrome.examples;

import static io.sitechrome.examples.Html.one;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.HttpCookie;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The demo's cookie controls: skype.yaml asks for opt-in consent everywhere except the
 * US (opt-out), where Global Privacy Control switches off advertising, the one
 * sale-or-sharing category. The analytics script is gated by consent.
 */
class DemoPrivacyTest {

    private static final String ANALYTICS = "/demo/analytics.js";
    private static final Set<String> ALL = Set.of("necessary", "analytics", "social-media", "advertising");

    @TempDir
    static Path folder;
    static RunningDemo demo;

    @BeforeAll
    static void start() throws Exception {
        demo = RunningDemo.start(folder);
    }

    @AfterAll
    static void stop() throws Exception {
        demo.close();
    }

    @Test
    void gpcInTheUsIsHonoredAndSwitchesAdvertisingOff() throws Exception {
        Document page = demo.browser().page("/", "CF-IPCountry", "US", "Sec-GPC", "1");
        assertEquals("Opt-out preference signal honored", one(page, "footer .chrome-footer__gpc").text());
        assertEquals(Map.of("necessary", true, "analytics", true, "social-media", true, "advertising", false), switches(page));
    }

    @Test
    void withoutGpcTheUsIsOptOut() throws Exception {
        Document page = demo.browser().page("/", "CF-IPCountry", "US");
        assertTrue(page.select(".chrome-footer__gpc").isEmpty());
        assertEquals(Map.of("necessary", true, "analytics", true, "social-media", true, "advertising", true), switches(page));
        assertTrue(live(page), "opt-out: analytics runs until the visitor says no");
    }

    @ParameterizedTest
    @CsvSource({"DE", "de", "FR", "''"})
    void elsewhereOptionalCategoriesStartOff(String country) throws Exception {
        Document page = country.isEmpty() ? demo.browser().page("/") : demo.browser().page("/", "CF-IPCountry", country);
        assertEquals(Map.of("necessary", true, "analytics", false, "social-media", false, "advertising", false), switches(page));
        assertTrue(one(page, "#chrome-consent-necessary").hasAttr("disabled"), "required cannot be switched off");
        assertTrue(page.select(".chrome-footer__gpc").isEmpty());
        assertFalse(live(page));
    }

    @Test
    void acceptAllRecordsConsentOnceAndLetsTheAnalyticsScriptRun() throws Exception {
        Browser browser = demo.browser();
        Document first = browser.page("/", "CF-IPCountry", "DE");
        one(first, ".chrome-cookies__layer");
        assertTrue(first.select(".chrome-cookies__confirmation:not([hidden])").isEmpty());
        Element inert = one(first, "script[data-chrome-category=analytics]");
        assertEquals("text/plain", inert.attr("type"));
        assertEquals(ANALYTICS, inert.attr("data-src"));
        assertFalse(inert.hasAttr("src"), "an inert script has no src");
        assertFalse(live(first));

        int linesBefore = demo.auditLines().size();
        Element form = one(first, "form.chrome-cookies__actions");
        Browser.Response accept = browser.submit(form, one(form, "button[value=accept-all]"), "CF-IPCountry", "DE", "Sec-Fetch-Site", "same-origin");
        assertEquals(303, accept.status());
        assertEquals("/", accept.header("Location").orElseThrow());

        HttpCookie consent = browser.cookie("chrome_consent").orElseThrow();
        assertTrue(consent.isHttpOnly());
        assertEquals("/", consent.getPath());
        assertTrue(consent.getMaxAge() > 180L * 24 * 3600, "kept for the configured 182 days: " + consent.getMaxAge());
        String consentId = consent.getValue().split("\\.")[3];

        List<String> lines = demo.auditLines();
        assertEquals(linesBefore + 1, lines.size(), "exactly one audit line: " + lines);
        String line = lines.get(lines.size() - 1);
        assertTrue(line.contains(" id=" + consentId + " "), line);
        assertEquals(ALL, accepted(line), line);
        assertTrue(line.contains(" revision=1 ") && line.endsWith(" gpc=false"), line);

        Document next = browser.page("/", "CF-IPCountry", "DE");
        assertTrue(next.select(".chrome-cookies__layer").isEmpty(), "no first layer once a choice is on record");
        assertEquals("You accepted all cookies.", one(next, ".chrome-cookies__confirmation p").text(), "the confirmation says what was chosen");
        assertTrue(live(next), "the analytics script runs");
        assertTrue(next.select("script[type=text/plain]").isEmpty());
        assertEquals(Map.of("necessary", true, "analytics", true, "social-media", true, "advertising", true), switches(next));

        Document later = browser.page("/", "CF-IPCountry", "DE");
        assertTrue(later.select(".chrome-cookies__confirmation:not([hidden])").isEmpty(), "the confirmation shows once");
        assertTrue(later.select(".chrome-cookies__layer").isEmpty());
        assertTrue(live(later));
        assertEquals(linesBefore + 1, demo.auditLines().size(), "reading pages records nothing");

        Browser.Response script = browser.get(ANALYTICS);
        assertEquals(200, script.status());
        assertTrue(script.header("Content-Type").orElse("").startsWith("text/javascript"));
    }

    @Test
    void customPreferencesRecordExactlyTheChosenCategories() throws Exception {
        Browser browser = demo.browser();
        Document first = browser.page("/");
        Element form = one(first, ".chrome-preferences form");
        one(form, "#chrome-consent-analytics").attr("checked", true);
        int linesBefore = demo.auditLines().size();
        Browser.Response save = browser.submit(form, one(form, "button[value=custom]"), "Sec-Fetch-Site", "same-origin", "Sec-GPC", "1");
        assertEquals(303, save.status());

        List<String> lines = demo.auditLines();
        assertEquals(linesBefore + 1, lines.size());
        assertEquals(Set.of("necessary", "analytics"), accepted(lines.get(lines.size() - 1)));
        assertTrue(lines.get(lines.size() - 1).endsWith(" gpc=true"));

        Document next = browser.page("/", "Sec-GPC", "1");
        assertEquals(Map.of("necessary", true, "analytics", true, "social-media", false, "advertising", false), switches(next));
        assertTrue(live(next));
        assertTrue(next.select(".chrome-footer__gpc").isEmpty(), "an explicit choice, not GPC, is what counts now");
    }

    @Test
    void rejectAllKeepsTheScriptInert() throws Exception {
        Browser browser = demo.browser();
        Element form = one(browser.page("/", "CF-IPCountry", "US"), "form.chrome-cookies__actions");
        int linesBefore = demo.auditLines().size();
        assertEquals(303, browser.submit(form, one(form, "button[value=reject-all]"), "CF-IPCountry", "US").status());
        List<String> lines = demo.auditLines();
        assertEquals(linesBefore + 1, lines.size());
        assertEquals(Set.of("necessary"), accepted(lines.get(lines.size() - 1)));

        Document next = browser.page("/", "CF-IPCountry", "US");
        assertFalse(live(next), "the recorded choice beats the US opt-out default");
        assertEquals(Map.of("necessary", true, "analytics", false, "social-media", false, "advertising", false), switches(next));
    }

    @Test
    void crossSiteRequestsCannotRecordConsent() throws Exception {
        Browser browser = demo.browser();
        Element form = one(browser.page("/"), "form.chrome-cookies__actions");
        Element accept = one(form, "button[value=accept-all]");
        int linesBefore = demo.auditLines().size();
        assertEquals(403, browser.submit(form, accept, "Origin", "http://evil.example").status());
        assertEquals(403, browser.submit(form, accept, "Sec-Fetch-Site", "cross-site").status());
        assertEquals(403, browser.submit(form, accept, "Origin", "null").status());
        assertEquals(linesBefore, demo.auditLines().size(), "nothing recorded");
        assertTrue(browser.cookie("chrome_consent").isEmpty());
        assertFalse(live(browser.page("/")));

        Browser.Response sameOrigin = browser.submit(form, accept, "Origin", demo.base().toString().replaceAll("/$", ""));
        assertEquals(303, sameOrigin.status(), "the demo's own origin may");
        assertEquals(linesBefore + 1, demo.auditLines().size());
    }

    @Test
    void gpcJsonAnswers() throws Exception {
        Browser.Response response = demo.browser().get("/.well-known/gpc.json");
        assertEquals(200, response.status());
        assertTrue(response.header("Content-Type").orElse("").startsWith("application/json"));
        JsonNode json = new ObjectMapper().readTree(response.body());
        assertTrue(json.get("gpc").asBoolean());
        assertEquals(1, json.size(), "no instance start date: every instance answers the same " + json);
    }

    /** Whether the analytics script is live: a real script element with its src, not an inert text/plain one. */
    private static boolean live(Document page) {
        Elements scripts = page.select("script[data-chrome-category=analytics]");
        assertEquals(1, scripts.size(), "one analytics script element");
        Element script = scripts.first();
        if (script.attr("type").equals("text/plain")) {
            assertFalse(script.hasAttr("src"), "an inert script has no src");
            return false;
        }
        assertTrue(script.attr("type").isEmpty(), "a live script is JavaScript: " + script);
        assertEquals(ANALYTICS, script.attr("src"));
        return true;
    }

    /** The preferences form's switches: category id to checked. */
    private static Map<String, Boolean> switches(Document page) {
        return one(page, ".chrome-preferences form").select("input[name=category]").stream()
                .collect(Collectors.toMap(Element::val, input -> input.hasAttr("checked")));
    }

    private static Set<String> accepted(String auditLine) {
        for (String field : auditLine.split(" ")) {
            if (field.startsWith("accepted=")) return Set.of(field.substring("accepted=".length()).split(","));
        }
        throw new AssertionError("no accepted= in " + auditLine);
    }
}
