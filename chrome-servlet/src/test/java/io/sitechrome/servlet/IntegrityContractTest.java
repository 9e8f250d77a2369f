package io.sitechrome.servlet;

import static io.sitechrome.servlet.ChromeFilterContractTest.COUNTRY_HEADER;
import static io.sitechrome.servlet.ChromeFilterContractTest.await;
import static io.sitechrome.servlet.SiteClient.form;
import static io.sitechrome.servlet.SiteClient.header;
import static io.sitechrome.servlet.SiteClient.setCookie;
import static io.sitechrome.servlet.SiteClient.setCookies;
import static io.sitechrome.servlet.SiteClient.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitechrome.render.Chrome;
import io.sitechrome.render.Component;
import io.sitechrome.render.Visitor;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Production integrity of the endpoints, over real HTTP against a real container: fragments name
 * every input their markup depends on, consent works behind a proxy, the largest configuration
 * gets a consent cookie the server reads back, path parameters never reach the chrome, and a
 * fleet of instances (or one instance across a reload) serves one site. Subclasses choose the
 * container.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class IntegrityContractTest {

    /** The contract site, with a footer link only shown in the US, so that every component depends on something. */
    static final String CONFIG = ChromeSite.CONFIG.replace("    - { label: Privacy, href: /privacy }\n",
            "    - { label: Privacy, href: /privacy }\n    - { label: Your Privacy Choices, href: /choices, countries: [US] }\n")
        .replace("analytics.js\" }\n", "analytics.js\" }\n    - { category: advertising, src: \"https://ads.contoso.example/ads.js\" }\n");
    /** The header through which this app's (made-up) single sign-on names the visitor. */
    static final String VISITOR_HEADER = "X-Visitor";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A cookie domain of the schema's greatest length, 253 characters. */
    private static final String LONGEST_DOMAIN = "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(53) + ".example";

    private EmbeddedContainer container;
    private ChromeFilter filter;
    private Path config;
    private SiteClient site;

    abstract EmbeddedContainer newContainer();

    static ChromeSettings.Builder settings(Path config) {
        return ChromeFilterContractTest.settings(config).visitors(request -> {
            String name = request.getHeader(VISITOR_HEADER);
            return name == null ? VisitorResolver.fromRequestAttributes().resolve(request) : Visitor.of(name, null, 2);
        });
    }

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        config = ChromeSite.write(dir.resolve("chrome.yaml"), CONFIG);
        filter = new ChromeFilter(settings(config).build());
        container = newContainer();
        site = new SiteClient(container.start(ChromeSite.app(filter)));
    }

    @AfterAll
    void stop() throws Exception {
        container.close();
    }

    private Chrome chrome() {
        return filter.chrome().current();
    }

    // ---------------------------------------------------------------- fragments and caches (item 2)

    /** One input a fragment request may carry, and how a request carries it. */
    record Input(String name, Kind kind, String key, String value) {

        enum Kind { PARAMETER, HEADER, COOKIE }

        String url(String base) {
            return kind == Kind.PARAMETER ? base + (base.contains("?") ? "&" : "?") + key + "=" + SiteClient.encode(value) : base;
        }

        String[] headers(String consentCookie) {
            return switch (kind) {
                case PARAMETER -> new String[0];
                case HEADER -> new String[] {key, value};
                case COOKIE -> new String[] {"Cookie", key + "=" + value.replace("CONSENT", consentCookie)};
            };
        }

        @Override
        public String toString() {
            return name + " (" + kind.name().toLowerCase(Locale.ROOT) + " " + key + ")";
        }
    }

    static List<Input> inputs() {
        return List.of(
            new Input("locale", Input.Kind.PARAMETER, "locale", "de"),
            new Input("path", Input.Kind.PARAMETER, "path", "/products"),
            new Input("country", Input.Kind.PARAMETER, "country", "US"),
            new Input("GPC outcome", Input.Kind.PARAMETER, "gpc", "1"),
            new Input("country", Input.Kind.HEADER, COUNTRY_HEADER, "US"),
            new Input("GPC", Input.Kind.HEADER, "Sec-GPC", "1"),
            new Input("browser language", Input.Kind.HEADER, "Accept-Language", "de"),
            new Input("visitor", Input.Kind.HEADER, VISITOR_HEADER, "Ada"),
            new Input("locale cookie", Input.Kind.COOKIE, ChromeContext.LOCALE_COOKIE, "ar"),
            new Input("consent", Input.Kind.COOKIE, "chrome_consent", "CONSENT"),
            new Input("dismissed banners", Input.Kind.COOKIE, ChromeContext.DISMISSED_COOKIE, "notice"),
            new Input("consent saved", Input.Kind.COOKIE, ChromeContext.FLASH_COOKIE, ChromeContext.FLASH_CONSENT_SAVED));
    }

    /**
     * For every component and every input: when changing the input changes the fragment's bytes,
     * the input is named by the URL or by {@code Vary}, its ETag changes with it, and a fragment
     * that varies by a cookie is never stored by a shared cache. Run from a bare URL, where headers
     * fill in what the URL leaves out; from one that names an opt-out country (where GPC matters);
     * and from one that names everything (as ESI includes do), which must depend on its URL alone.
     */
    @ParameterizedTest
    @EnumSource(Component.class)
    void fragmentsNameEveryInputTheirMarkupDependsOn(Component component) throws Exception {
        String consent = chrome().consentCookie().encode(chrome().consentCookie().newChoice(Set.of("analytics", "advertising"),
            java.time.Instant.now()));
        String bare = "/chrome/fragments/" + component.id();
        String named = bare + "?locale=en&path=%2Fpage&country=US&gpc=0";
        List<String> unnamed = new ArrayList<>();
        for (String base : List.of(bare, bare + "?country=US", named)) {
            HttpResponse<byte[]> before = site.get(base);
            assertEquals(200, before.statusCode(), base);
            for (Input input : inputs()) {
                String url = input.kind() == Input.Kind.PARAMETER
                    ? base.replaceAll("([?&])" + input.key() + "=[^&]*&?", "$1").replaceAll("[?&]$", "") : base;
                HttpResponse<byte[]> without = site.get(url);
                HttpResponse<byte[]> with = site.get(input.url(url), input.headers(consent));
                assertEquals(200, with.statusCode(), input + " on " + url);
                if (Arrays.equals(without.body(), with.body())) continue;
                assertNotEquals(header(without, "etag"), header(with, "etag"), input + " changes the bytes, so the ETag");
                Set<String> vary = vary(with);
                boolean namedByVary = switch (input.kind()) {
                    case PARAMETER -> true;
                    case HEADER -> vary.contains(input.key().toLowerCase(Locale.ROOT)) && vary.equals(vary(without));
                    case COOKIE -> vary.contains("cookie") && !header(with, "cache-control").contains("public");
                };
                if (!namedByVary) unnamed.add(input + " changes " + input.url(url) + " but Vary says " + vary
                    + ", Cache-Control " + header(with, "cache-control"));
                if (base.equals(named) && input.kind() != Input.Kind.PARAMETER) {
                    unnamed.add(input + " changes " + named + ", which names the country, the GPC outcome, the locale and the path");
                }
            }
            if (base.equals(named)) assertEquals(Set.of("accept-encoding"), vary(before), "a fully named fragment is keyed by its URL");
        }
        assertTrue(unnamed.isEmpty(), component + ":\n" + String.join("\n", unnamed));
    }

    private static Set<String> vary(HttpResponse<?> response) {
        return response.headers().allValues("vary").stream().flatMap(v -> Arrays.stream(v.split(",")))
            .map(v -> v.trim().toLowerCase(Locale.ROOT)).filter(v -> !v.isEmpty()).collect(Collectors.toSet());
    }

    // ---------------------------------------------------------------- consent behind a proxy (item 6)

    @Test
    void sameOriginConsentBehindAProxyThatRewritesTheOriginIsRecorded() throws Exception {
        HttpResponse<byte[]> proxied = site.post("/chrome/consent", form("choice", "reject-all", "return", "/page"),
            "Sec-Fetch-Site", "same-origin", "Origin", "https://www.example.com");
        assertEquals(303, proxied.statusCode(), text(proxied));
        assertNotNull(setCookie(proxied, "chrome_consent"));

        HttpResponse<byte[]> dismissed = site.post("/chrome/banners/notice/dismiss", form("return", "/page"),
            "Sec-Fetch-Site", "same-origin", "Origin", "https://www.example.com");
        assertEquals(303, dismissed.statusCode(), text(dismissed));

        HttpResponse<byte[]> siteOrigin = site.post("/chrome/consent", form("choice", "reject-all"), "Origin", "https://www.contoso.example");
        assertEquals(303, siteOrigin.statusCode(), "an Origin that is the configured site's own (site.url) is same-site");
    }

    @Test
    void crossSiteConsentIsStillRefusedBehindAProxy() throws Exception {
        List<String[]> refused = List.of(
            new String[] {"Sec-Fetch-Site", "cross-site", "Origin", "https://www.contoso.example"},
            new String[] {"Sec-Fetch-Site", "same-site", "Origin", "https://evil.contoso.example"},
            new String[] {"Sec-Fetch-Site", "none", "Origin", "https://evil.example"},
            new String[] {"Origin", "https://www.contoso.example.evil.example"},
            new String[] {"Origin", "http://www.contoso.example"});
        for (String[] headers : refused) {
            HttpResponse<byte[]> response = site.post("/chrome/consent", form("choice", "accept-all"), headers);
            assertEquals(403, response.statusCode(), String.join(" ", headers));
            assertTrue(setCookies(response).isEmpty());
        }
    }

    // ---------------------------------------------------------------- the largest configuration (item 4)

    @Test
    void acceptAllWithTheSchemasMaximumOfCategoriesIsKeptByTheBrowserAndTheServer(@TempDir Path dir) throws Exception {
        assertEquals(253, LONGEST_DOMAIN.length());
        StringBuilder yaml = new StringBuilder(ChromeSite.CONFIG.substring(0, ChromeSite.CONFIG.indexOf("cookies:")))
            .append("cookies:\n  cookieName: ").append("c".repeat(64)).append("\n  revision: 1000000\n  domain: ").append(LONGEST_DOMAIN).append("\n  path: /").append("p".repeat(199))
            .append("\n  categories:\n");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String id = "c%02d-".formatted(i) + "x".repeat(60);
            ids.add(id);
            yaml.append("    - { id: ").append(id).append(", label: Category ").append(i).append(i == 0 ? ", required: true" : "").append(" }\n");
        }
        Path file = ChromeSite.write(dir.resolve("largest.yaml"), yaml.toString());
        try (EmbeddedContainer other = newContainer()) {
            SiteClient app = new SiteClient(other.start(ChromeSite.app(new ChromeFilter(settings(file).build()))));
            HttpResponse<byte[]> accepted = app.post("/chrome/consent", form("choice", "accept-all", "return", "/page"));
            assertEquals(303, accepted.statusCode(), text(accepted));
            String setCookieHeader = accepted.headers().allValues("set-cookie").stream()
                .filter(h -> h.startsWith("c".repeat(64) + "=")).findFirst().orElseThrow();
            assertTrue(setCookieHeader.length() < 4096, "a browser keeps a cookie of up to 4096 bytes: " + setCookieHeader.length());
            String value = setCookie(accepted, "c".repeat(64)).value();

            Document page = app.page("/page", "Cookie", "c".repeat(64) + "=" + value);
            assertNull(page.selectFirst(".chrome-cookies__layer"), "the banner does not ask again");
            for (String id : ids) {
                assertTrue(page.selectFirst("#chrome-consent-" + id).hasAttr("checked"), id + " is on record as accepted");
            }
        }
    }

    // ---------------------------------------------------------------- path parameters (item 10)

    @Test
    void pathParametersNeverReachTheChrome() throws Exception {
        HttpResponse<byte[]> response = site.get("/products;jsessionid=0123456789ABCDEF?x=1");
        assertEquals(200, response.statusCode(), text(response));
        String body = text(response);
        assertFalse(body.toLowerCase(Locale.ROOT).contains("jsessionid"), body);
        Document page = Jsoup.parse(body);
        assertEquals("/products", page.selectFirst("header [aria-current=page]").attr("href"), "the current nav item");
        for (Element field : page.select("input[name=return]")) assertEquals("/products?x=1", field.val());
        String signIn = page.selectFirst("a.chrome-account__sign-in").attr("href");
        assertTrue(signIn.endsWith(SiteClient.encode("/products?x=1")), signIn);
    }

    // ---------------------------------------------------------------- a fleet is one site (item 11)

    @Test
    void aSecondInstanceOfTheSameConfigurationSendsTheSameBytes() throws Exception {
        ChromeFilter second = new ChromeFilter(settings(config).build());
        try (EmbeddedContainer other = newContainer()) {
            SiteClient twin = new SiteClient(other.start(ChromeSite.app(second)));
            assertEquals(text(site.get("/page")), text(twin.get("/page")));
            Document page = site.page("/page");
            for (String asset : List.of(page.selectFirst("head link[rel=stylesheet]").attr("href"),
                    page.selectFirst("script[data-chrome-endpoints]").attr("src"))) {
                HttpResponse<byte[]> fromTwin = twin.get(asset);
                assertEquals(200, fromTwin.statusCode(), asset);
                assertArrayEquals(site.get(asset).body(), fromTwin.body());
                assertEquals(header(site.get(asset), "etag"), header(fromTwin, "etag"));
            }
            for (Component component : Component.values()) {
                String fragment = "/chrome/fragments/" + component.id() + "?locale=de&path=%2Fpage&country=US&gpc=1";
                HttpResponse<byte[]> mine = site.get(fragment);
                HttpResponse<byte[]> theirs = twin.get(fragment);
                assertArrayEquals(mine.body(), theirs.body(), fragment);
                assertEquals(header(mine, "etag"), header(theirs, "etag"), fragment);
            }
            assertArrayEquals(site.get(ChromeEndpoints.GPC_JSON).body(), twin.get(ChromeEndpoints.GPC_JSON).body());
        }
    }

    @Test
    void gpcJsonIsAPureFunctionOfTheConfiguration() throws Exception {
        HttpResponse<byte[]> response = site.get(ChromeEndpoints.GPC_JSON);
        assertEquals(200, response.statusCode());
        assertEquals(JSON.readTree("{\"gpc\": true}"), JSON.readTree(response.body()), "no start date or time of this instance");
    }

    @Test
    void aPageFromBeforeAReloadStillGetsItsStylesheetAndScript(@TempDir Path dir) throws Exception {
        Path file = ChromeSite.write(dir.resolve("chrome.yaml"), CONFIG);
        try (EmbeddedContainer other = newContainer()) {
            SiteClient app = new SiteClient(other.start(ChromeSite.app(new ChromeFilter(settings(file).build()))));
            Document old = app.page("/page");
            String oldCss = old.selectFirst("head link[rel=stylesheet]").attr("href");
            String oldJs = old.selectFirst("script[data-chrome-endpoints]").attr("src");
            byte[] oldCssBytes = app.get(oldCss).body();

            ChromeSite.replace(file, CONFIG.replace("en: Products", "en: Reloaded") + "theme:\n  tokens:\n    accent: \"#aa0000\"\n");
            Document reloaded = await(() -> app.page("/page"), p -> p.selectFirst(".chrome-nav__link").text().equals("Reloaded"),
                "the reload");
            String newCss = reloaded.selectFirst("head link[rel=stylesheet]").attr("href");
            assertNotEquals(oldCss, newCss, "the theme changed, so the stylesheet's name");

            HttpResponse<byte[]> css = app.get(oldCss);
            assertEquals(200, css.statusCode(), "the previous configuration's stylesheet " + oldCss);
            assertArrayEquals(oldCssBytes, css.body(), "is the previous stylesheet itself");
            assertEquals(200, app.get(oldJs).statusCode(), oldJs);
            assertEquals(200, app.get(newCss).statusCode(), newCss);
        }
    }

    @Test
    void anAssetNameFromAnotherVersionGetsTheCurrentAssetBriefly() throws Exception {
        for (String name : List.of("chrome.0123456789ab.css", "chrome.0123456789ab.js")) {
            HttpResponse<byte[]> response = site.get("/chrome/assets/" + name);
            assertEquals(200, response.statusCode(), name);
            boolean css = name.endsWith(".css");
            assertArrayEquals((css ? chrome().stylesheet() : chrome().script()).bytes(), response.body());
            String cacheControl = header(response, "cache-control");
            assertFalse(cacheControl.contains("immutable") || cacheControl.contains("31536000"), cacheControl);
            assertTrue(header(response, "content-type").startsWith(css ? "text/css" : "text/javascript"));
        }
        for (String unknown : List.of("/chrome/assets/chrome.css", "/chrome/assets/nope.js", "/chrome/assets/chrome.0123.exe")) {
            assertEquals(404, site.get(unknown).statusCode(), unknown);
        }
    }
}
