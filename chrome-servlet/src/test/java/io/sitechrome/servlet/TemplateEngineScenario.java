package io.sitechrome.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The scenario every template-engine integration passes (the Thymeleaf dialect, the JSP tags, the
 * FreeMarker directives), over HTTP against the engine's real server. One page template, which puts
 * the header in {@code #top}, the footer in {@code #bottom} and {@code <p id="tracked">Analytics is
 * on.</p>} under the engine's {@code allows analytics}, is served twice: under {@code /decorated}
 * with {@link ChromeFilter} (the engine writes placeholders the filter fills) and under
 * {@code /rendered} without it (the engine renders through a published {@link TemplateChrome}).
 * Both contexts read the scenario's configuration ({@link #configIn(Path)}), whose German locale says
 * "Startseite".
 *
 * <p>A subclass starts its engine's server before all tests and names it with {@link #base()} and
 * {@link #page()}. This class comes to the engine modules in chrome-servlet's test jar.
 */
public abstract class TemplateEngineScenario {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

    /**
     * Copies the scenario's configuration (two languages, an optional analytics category) into a folder.
     *
     * @param dir the folder, such as a {@code @TempDir}
     * @return the configuration's path there
     * @throws IOException when it cannot be written
     */
    protected static Path configIn(Path dir) throws IOException {
        Path config = dir.resolve("chrome.yaml");
        try (InputStream in = TemplateEngineScenario.class.getResourceAsStream("template-engine-scenario.yaml")) {
            Files.copy(in, config);
        }
        return config;
    }

    /** @return the server's root, ending in {@code /}, under which {@code decorated/} and {@code rendered/} are */
    protected abstract URI base();

    /** @return the page template's path under each context, e.g. {@code page.jsp} */
    protected abstract String page();

    /**
     * Checks that nothing of the engine's own chrome syntax is left, beyond the {@code chrome:} prefix
     * every engine is checked for; none by default.
     *
     * @param path the page's path, for messages
     * @param html the page as sent
     */
    protected void assertNoEngineSyntax(String path, String html) {
    }

    private List<String> paths() {
        return List.of("decorated/" + page(), "rendered/" + page());
    }

    @Test
    void withTheFilterEachComponentIsThereOnceWhereTheTemplatePutIt() throws Exception {
        assertComponentsInPlace(get("decorated/" + page(), null, null));
    }

    @Test
    void withoutTheFilterTheEngineRendersEachComponentOnceWhereTheTemplatePutIt() throws Exception {
        assertComponentsInPlace(get("rendered/" + page(), null, null));
    }

    @Test
    void noChromeSyntaxIsLeftInTheOutput() throws Exception {
        for (String path : paths()) {
            String html = get(path, null, null).body();
            assertFalse(html.contains("chrome:"), path + " still has chrome: syntax:\n" + html);
            assertNoEngineSyntax(path, html);
        }
    }

    @Test
    void allowsHidesContentUntilTheVisitorAcceptsTheCategory() throws Exception {
        for (String path : paths()) {
            Document before = Jsoup.parse(get(path, null, null).body());
            assertNull(before.getElementById("tracked"), path + ": analytics content shown before consent");
            assertNotNull(before.getElementById("required"), path + ": required category content hidden");
        }
        String consent = acceptAll();
        for (String path : paths()) {
            Element tracked = Jsoup.parse(get(path, consent, null).body()).getElementById("tracked");
            assertNotNull(tracked, path + ": analytics content hidden after accept all");
            assertEquals("Analytics is on.", tracked.text(), path);
            assertFalse(tracked.hasAttr("chrome:allows"), path);
        }
    }

    @Test
    void componentsFollowTheVisitorsLocale() throws Exception {
        for (String path : paths()) {
            Document page = Jsoup.parse(get(path, null, "de").body());
            assertEquals("de", page.selectFirst("header.chrome-header").attr("lang"), path);
            assertTrue(page.selectFirst("header.chrome-header").text().contains("Startseite"), path);
        }
    }

    private static void assertComponentsInPlace(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        Document page = Jsoup.parse(response.body());
        assertEquals(1, page.select("header.chrome-header").size(), response.body());
        assertEquals(1, page.select("footer.chrome-footer").size(), response.body());
        assertEquals(1, page.select("link[rel=stylesheet][href*=/chrome/assets/]").size(), response.body());
        assertEquals(1, page.select("a.chrome-skip-link").size(), response.body());
        assertEquals(1, page.select(".chrome-cookies").size(), response.body());
        assertEquals(1, page.select("script[src*=/chrome/assets/]").size(), response.body());
        assertNotNull(page.selectFirst("#top > header.chrome-header"), "the header is not where the template put it");
        assertNotNull(page.selectFirst("#bottom > footer.chrome-footer"), "the footer is not where the template put it");
        assertNotNull(page.selectFirst("head > link[rel=stylesheet][href*=/chrome/assets/]"));
    }

    /** Accepts every category through the filter's consent endpoint; returns the Cookie header value to send. */
    private String acceptAll() throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(base().resolve("decorated/chrome/consent"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("choice=accept-all&return=/")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, response.statusCode());
        String setCookie = response.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("chrome_consent=")).findFirst().orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private HttpResponse<String> get(String path, String cookie, String acceptLanguage) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base().resolve(path)).GET();
        if (cookie != null) request.header("Cookie", cookie);
        if (acceptLanguage != null) request.header("Accept-Language", acceptLanguage);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
