package io.sitechrome.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitechrome.Fixtures;
import io.sitechrome.consent.ConsentState;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScriptsTest {

    static final String CONFIG = """
            site:
              name: Demo
              url: https://www.example.com/
              locales: [ { tag: en, name: English }, { tag: de, name: Deutsch } ]
            brand:
              name: { text: Demo }
            cookies:
              mode: opt-in
              categories:
                - { id: necessary, label: Necessary, required: true }
                - { id: analytics, label: Analytics }
                - { id: advertising, label: Advertising }
              scripts:
                - { category: analytics, src: "https://cdn.example.com/analytics.js?lang={locale}" }
                - { category: advertising, src: /ads.js }
                - { category: necessary, src: /essential.js }
            """;
    private static final Chrome CHROME = Fixtures.chrome(CONFIG);
    private static final String NONCE = "r4nd0mN0nce+/=";

    private static Elements scripts(Chrome chrome, ChromeRequest request) {
        return Fixtures.html(chrome.render(Component.SCRIPTS, request)).select("script");
    }

    private static ConsentState accepted(String... categories) {
        return new ConsentState(Set.of(categories), 1, Instant.parse("2024-06-01T00:00:00Z"), "AAAAAAAAAAAAAAAAAAAAAA");
    }

    @Test
    void theChromeScriptIsLoadedByItsHashedName() throws Exception {
        Element script = scripts(CHROME, ChromeRequest.builder().endpoints("/app/chrome/").build()).first();
        Asset js = CHROME.script();
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(js.bytes())).substring(0, 12);
        assertEquals("chrome." + hash + ".js", js.name());
        assertEquals("/app/chrome/assets/" + js.name(), script.attr("src"));
        assertTrue(script.hasAttr("defer"));
        assertEquals("/app/chrome/", script.attr("data-chrome-endpoints"));
        assertTrue(js.contentType().startsWith("text/javascript"));
        assertSame(js, CHROME.asset(js.name()));
    }

    @Test
    void aValidNonceGoesOnEveryLiveScript() {
        Elements scripts = scripts(CHROME, ChromeRequest.builder().nonce(NONCE).consent(accepted("necessary", "analytics")).build());
        for (Element script : scripts) {
            if (script.hasAttr("src")) assertEquals(NONCE, script.attr("nonce"), script.outerHtml());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"short", "has spaces in it", "\"><script>alert(1)</script>", "ünïcödé-nonce", "semi;colon;nonce", ""})
    void anInvalidNonceIsLeftOut(String nonce) {
        for (Element script : scripts(CHROME, ChromeRequest.builder().nonce(nonce).consent(accepted("necessary", "analytics")).build())) {
            assertFalse(script.hasAttr("nonce"), script.outerHtml());
        }
        String tooLong = "a".repeat(201);
        for (Element script : scripts(CHROME, ChromeRequest.builder().nonce(tooLong).build())) assertFalse(script.hasAttr("nonce"));
    }

    @Test
    void gatedScriptsStayInertUntilTheirCategoryIsAllowed() {
        Elements scripts = scripts(CHROME, ChromeRequest.builder().nonce(NONCE).build());
        Element analytics = scripts.select("[data-chrome-category=analytics]").first();
        assertNotNull(analytics);
        assertEquals("text/plain", analytics.attr("type"));
        assertFalse(analytics.hasAttr("src"), "an inert script must not load");
        assertEquals("https://cdn.example.com/analytics.js?lang=en", analytics.attr("data-src"));
        Element advertising = scripts.select("[data-chrome-category=advertising]").first();
        assertEquals("text/plain", advertising.attr("type"));
        assertEquals("/ads.js", advertising.attr("data-src"));
        Element essential = scripts.select("[data-chrome-category=necessary]").first();
        assertEquals("/essential.js", essential.attr("src"), "required categories are always allowed");
        assertFalse(essential.hasAttr("type"));
    }

    @Test
    void anAllowedCategoryMakesItsScriptLive() {
        Elements scripts = scripts(CHROME, ChromeRequest.builder().locale("de").nonce(NONCE).consent(accepted("necessary", "analytics")).build());
        Element analytics = scripts.select("[data-chrome-category=analytics]").first();
        assertEquals("https://cdn.example.com/analytics.js?lang=de", analytics.attr("src"));
        assertFalse(analytics.hasAttr("type"));
        assertFalse(analytics.hasAttr("data-src"));
        assertTrue(analytics.hasAttr("defer"));
        assertEquals(NONCE, analytics.attr("nonce"));
        Element advertising = scripts.select("[data-chrome-category=advertising]").first();
        assertEquals("text/plain", advertising.attr("type"), "only what was accepted runs");
    }

    @Test
    void withoutCookieSettingsOnlyTheChromeScriptIsThere() {
        Chrome chrome = Fixtures.chrome(Fixtures.MINIMAL);
        Document page = Fixtures.html(chrome.render(Component.SCRIPTS, ChromeRequest.anonymous()));
        assertEquals(List.of("/chrome/assets/" + chrome.script().name()), page.select("script").eachAttr("src"));
    }
}
