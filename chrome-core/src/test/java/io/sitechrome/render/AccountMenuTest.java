package io.sitechrome.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitechrome.Fixtures;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountMenuTest {

    static final String CONFIG = """
            site:
              name: Demo
              url: https://www.example.com/
              locales:
                - { tag: en, name: English }
                - { tag: de, name: Deutsch }
            brand:
              name: { text: Demo }
            account:
              signIn: { label: { en: Sign in, de: Anmelden }, href: "https://login.example.com/login?return={returnUrl}&lang={locale}" }
              signUp: { label: Sign up, href: "https://login.example.com/signup" }
              menu:
                - { label: Profile, href: /profile }
                - { label: Sign out, href: /sign-out }
            """;
    private static final Chrome CHROME = Fixtures.chrome(CONFIG);

    private static Element account(Chrome chrome, ChromeRequest request) {
        Document page = Fixtures.html(chrome.render(Component.HEADER, request));
        return page.selectFirst(".chrome-header__actions");
    }

    private static Map<String, String> query(String href) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : URI.create(href).getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            parameters.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    @Test
    void signedOutVisitorsGetASignInLinkThatReturnsToTheAbsoluteUrlOfThePage() {
        Element account = account(CHROME, ChromeRequest.builder().path("/legal?x=1&y=2").build());
        Element signIn = account.selectFirst("a.chrome-account__sign-in");
        assertNotNull(signIn);
        assertEquals("Sign in", signIn.text());
        String href = signIn.attr("href");
        assertEquals("https://login.example.com/login?return=https%3A%2F%2Fwww.example.com%2Flegal%3Fx%3D1%26y%3D2&lang=en", href);
        assertEquals(Map.of("return", "https://www.example.com/legal?x=1&y=2", "lang", "en"), query(href));
        Element signUp = account.selectFirst("a.chrome-account__sign-up");
        assertEquals("Sign up", signUp.text());
        assertEquals("https://login.example.com/signup", signUp.attr("href"));
        assertNull(account.selectFirst("button"), "no menu button for a signed-out visitor");
        assertNull(account.selectFirst("#chrome-account-menu"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example/x", "https://evil.example/", "/\\evil.example", "/%2F%2Fevil.example", "javascript:alert(1)"})
    void foreignReturnPathsBecomeTheSiteRoot(String path) {
        String href = account(CHROME, ChromeRequest.builder().path(path).build()).selectFirst("a.chrome-account__sign-in").attr("href");
        assertEquals("https://www.example.com/", query(href).get("return"));
    }

    @Test
    void aSiteRelativeSignInLinkGetsASiteRelativeReturnPath() {
        Chrome chrome = Fixtures.chrome(CONFIG.replace("https://login.example.com/login?return={returnUrl}&lang={locale}", "/sign-in?return={returnUrl}"));
        String href = account(chrome, ChromeRequest.builder().path("/legal?x=1").build()).selectFirst("a.chrome-account__sign-in").attr("href");
        assertEquals("/sign-in?return=%2Flegal%3Fx%3D1", href);
    }

    @Test
    void theSignInLabelIsTranslated() {
        assertEquals("Anmelden", account(CHROME, ChromeRequest.builder().locale("de").build()).selectFirst("a.chrome-account__sign-in").text());
        assertTrue(account(CHROME, ChromeRequest.builder().locale("de").build()).selectFirst("a.chrome-account__sign-in").attr("href").endsWith("&lang=de"));
    }

    @Test
    void signedInVisitorsGetAMenuButtonControllingAnExistingPanel() {
        Element account = account(CHROME, ChromeRequest.builder().visitor(Visitor.named("Ada Lovelace")).build());
        assertNull(account.selectFirst("a.chrome-account__sign-in"));
        assertNull(account.selectFirst("a.chrome-account__sign-up"));
        Element button = account.selectFirst("button.chrome-account__button");
        assertNotNull(button);
        assertEquals("button", button.attr("type"));
        assertFalse(button.hasAttr("aria-expanded"), "no aria-expanded until the script takes the button over");
        assertEquals("Ada Lovelace", button.text(), "without a configured label, the button shows the visitor's name");
        Element panel = account.ownerDocument().getElementById(button.attr("aria-controls"));
        assertNotNull(panel, "aria-controls must point at an element of the page");
        assertEquals("Signed in as Ada Lovelace", panel.selectFirst("p.chrome-account__who").text());
        assertEquals(List.of("Profile", "Sign out"), panel.select("a").eachText());
        assertEquals(List.of("/profile", "/sign-out"), panel.select("a").eachAttr("href"));
        assertNull(button.selectFirst("img"), "no avatar given");
    }

    @Test
    void aConfiguredLabelNamesTheButtonAndTheNameStaysInThePanel() {
        Chrome chrome = Fixtures.chrome(CONFIG + "  label: { en: My account, de: Mein Konto }\n");
        Element account = account(chrome, ChromeRequest.builder().locale("de").visitor(Visitor.named("Ada")).build());
        assertEquals("Mein Konto", account.selectFirst("button").text());
        assertEquals("Angemeldet als Ada", account.selectFirst("p.chrome-account__who").text());
    }

    @Test
    void builtInAccountStringsCanBeOverridden() {
        Chrome chrome = Fixtures.chrome(CONFIG + "strings:\n  account.signedInAs: \"Hello, {name}!\"\n");
        assertEquals("Hello, Ada <b>!", account(chrome, ChromeRequest.builder().visitor(Visitor.named("Ada <b>")).build())
                .selectFirst("p.chrome-account__who").text());
    }

    @Test
    void avatarsAreShownOnlyForImageUrls() {
        for (String ok : List.of("https://cdn.example.com/a.png", "http://cdn.example.com/a.png", "/avatars/a.png")) {
            Element img = account(CHROME, ChromeRequest.builder().visitor(Visitor.of("Ada", ok, 0)).build()).selectFirst("button img");
            assertNotNull(img, ok);
            assertEquals(ok, img.attr("src"));
            assertEquals("", img.attr("alt"), "decorative: the name is next to it");
        }
        for (String bad : List.of("javascript:alert(1)", "data:image/png;base64,AAAA", "//evil.example/a.png", "mailto:a@b.c",
                "a.png\" onerror=\"alert(1)", "")) {
            Element button = account(CHROME, ChromeRequest.builder().visitor(Visitor.of("Ada", bad, 0)).build()).selectFirst("button");
            assertNotNull(button, bad);
            assertNull(button.selectFirst("img"), bad);
        }
    }

    @Test
    void aVisitorWithoutANameIsSignedOut() {
        for (Visitor nobody : List.of(Visitor.named(""), Visitor.named("   "), Visitor.named("\u0000\u0001"), Visitor.named(null))) {
            Element account = account(CHROME, ChromeRequest.builder().visitor(nobody).build());
            assertNotNull(account.selectFirst("a.chrome-account__sign-in"));
            assertNull(account.selectFirst("button"));
        }
    }

    @Test
    void visitorNamesAreCleaned() {
        Visitor visitor = Visitor.of("  Ada\u0000\n Lovelace\u007f  ", null, -5);
        assertEquals("Ada Lovelace", visitor.name());
        assertEquals(0, visitor.unread());
        String longName = "\uD83D\uDE00".repeat(300);
        assertEquals(200, Visitor.named(longName).name().codePointCount(0, Visitor.named(longName).name().length()),
                "cut at 200 characters, never inside a surrogate pair");
    }

    @Test
    void noAccountConfigurationNoAccountMenu() {
        Chrome chrome = Fixtures.chrome(Fixtures.MINIMAL);
        Document page = Fixtures.html(chrome.render(Component.HEADER, ChromeRequest.builder().visitor(Visitor.named("Ada")).build()));
        assertNull(page.selectFirst(".chrome-account"));
        assertTrue(page.text().indexOf("Ada") < 0);
    }
}
