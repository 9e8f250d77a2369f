package io.sitechrome.examples;

import static io.sitechrome.examples.Html.accessibleName;
import static io.sitechrome.examples.Html.one;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The demo's pretend sign-in, which shows both states of the chrome's account menu. */
class DemoSignInTest {

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
    void theSignInPageShowsAForm() throws Exception {
        Document page = demo.browser().page("/demo/sign-in?return=%2Flegal");
        Element form = one(page, "main form");
        assertEquals("post", form.attr("method"));
        assertEquals("/demo/sign-in", form.attr("action"));
        assertTrue(one(form, "input[name=name]").hasAttr("required"));
        assertEquals("3", one(form, "input[name=unread]").val());
        assertEquals("/legal", one(form, "input[type=hidden][name=return]").val());
        one(form, "button[type=submit]");
        one(page, "header.chrome-header");
    }

    @Test
    void signingInShowsTheAccountMenuAndSigningOutEndsTheSession() throws Exception {
        Browser browser = demo.browser();
        Document before = browser.page("/");
        assertEquals("Sign in", one(before, "header a.chrome-account__sign-in").text());
        assertTrue(before.select("header .chrome-account__button, header .chrome-chat__count").isEmpty());

        Browser.Response signIn = signIn(browser, "Ada", "3", "/");
        assertEquals(303, signIn.status());
        assertEquals("/", signIn.header("Location").orElseThrow());

        Document page = browser.page("/");
        Element button = one(page, "header button.chrome-account__button");
        assertEquals("My Skype", button.text());
        Element menu = page.getElementById(button.attr("aria-controls"));
        assertEquals("Signed in as Ada", one(menu, ".chrome-account__who").text());
        assertEquals(List.of("My account -> https://go.skype.com/myaccount", "Use Skype online -> https://go.skype.com/sfw",
                "Sign out -> /demo/sign-out"), menu.select("a").stream().map(a -> a.text() + " -> " + a.attr("href")).toList());
        Element chat = one(page, "header a.chrome-chat");
        assertEquals("3", one(chat, ".chrome-chat__count").text());
        assertTrue(accessibleName(chat).endsWith("3 unread messages"), accessibleName(chat));
        assertTrue(page.select("header a.chrome-account__sign-in").isEmpty());

        Browser.Response signOut = browser.get("/demo/sign-out");
        assertTrue(signOut.status() == 302 || signOut.status() == 303, "a redirect: " + signOut.status());
        assertEquals("/", sameSite(signOut.header("Location").orElseThrow()));

        Document after = browser.page("/");
        assertEquals("Sign in", one(after, "header a.chrome-account__sign-in").text());
        assertTrue(after.select("header .chrome-account__button, header .chrome-chat__count, .chrome-account__who").isEmpty());
        assertFalse(after.text().contains("unread messages"));
    }

    @Test
    void aHostileNameComesBackAsText() throws Exception {
        Browser browser = demo.browser();
        int scriptsBefore = browser.page("/").select("script").size();
        String name = "<script>alert(1)</script>";
        assertEquals(303, signIn(browser, name, "1", "/").status());

        Browser.Response response = browser.get("/");
        Document page = response.document();
        assertEquals("Signed in as " + name, one(page, ".chrome-account__who").text());
        assertEquals(scriptsBefore, page.select("script").size(), "no script element added");
        assertTrue(page.select("script").stream().noneMatch(s -> s.data().contains("alert(1)")));
        assertFalse(response.body().contains(name), "the name is escaped in the HTML");
        assertTrue(response.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }

    @Test
    void aSignInWithoutNameGoesBackToTheForm() throws Exception {
        Browser browser = demo.browser();
        Browser.Response response = signIn(browser, " ", "3", "/legal");
        assertTrue(response.status() == 302 || response.status() == 303, "a redirect: " + response.status());
        assertEquals("/demo/sign-in?return=%2Flegal", sameSite(response.header("Location").orElseThrow()));
        assertTrue(browser.page("/").select("header .chrome-account__button").isEmpty(), "still signed out");
    }

    /** Session fixation: a session id planted in the victim's browser must not end up signed in as the victim. */
    @Test
    void signingInStartsAFreshSession() throws Exception {
        Browser attacker = demo.browser();
        assertEquals(303, signIn(attacker, "Eve", "0", "/").status());
        String planted = attacker.cookie("JSESSIONID").orElseThrow().getValue();

        Browser victim = demo.browser();
        victim.plantCookie("JSESSIONID", planted);
        assertEquals("Signed in as Eve", one(victim.page("/"), ".chrome-account__who").text(), "the planted session works");
        assertEquals(303, signIn(victim, "Ada", "3", "/").status());
        assertNotEquals(planted, victim.cookie("JSESSIONID").orElseThrow().getValue(), "a new session id at sign-in");
        assertEquals("Signed in as Ada", one(victim.page("/"), ".chrome-account__who").text());

        Document attackerView = attacker.page("/");
        assertTrue(attackerView.select(".chrome-account__who").stream().noneMatch(p -> p.text().contains("Ada")),
                "the attacker's session is not the victim's");
    }

    @Test
    void postingToSignOutNeverSignsIn() throws Exception {
        Browser browser = demo.browser();
        assertEquals(303, signIn(browser, "Ada", "3", "/").status());
        Browser.Response response = browser.post("/demo/sign-out", List.of(Map.entry("name", "Mallory"), Map.entry("return", "/")));
        assertTrue(response.status() == 302 || response.status() == 303, "a redirect: " + response.status());
        Document page = browser.page("/");
        assertEquals("Sign in", one(page, "header a.chrome-account__sign-in").text());
        assertTrue(page.select(".chrome-account__who").isEmpty());
    }

    @Test
    void aSameSiteReturnIsFollowed() throws Exception {
        Browser.Response response = signIn(demo.browser(), "Ada", "0", "/legal?x=1");
        assertEquals(303, response.status());
        assertEquals("/legal?x=1", response.header("Location").orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/", "//evil.example/", "/\\evil.example/", "\\\\evil.example", "/%2F/evil.example",
            "%2F%2Fevil.example", "/%5Cevil.example", "javascript:alert(1)", " //evil.example", "/\t/evil.example", "http:evil.example",
            "evil.example", ""})
    void anOpenRedirectFallsBackToTheRoot(String back) throws Exception {
        Browser browser = demo.browser();
        Browser.Response response = signIn(browser, "Ada", "3", back);
        assertEquals(303, response.status());
        assertEquals("/", response.header("Location").orElseThrow());
        Document form = browser.page("/demo/sign-in?return=" + URLEncoder.encode(back, StandardCharsets.UTF_8));
        assertEquals("/", one(form, "main input[name=return]").val(), "the form's return is cleaned too");
    }

    /** A redirect target as a path with query, checked to stay on the demo (Jetty may make it absolute). */
    private static String sameSite(String location) {
        URI uri = URI.create(location);
        assertTrue(uri.getHost() == null || (uri.getHost().equals("127.0.0.1") && uri.getPort() == demo.port()), location);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static Browser.Response signIn(Browser browser, String name, String unread, String back) throws Exception {
        return browser.post("/demo/sign-in", List.of(Map.entry("name", name), Map.entry("unread", unread), Map.entry("return", back)));
    }
}
