package io.sitechrome.servlet;

import static io.sitechrome.servlet.ChromeSite.CONFIG;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several configurations in one application ({@code site-chrome.sites}): two hosts with brands
 * and footers of their own, a {@code /business/} section with a third, the default for the rest;
 * each hot-reloaded on its own, and a consent recorded on one not valid on another whose
 * categories differ. Subclasses choose the container.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SitesContractTest {

    private EmbeddedContainer container;
    private RawHttp http;
    private Path alpha;
    private ChromeFilter filter;

    abstract EmbeddedContainer newContainer();

    private static String brand(String name) {
        return CONFIG.replace("text: Contoso", "text: " + name).replace("© Contoso", "© " + name);
    }

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        Path main = ChromeSite.write(dir.resolve("chrome.yaml"), CONFIG);
        alpha = ChromeSite.write(dir.resolve("alpha.yaml"), brand("Alpha"));
        Path beta = ChromeSite.write(dir.resolve("beta.yaml"), brand("Beta"));
        Path business = ChromeSite.write(dir.resolve("business.yaml"), brand("Business")
            .replace("id: analytics", "id: statistics").replace("category: analytics", "category: statistics"));
        filter = new ChromeFilter(ChromeSettings.builder().config(main).reloadInterval(Duration.ofMillis(100))
            .sites(ChromeSettings.Site.parse("a.example=" + alpha + "; b.example, www.b.example=" + beta + ";/business/=" + business))
            .build());
        container = newContainer();
        URI base = container.start(ChromeSite.app(filter).servlet("business", new ChromeSite.PageServlet(), "/business/page"));
        http = new RawHttp(base);
    }

    @AfterAll
    void stop() throws Exception {
        container.close();
    }

    private RawHttp.Response get(String host, String path, String... headers) throws Exception {
        StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n");
        for (int i = 0; i + 1 < headers.length; i += 2) request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        return http.exchange(request.append("\r\n").toString().getBytes(UTF_8), false);
    }

    private Document page(String host, String path, String... headers) throws Exception {
        RawHttp.Response response = get(host, path, headers);
        assertEquals(200, response.status(), response.toString());
        return Jsoup.parse(response.text());
    }

    private static String brandOf(Document page) {
        return page.selectFirst("header.chrome-header").text() + " | " + page.selectFirst("footer.chrome-footer").text();
    }

    @Test
    void eachHostAndSectionWearsItsOwnChrome() throws Exception {
        assertBrand(page("a.example", "/page"), "Alpha");
        assertBrand(page("A.Example:8080", "/page"), "Alpha");
        assertBrand(page("b.example", "/page"), "Beta");
        assertBrand(page("www.b.example", "/page"), "Beta");
        assertBrand(page("localhost", "/business/page"), "Business");
        assertBrand(page("localhost", "/page"), "Contoso");
        assertBrand(page("a.example", "/business/page"), "Alpha");
    }

    private static void assertBrand(Document page, String brand) {
        String text = brandOf(page);
        assertTrue(text.contains(brand) && text.contains("© " + brand), text);
        for (String other : List.of("Contoso", "Alpha", "Beta", "Business")) {
            if (!other.equals(brand)) assertTrue(!text.contains(other), other + " in " + text);
        }
    }

    @Test
    void eachSiteServesItsOwnAssetsAndEndpoints() throws Exception {
        Document business = page("localhost", "/business/page");
        String stylesheet = business.selectFirst("head link[rel=stylesheet]").attr("href");
        assertTrue(stylesheet.startsWith("/business/chrome/assets/chrome."), stylesheet);
        RawHttp.Response css = get("localhost", stylesheet);
        assertEquals(200, css.status(), css.toString());
        assertEquals("public, max-age=31536000, immutable", css.header("Cache-Control"), "the business site's own asset");

        String alphaCss = page("a.example", "/page").selectFirst("head link[rel=stylesheet]").attr("href");
        assertEquals("public, max-age=31536000, immutable", get("a.example", alphaCss).header("Cache-Control"));
    }

    @Test
    void consentOnOneSiteIsNoChoiceOnASiteWithOtherCategories() throws Exception {
        String cookie = filter.chrome().current().consentCookie()
            .encode(filter.chrome().current().consentCookie().newChoice(java.util.Set.of("analytics", "advertising"), Instant.now()));
        String header = filter.chrome().current().config().cookies().cookieName() + "=" + cookie;
        assertNull(page("localhost", "/page", "Cookie", header).selectFirst("[data-chrome-cookies-layer]"), "recorded on the main site");
        assertNotNull(page("localhost", "/business/page", "Cookie", header).selectFirst("[data-chrome-cookies-layer]"),
            "the business site asks again");
    }

    @Test
    void oneSiteReloadsWithoutTouchingTheOthers() throws Exception {
        String betaVersion = page("b.example", "/page").selectFirst("header.chrome-header").attr("data-chrome-version");
        String mainVersion = page("localhost", "/page").selectFirst("header.chrome-header").attr("data-chrome-version");
        ChromeSite.replace(alpha, brand("Alpha Two"));
        Instant deadline = Instant.now().plusSeconds(30);
        while (!brandOf(page("a.example", "/page")).contains("Alpha Two")) {
            assertTrue(Instant.now().isBefore(deadline), "site a reloads");
            Thread.sleep(50);
        }
        assertEquals(betaVersion, page("b.example", "/page").selectFirst("header.chrome-header").attr("data-chrome-version"));
        assertEquals(mainVersion, page("localhost", "/page").selectFirst("header.chrome-header").attr("data-chrome-version"));
        assertBrand(page("b.example", "/page"), "Beta");
    }
}
