package io.sitechrome.servlet;

import static io.sitechrome.servlet.ChromeSite.CONFIG;
import static io.sitechrome.servlet.ChromeSite.INVALID_CONFIG;
import static io.sitechrome.servlet.ChromeSite.INVALID_LINE;
import static io.sitechrome.servlet.ChromeSite.PAGE;
import static io.sitechrome.servlet.ChromeSite.PLACEHOLDER_PAGE;
import static io.sitechrome.servlet.SiteClient.encode;
import static io.sitechrome.servlet.SiteClient.form;
import static io.sitechrome.servlet.SiteClient.header;
import static io.sitechrome.servlet.SiteClient.setCookie;
import static io.sitechrome.servlet.SiteClient.setCookies;
import static io.sitechrome.servlet.SiteClient.text;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitechrome.config.ConfigProblem;
import io.sitechrome.consent.ConsentListener;
import io.sitechrome.consent.ConsentState;
import io.sitechrome.render.Asset;
import io.sitechrome.render.Chrome;
import io.sitechrome.render.ChromeRequest;
import io.sitechrome.render.Component;
import io.sitechrome.render.PageChrome;
import io.sitechrome.render.Visitor;
import io.sitechrome.servlet.SiteClient.Jar;
import io.sitechrome.servlet.SiteClient.SetCookie;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ChromeFilter} wired to the real chrome-core renderer, over real HTTP against a real
 * container: decoration, the request context, the endpoints, the three ways of registering the
 * filter, hot reload, and what passes through. Subclasses choose the container.
 *
 * <p>The shared application ({@link ChromeSite}) runs for the whole class; tests that edit the
 * configuration or register the filter differently start their own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ChromeFilterContractTest {

    static final String COUNTRY_HEADER = "CF-IPCountry";
    static final Duration RELOAD_TIMEOUT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CSS_CACHE_CONTROL = "public, max-age=31536000, immutable";

    private EmbeddedContainer container;
    private ChromeFilter filter;
    private Path config;
    private SiteClient site;
    private final Queue<ConsentListener.Choice> choices = new ConcurrentLinkedQueue<>();

    abstract EmbeddedContainer newContainer();

    static ChromeSettings.Builder settings(Path config) {
        return ChromeSettings.builder().config(config).reloadInterval(Duration.ofMillis(100)).countryHeader(COUNTRY_HEADER);
    }

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        config = ChromeSite.write(dir.resolve("chrome.yaml"), CONFIG);
        filter = new ChromeFilter(settings(config).consentListener(choices::add).build());
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

    // ---------------------------------------------------------------- 1. decoration

    @Test
    void plainPageGetsTheChromeInItsAutomaticPlaces() throws Exception {
        HttpResponse<byte[]> response = site.get("/page");
        assertEquals(200, response.statusCode());
        String body = text(response);
        assertLengthMatchesBody(response);

        PageChrome expected = chrome().forRequest(ChromeRequest.builder().path("/page").endpoints("/chrome/").build());
        assertEquals(ChromeSite.decorated(PAGE, expected), body);

        String version = Chrome.load(config).version();
        assertTrue(Pattern.compile("<link rel=\"stylesheet\" href=\"/chrome/assets/chrome\\.[0-9a-f]+\\.css\" "
                + "data-chrome-version=\"" + version + "\">\\s*</head>").matcher(body).find(), body);
        String afterBodyTag = body.substring(body.indexOf("<body class=\"app\">") + "<body class=\"app\">".length());
        assertTrue(afterBodyTag.startsWith("<div class=\"chrome-cookies\""), afterBodyTag);
        String beforeBodyEnd = body.substring(0, body.lastIndexOf("</body>")).stripTrailing();
        assertTrue(beforeBodyEnd.endsWith("</script>"), beforeBodyEnd);

        Document page = org.jsoup.Jsoup.parse(body);
        assertEquals(List.of("div.chrome-cookies", "a.chrome-skip-link", "section.chrome-banner", "section.chrome-banner",
                "header.chrome-header", "main", "footer.chrome-footer", "script", "script"),
            page.body().children().stream().map(ChromeFilterContractTest::describe).toList());
        assertEquals(List.of("notice", "fixed"), page.select("[data-chrome-banner]").eachAttr("data-chrome-banner"));
        assertEquals(version, page.selectFirst("header.chrome-header").attr("data-chrome-version"));
        assertEquals(version, page.selectFirst("footer.chrome-footer").attr("data-chrome-version"));
        assertEquals(1, page.select("header.chrome-header").size());
        assertEquals("Hello", page.selectFirst("main h1").text());
        assertEquals("Grüße — مرحبا — 😀", page.selectFirst("main p").text());
    }

    @Test
    void placeholdersWinOverAutomaticPlacement() throws Exception {
        HttpResponse<byte[]> response = site.get("/placeholders");
        assertEquals(200, response.statusCode());
        String body = text(response);
        assertLengthMatchesBody(response);
        assertFalse(body.contains("<!--chrome:"), body);

        PageChrome chrome = chrome().forRequest(ChromeRequest.builder().path("/placeholders").build());
        String placed = PLACEHOLDER_PAGE.replace("<!--chrome:header-->", chrome.render(Component.HEADER))
            .replace("<!--chrome:footer-->", chrome.render(Component.FOOTER));
        int head = placed.indexOf("</head>");
        int bodyStart = placed.indexOf("<body>") + "<body>".length();
        int bodyEnd = placed.lastIndexOf("</body>");
        String expected = placed.substring(0, head) + chrome.render(Component.HEAD) + placed.substring(head, bodyStart)
            + chrome.render(Component.COOKIE_BANNER) + chrome.render(Component.SKIP_LINK) + chrome.render(Component.BANNERS)
            + placed.substring(bodyStart, bodyEnd) + chrome.render(Component.SCRIPTS) + placed.substring(bodyEnd);
        assertEquals(expected, body);

        Document page = org.jsoup.Jsoup.parse(body);
        assertEquals(1, page.select("header.chrome-header").size());
        assertEquals(1, page.select("#header-slot > header.chrome-header").size());
        assertEquals(1, page.select("footer.chrome-footer").size());
        assertEquals(1, page.select("#footer-slot > footer.chrome-footer").size());
        assertEquals("div.chrome-cookies", describe(page.body().child(0)));
        assertEquals("script", describe(page.body().children().last()));
        assertEquals("Last words", page.body().select("p#last").text());
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({"/page, en", "/page, ar", "/placeholders, en", "/placeholders, ar"})
    void aCompletePageGetsTheExactLengthOfItsMarkupWhenPlaceholdersTakeComponents(String path, String locale) throws Exception {
        HttpResponse<byte[]> response = site.get(path, "Cookie", "chrome_locale=" + locale);
        assertEquals(200, response.statusCode());
        assertEquals(Long.toString(response.body().length), header(response, "content-length"), text(response));
    }

    // ---------------------------------------------------------------- 2. request context

    @ParameterizedTest(name = "attribute={0}, cookie={1}, Accept-Language={2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "de | ar | ar        | de",
        "-  | ar | de        | ar",
        "-  | -  | de-AT, en;q=0.5 | de",
        "-  | -  | fr, ar;q=0.8 | ar",
        "-  | -  | -         | en",
        "-  | xx | de        | de",
        "-  | AR | -         | ar",
    })
    void localeComesFromTheAppThenTheCookieThenAcceptLanguageThenTheDefault(
            String attribute, String cookie, String acceptLanguage, String expected) throws Exception {
        List<String> headers = new ArrayList<>();
        if (cookie != null) headers.addAll(List.of("Cookie", "chrome_locale=" + cookie));
        if (acceptLanguage != null) headers.addAll(List.of("Accept-Language", acceptLanguage));
        String query = attribute == null ? "" : "?app-locale=" + attribute;
        Document page = site.page("/page" + query, headers.toArray(String[]::new));
        assertLocale(page, expected);
        assertEquals(expected, probe("/probe" + query, headers.toArray(String[]::new)).get("locale"));
    }

    static Stream<Arguments> malformedAcceptLanguage() {
        return Stream.of(
            Arguments.of("en;q=abc", "en"),
            Arguments.of("en;q=1.5", "en"),
            Arguments.of("en_US", "en"),
            Arguments.of("", "en"),
            Arguments.of("en-", "en"),
            Arguments.of(";;;,,,;q=", "en"),
            Arguments.of("de;q=abc, ar;q=0.5", "ar"),
            Arguments.of("de;q=1.5, ar;q=0.4", "ar"),
            Arguments.of("de-, ar", "ar"),
            Arguments.of("*;q=0.5, de;q=0.1", "de"),
            Arguments.of("x".repeat(3000) + ", de", "de"));
    }

    @ParameterizedTest
    @MethodSource("malformedAcceptLanguage")
    void malformedAcceptLanguageFallsBackToTheNextGoodChoice(String header, String expected) throws Exception {
        assertLocale(site.page("/page", "Accept-Language", header), expected);
    }

    @Test
    void hugeAcceptLanguageIsNeverAServerError() throws Exception {
        String header = "de-DE-x-private;q=0.9, ".repeat(16 * 1024 / 23 + 1);
        HttpResponse<byte[]> response = site.get("/page", "Accept-Language", header);
        int status = response.statusCode();
        assertTrue(status == 200 || status == 400 || status == 431, "status " + status);
        if (status == 200) {
            Document page = org.jsoup.Jsoup.parse(text(response));
            assertEquals(1, page.select("header.chrome-header").size());
        }
        assertLocale(site.page("/page"), "en");
    }

    static Stream<Arguments> malformedCookies() {
        String longValue = "a".repeat(5000);
        return Stream.of(
            Arguments.of("chrome_consent=garbage", "de"),
            Arguments.of("chrome_consent=1.1.1700000000.AAAAAAAAAAAAAAAAAAAAAA.analytics~advertising.forgedsignatureforged", "de"),
            Arguments.of("chrome_consent=" + longValue, "de"),
            Arguments.of("chrome_consent=\"1.1.2.3", "de"),
            Arguments.of("chrome_locale=\"ar", "de"),
            Arguments.of("chrome_locale=ar\"", "de"),
            Arguments.of("chrome_locale=xx", "de"),
            Arguments.of("chrome_locale=" + longValue, "de"),
            Arguments.of("chrome_locale=" + "ar".repeat(20), "de"),
            Arguments.of("=; ;;==; chrome_locale", "de"),
            Arguments.of("chrome_dismissed=..%%..<script>.NOTICE", "de"),
            Arguments.of("chrome_dismissed=" + "notice.".repeat(600), "de"),
            Arguments.of("chrome_flash=consent-saved; chrome_consent=x", "de"),
            Arguments.of("chrome_locale=ar; chrome_consent=garbage; chrome_dismissed=%%", "ar"));
    }

    @ParameterizedTest
    @MethodSource("malformedCookies")
    void malformedCookiesFallBackAndNeverBreakThePage(String cookie, String expected) throws Exception {
        HttpResponse<byte[]> response = site.get("/page", "Cookie", cookie, "Accept-Language", "de");
        assertEquals(200, response.statusCode(), () -> cookie + ": " + text(response));
        Document page = org.jsoup.Jsoup.parse(text(response));
        assertLocale(page, expected);
        assertEquals(1, page.select("[data-chrome-cookies-layer]").size(), "no valid consent: the first layer shows");
        assertEquals(1, page.select("[data-chrome-banner=fixed]").size());
        assertEquals(200, site.get("/probe", "Cookie", cookie).statusCode());
    }

    @Test
    void defaultResolverReadsTheVisitorFromRequestAttributes() throws Exception {
        Document signedOut = site.page("/page");
        Element signIn = signedOut.selectFirst("header .chrome-account__sign-in");
        assertNotNull(signIn);
        assertEquals("/login?return=" + encode("/page"), signIn.attr("href"), "a site-relative sign-in gets the return path");
        assertTrue(signedOut.select(".chrome-account__button, .chrome-chat__count").isEmpty());

        String name = "<b>Ada & Co</b>";
        HttpResponse<byte[]> response = site.get("/page?visitor=" + encode(name) + "&unread=3");
        assertEquals(200, response.statusCode());
        assertFalse(text(response).contains("<b>Ada"), "the name is escaped");
        Document page = org.jsoup.Jsoup.parse(text(response));
        Element header = page.selectFirst("header.chrome-header");
        assertEquals(name, header.selectFirst(".chrome-account__button").text());
        assertEquals("Signed in as " + name, header.selectFirst(".chrome-account__who").text());
        assertEquals("My account", header.selectFirst("#chrome-account-menu a[href=/account]").text());
        assertEquals("3", header.selectFirst(".chrome-chat__count").text());
        assertTrue(header.selectFirst(".chrome-chat").text().contains("3 unread messages"), header.outerHtml());
        assertNull(header.selectFirst(".chrome-account__sign-in"));
        assertTrue(header.select("b").isEmpty());

        Document german = site.page("/page?visitor=Ada&unread=1&app-locale=de");
        assertEquals("Angemeldet als Ada", german.selectFirst(".chrome-account__who").text());
        assertTrue(german.selectFirst(".chrome-chat").text().contains("1 ungelesene Nachricht"));
    }

    @Test
    void customVisitorResolverReplacesTheDefault(@TempDir Path dir) throws Exception {
        Path file = ChromeSite.write(dir.resolve("chrome.yaml"), CONFIG);
        VisitorResolver fromHeader = request -> request.getHeader("X-Test-User") == null ? null
            : Visitor.of(request.getHeader("X-Test-User"), "/avatars/me.png", 7);
        ChromeFilter custom = new ChromeFilter(settings(file).visitors(fromHeader).build());
        try (EmbeddedContainer other = newContainer()) {
            SiteClient app = new SiteClient(other.start(ChromeSite.app(custom)));
            Document page = app.page("/page?visitor=Ignored&unread=1", "X-Test-User", "Grace");
            assertEquals("Grace", page.selectFirst(".chrome-account__button").text());
            assertEquals("7", page.selectFirst(".chrome-chat__count").text());
            assertEquals("/avatars/me.png", page.selectFirst("img.chrome-account__avatar").attr("src"));
            Document anonymous = app.page("/page?visitor=Ignored&unread=1");
            assertNotNull(anonymous.selectFirst(".chrome-account__sign-in"), "the request attributes are not consulted");
            assertNull(anonymous.selectFirst(".chrome-account__button"));
        }
    }

    @ParameterizedTest(name = "CF-IPCountry: {0} -> shown: {1}")
    @CsvSource(nullValues = "-", value = {"US, true", "us, true", "DE, false", "-, false", "'', false", "USA, false",
        "U1, false", "'<script>', false", "'US, DE', false"})
    void countryHeaderTargetsBanners(String country, boolean shown) throws Exception {
        Document page = country == null ? site.page("/page") : site.page("/page", COUNTRY_HEADER, country);
        assertEquals(shown, page.selectFirst("[data-chrome-banner=us-only]") != null, page.select("[data-chrome-banner]").toString());
        assertNotNull(page.selectFirst("[data-chrome-banner=fixed]"));
        assertNotNull(page.selectFirst("[data-chrome-banner=notice]"));
    }

    static Stream<Arguments> gpcHeaders() {
        return Stream.of(
            Arguments.of(List.of("1"), true),
            Arguments.of(List.of("0", "1"), true),
            Arguments.of(List.of("1", "0"), true),
            Arguments.of(List.of(), false),
            Arguments.of(List.of("0"), false),
            Arguments.of(List.of("true"), false),
            Arguments.of(List.of("yes"), false),
            Arguments.of(List.of("11"), false),
            Arguments.of(List.of("01"), false),
            Arguments.of(List.of("1.0"), false),
            Arguments.of(List.of(""), false));
    }

    @ParameterizedTest(name = "Sec-GPC: {0} -> {1}")
    @MethodSource("gpcHeaders")
    void globalPrivacyControlIsOnlyExactlyOne(List<String> values, boolean honoured) throws Exception {
        List<String> headers = new ArrayList<>(List.of(COUNTRY_HEADER, "US"));
        values.forEach(value -> headers.addAll(List.of("Sec-GPC", value)));
        String[] sent = headers.toArray(String[]::new);

        Document page = site.page("/page", sent);
        Element note = page.selectFirst("footer .chrome-footer__gpc");
        assertEquals(honoured, note != null, page.select("footer").toString());
        if (honoured) assertEquals("Opt-out preference signal honored", note.text());

        Map<String, String> context = probe("/probe", sent);
        assertEquals(Boolean.toString(honoured), context.get("gpc"));
        assertEquals(Boolean.toString(!honoured), context.get("advertising"), "sale-or-sharing in opt-out mode");
        assertEquals("true", context.get("analytics"), "GPC leaves other categories alone");
        assertEquals(!honoured, page.selectFirst("#chrome-consent-advertising").hasAttr("checked"));
    }

    @Test
    void consentModeFollowsTheCountryAndARecordedChoiceOutranksGpc() throws Exception {
        Map<String, String> optIn = probe("/probe", COUNTRY_HEADER, "DE");
        assertEquals("false", optIn.get("analytics"));
        assertEquals("false", optIn.get("advertising"));
        assertEquals("true", optIn.get("necessary"));

        String accepted = consentCookie(Set.of("analytics", "advertising"));
        Map<String, String> chosen = probe("/probe", COUNTRY_HEADER, "US", "Sec-GPC", "1", "Cookie", cookieName() + "=" + accepted);
        assertEquals("true", chosen.get("advertising"));
        Document page = site.page("/page", COUNTRY_HEADER, "US", "Sec-GPC", "1", "Cookie", cookieName() + "=" + accepted);
        assertNull(page.selectFirst(".chrome-footer__gpc"), "an explicit later choice wins over the signal");
        assertNull(page.selectFirst("[data-chrome-cookies-layer]"));
    }

    @Test
    void allowsAnswersFromTheSameFactsTheChromeIsRenderedWith() throws Exception {
        for (String country : List.of("us", "Us", " US ")) {
            Map<String, String> probed = probe("/probe", COUNTRY_HEADER, country);
            Document page = site.page("/page", COUNTRY_HEADER, country);
            boolean rendered = page.select("script[src=https://cdn.contoso.example/analytics.js]").size() == 1;
            assertTrue(rendered, "opt-out in the US: analytics runs for " + country);
            assertEquals("true", probed.get("analytics"), "allows(\"analytics\") agrees for country header " + country);
        }
    }

    @Test
    void nonceFromTheApplicationGoesOnTheChromeScripts() throws Exception {
        String nonce = "r4nd0m+N0nce/Value==";
        Document page = site.page("/page?nonce=" + encode(nonce));
        List<Element> scripts = page.select("script");
        assertEquals(2, scripts.size());
        for (Element script : scripts) assertEquals(nonce, script.attr("nonce"), script.outerHtml());
    }

    @ParameterizedTest
    @ValueSource(strings = {"short", "bad\"><script>alert(1)</script>", "has spaces in it", "semi;colon;nonce",
        "0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789"
            + "0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789x"})
    void malformedNonceIsDropped(String nonce) throws Exception {
        HttpResponse<byte[]> response = site.get("/page?nonce=" + encode(nonce));
        assertEquals(200, response.statusCode());
        assertFalse(text(response).contains("alert(1)"));
        Document page = org.jsoup.Jsoup.parse(text(response));
        assertEquals(2, page.select("script").size());
        assertTrue(page.select("script[nonce]").isEmpty(), page.select("script").toString());
    }

    // ---------------------------------------------------------------- 3. endpoints

    @Test
    void assetsAreServedImmutableWithStrongEtagsAndGzip() throws Exception {
        Document page = site.page("/page");
        String cssPath = page.selectFirst("head link[rel=stylesheet]").attr("href");
        String jsPath = page.selectFirst("script[data-chrome-endpoints]").attr("src");
        Asset css = chrome().stylesheet();
        assertEquals("/chrome/assets/" + css.name(), cssPath);
        assertEquals("/chrome/assets/" + chrome().script().name(), jsPath);

        HttpResponse<byte[]> identity = site.get(cssPath);
        assertEquals(200, identity.statusCode());
        assertTrue(header(identity, "content-type").startsWith("text/css"), header(identity, "content-type"));
        assertEquals(CSS_CACHE_CONTROL, header(identity, "cache-control"));
        String etag = header(identity, "etag");
        assertTrue(etag.matches("\"[^\"]+\""), "strong ETag: " + etag);
        assertNull(header(identity, "content-encoding"));
        assertArrayEquals(css.bytes(), identity.body());
        assertLengthMatchesBody(identity);

        HttpResponse<byte[]> gzip = site.get(cssPath, "Accept-Encoding", "gzip, deflate, br");
        assertEquals(200, gzip.statusCode());
        assertEquals("gzip", header(gzip, "content-encoding"));
        assertEquals(etag, header(gzip, "etag"));
        assertEquals(CSS_CACHE_CONTROL, header(gzip, "cache-control"));
        assertTrue(header(gzip, "vary").contains("Accept-Encoding"));
        assertTrue(gzip.body().length < identity.body().length);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip.body()))) {
            assertArrayEquals(identity.body(), in.readAllBytes());
        }
        assertNull(header(site.get(cssPath, "Accept-Encoding", "gzip;q=0, identity"), "content-encoding"));

        HttpResponse<byte[]> notModified = site.get(cssPath, "If-None-Match", etag);
        assertEquals(304, notModified.statusCode());
        assertEquals(0, notModified.body().length);
        assertEquals(200, site.get(cssPath, "If-None-Match", "\"something-else\"").statusCode());

        HttpResponse<byte[]> js = site.get(jsPath);
        assertEquals(200, js.statusCode());
        assertTrue(header(js, "content-type").contains("javascript"), header(js, "content-type"));
        assertArrayEquals(chrome().script().bytes(), js.body());

        for (String unknown : List.of("/chrome/assets/chrome.0000000000.css", "/chrome/assets/", "/chrome/assets/nope.js")) {
            assertEquals(404, site.get(unknown).statusCode(), unknown);
        }
        assertEquals(404, site.get("/chrome/nothing-here").statusCode());
    }

    @Test
    void localeSwitchSetsTheCookieAndRedirectsBack() throws Exception {
        HttpResponse<byte[]> response = site.get("/chrome/locale/ar?return=" + encode("/page?x=1"));
        assertEquals(303, response.statusCode());
        assertEquals(site.uri("/page?x=1"), location(response));
        SetCookie cookie = setCookie(response, "chrome_locale");
        assertNotNull(cookie);
        assertEquals("ar", cookie.value());
        assertEquals("/", cookie.attribute("Path"));
        assertTrue(Integer.parseInt(cookie.attribute("Max-Age")) > 0);
        assertNotNull(cookie.attribute("HttpOnly"));
        assertEquals("lax", cookie.attribute("SameSite").toLowerCase());

        Document arabic = site.page("/page", "Cookie", "chrome_locale=ar", "Accept-Language", "de");
        assertLocale(arabic, "ar");
        assertEquals("rtl", arabic.selectFirst("header.chrome-header").attr("dir"));

        String pickerHref = arabic.selectFirst("footer .chrome-locales a[hreflang=de]").attr("href");
        assertEquals("/chrome/locale/de?return=" + encode("/page"), pickerHref);
        HttpResponse<byte[]> picked = site.get(pickerHref);
        assertEquals(303, picked.statusCode());
        assertEquals(site.uri("/page"), location(picked));
        assertEquals("de", setCookie(picked, "chrome_locale").value());
    }

    static Stream<String> foreignReturns() {
        return Stream.of("//evil.example", "/\\evil.example", "https://evil.example", "http:/evil.example",
            "%2F%2Fevil.example", "/%2F/evil.example", "%2f%5cevil.example", "/%252F%252Fevil.example/",
            "/%0d%0aSet-Cookie:x=y", "/\r\nSet-Cookie:x=y", "/\nSet-Cookie:x=y", " //evil.example",
            "\t/evil.example", "javascript:alert(1)", "evil.example", "", "/" + "a".repeat(5000));
    }

    @ParameterizedTest
    @MethodSource("foreignReturns")
    void localeSwitchNeverRedirectsOffSite(String back) throws Exception {
        HttpResponse<byte[]> response = site.get("/chrome/locale/de?return=" + encode(back));
        assertEquals(303, response.statusCode(), () -> text(response));
        assertEquals("/", header(response, "location"));
        assertEquals(site.uri("/"), location(response));
        assertEquals(List.of("chrome_locale"), setCookies(response).stream().map(SetCookie::name).toList());
    }

    @Test
    void localeSwitchWithoutReturnGoesHome() throws Exception {
        for (String query : List.of("", "?return", "?other=/page")) {
            HttpResponse<byte[]> response = site.get("/chrome/locale/de" + query);
            assertEquals(303, response.statusCode(), query);
            assertEquals("/", header(response, "location"), query);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"xx", "fr", "de-CH-x-is-not-a-site-locale", "%3Cscript%3E", "en_US", "a-b-c-d-e-f-g-h-i-j-k-l-m-n-o-p-q-r"})
    void unknownLocaleIsABadRequestNamingTheAvailableOnes(String tag) throws Exception {
        HttpResponse<byte[]> response = site.get("/chrome/locale/" + tag + "?return=/page");
        assertEquals(400, response.statusCode());
        String message = text(response);
        assertTrue(message.contains("en, de, ar"), message);
        assertFalse(message.contains("<"), message);
        assertTrue(setCookies(response).isEmpty());
    }

    @Test
    void acceptAllIsRecordedConfirmedOnceAndReflectedInThePreferences() throws Exception {
        Jar jar = new Jar();
        int before = choices.size();
        HttpResponse<byte[]> response = jar.keep(site.post("/chrome/consent", form("choice", "accept-all", "return", "/page?from=banner")));
        assertEquals(303, response.statusCode(), () -> text(response));
        assertEquals(site.uri("/page?from=banner"), location(response));
        assertEquals("no-store", header(response, "cache-control"));

        SetCookie consent = setCookie(response, cookieName());
        assertNotNull(consent);
        assertEquals("/", consent.attribute("Path"));
        assertEquals(Long.toString(Duration.ofDays(182).toSeconds()), consent.attribute("Max-Age"), "the default lifetime");
        ConsentState state = decode(consent.value());
        assertEquals(Set.of("necessary", "analytics", "advertising"), state.accepted());
        assertOneChoice(before, state, false);
        assertTrue(setCookies(response).stream().noneMatch(SetCookie::expires), "nothing withdrawn");

        HttpResponse<byte[]> next = jar.keep(site.get("/page", "Cookie", jar.header()));
        Document page = org.jsoup.Jsoup.parse(text(next));
        assertNull(page.selectFirst("[data-chrome-cookies-layer]"), "no first layer once a choice is on record");
        Element confirmation = page.selectFirst("[data-chrome-cookies-confirmation]");
        assertFalse(confirmation.hasAttr("hidden"));
        assertEquals("You accepted all cookies.", confirmation.selectFirst("p").text());
        assertSwitches(page, true, true);
        Element analytics = page.selectFirst("script[data-chrome-category=analytics]");
        assertEquals("https://cdn.contoso.example/analytics.js", analytics.attr("src"), "analytics runs");
        assertFalse(analytics.hasAttr("type"));
        SetCookie flash = setCookie(next, "chrome_flash");
        assertNotNull(flash, "the confirmation is shown once");
        assertTrue(flash.expires());

        Document later = site.page("/page", "Cookie", jar.header());
        assertTrue(later.selectFirst("[data-chrome-cookies-confirmation]").hasAttr("hidden"), "the confirmation shows once");
        assertNull(later.selectFirst("[data-chrome-cookies-layer]"));
        assertSwitches(later, true, true);
        Map<String, String> context = probe("/probe", "Cookie", jar.header());
        assertEquals("true", context.get("advertising"));
        assertEquals(before + 1, choices.size(), "pages record nothing");
    }

    @Test
    void rejectAllAndCustomChoicesAreReflectedInThePreferences() throws Exception {
        int before = choices.size();
        HttpResponse<byte[]> rejected = site.post("/chrome/consent", form("choice", "reject-all", "return", "/page"));
        assertEquals(303, rejected.statusCode());
        ConsentState none = decode(setCookie(rejected, cookieName()).value());
        assertEquals(Set.of("necessary"), none.accepted());
        assertOneChoice(before, none, false);
        Document page = site.page("/page", "Cookie", cookieName() + "=" + setCookie(rejected, cookieName()).value());
        assertSwitches(page, false, false);
        Element analytics = page.selectFirst("script[data-chrome-category=analytics]");
        assertEquals("text/plain", analytics.attr("type"), "analytics stays inert");
        assertEquals("https://cdn.contoso.example/analytics.js", analytics.attr("data-src"));
        assertFalse(analytics.hasAttr("src"));
        assertNull(page.selectFirst("[data-chrome-cookies-layer]"));

        HttpResponse<byte[]> custom = site.post("/chrome/consent",
            "choice=custom&category=analytics&category=bogus&category=&return=%2Fpage", "Sec-GPC", "1");
        assertEquals(303, custom.statusCode());
        ConsentState some = decode(setCookie(custom, cookieName()).value());
        assertEquals(Set.of("necessary", "analytics"), some.accepted());
        assertOneChoice(before + 1, some, true);
        assertSwitches(site.page("/page", "Cookie", cookieName() + "=" + setCookie(custom, cookieName()).value()), true, false);
    }

    @Test
    void customizeOnlyOpensThePreferences() throws Exception {
        int before = choices.size();
        HttpResponse<byte[]> response = site.post("/chrome/consent", form("choice", "customize", "return", "/page"));
        assertEquals(303, response.statusCode());
        assertEquals(site.uri("/page#chrome-cookie-preferences"), location(response));
        assertTrue(setCookies(response).isEmpty(), setCookies(response).toString());
        assertEquals(before, choices.size());

        HttpResponse<byte[]> foreign = site.post("/chrome/consent", form("choice", "customize", "return", "//evil.example"));
        assertEquals("/#chrome-cookie-preferences", header(foreign, "location"));
    }

    @ParameterizedTest
    @MethodSource("foreignReturns")
    void consentNeverRedirectsOffSite(String back) throws Exception {
        HttpResponse<byte[]> response = site.post("/chrome/consent", form("choice", "reject-all", "return", back));
        assertEquals(303, response.statusCode());
        assertEquals("/", header(response, "location"));
        assertTrue(setCookies(response).stream().noneMatch(c -> c.name().equals("x")));
    }

    @Test
    void rawLineBreaksInTheReturnFieldNeverReachALocation() throws Exception {
        HttpResponse<byte[]> response = site.post("/chrome/consent", "choice=reject-all&return=/page\r\nSet-Cookie: x=y\r\n");
        assertEquals(303, response.statusCode());
        assertEquals("/", header(response, "location"));
        assertTrue(setCookies(response).stream().noneMatch(c -> c.name().equals("x")));
    }

    @Test
    void consentAnswersJsonWhenAskedTo() throws Exception {
        int before = choices.size();
        HttpResponse<byte[]> response = site.post("/chrome/consent",
            form("choice", "custom", "category", "advertising", "locale", "de", "return", "/page"), "Accept", "application/json");
        assertEquals(200, response.statusCode());
        assertTrue(header(response, "content-type").startsWith("application/json"));
        JsonNode json = JSON.readTree(response.body());
        assertTrue(json.get("ok").isBoolean() && json.get("ok").booleanValue());
        assertEquals("Ihre Auswahl wurde gespeichert. Erlaubte optionale Cookies: Advertising.", json.get("message").textValue(),
                "worded as the confirmation the page would show: what was chosen");
        Set<String> allowed = new HashSet<>();
        json.get("allowed").forEach(item -> allowed.add(item.textValue()));
        assertEquals(Set.of("necessary", "advertising"), allowed);
        assertEquals(Set.of("ok", "message", "allowed", "revision", "gpc"), fieldNames(json));
        assertFalse(json.get("gpc").booleanValue(), "the request sent no Sec-GPC");

        ConsentState state = decode(setCookie(response, cookieName()).value());
        assertEquals(allowed, state.accepted());
        assertEquals(state.revision(), json.get("revision").intValue());
        assertOneChoice(before, state, false);
        assertNull(header(response, "location"));
        assertNull(setCookie(response, "chrome_flash"), "a script shows its own confirmation");
    }

    static Stream<Arguments> crossSite() {
        return Stream.of(
            Arguments.of(List.of("Origin", "https://evil.example")),
            Arguments.of(List.of("Origin", "null")),
            Arguments.of(List.of("Sec-Fetch-Site", "cross-site")),
            Arguments.of(List.of("Sec-Fetch-Site", "cross-site", "Origin", "SAME")),
            Arguments.of(List.of("Origin", "http://localhost.evil.example")));
    }

    @ParameterizedTest
    @MethodSource("crossSite")
    void crossSiteConsentIsForbidden(List<String> headers) throws Exception {
        String[] sent = headers.stream().map(h -> h.equals("SAME") ? site.origin() : h).toArray(String[]::new);
        int before = choices.size();
        HttpResponse<byte[]> response = site.post("/chrome/consent", form("choice", "accept-all", "return", "/page"), sent);
        assertEquals(403, response.statusCode());
        assertTrue(setCookies(response).isEmpty(), setCookies(response).toString());
        assertEquals(before, choices.size());
    }

    @Test
    void sameSiteConsentIsAllowed() throws Exception {
        assertEquals(303, site.post("/chrome/consent", form("choice", "reject-all"), "Origin", site.origin()).statusCode());
        assertEquals(303, site.post("/chrome/consent", form("choice", "reject-all"), "Sec-Fetch-Site", "same-origin").statusCode());
    }

    @Test
    void invalidConsentRequestsAreRefused() throws Exception {
        int before = choices.size();
        for (String body : List.of("choice=everything", "", "choice=", "choice=ACCEPT-ALL")) {
            HttpResponse<byte[]> response = site.post("/chrome/consent", body);
            assertEquals(400, response.statusCode(), body);
            assertTrue(setCookies(response).isEmpty(), body);
        }
        HttpResponse<byte[]> get = site.get("/chrome/consent?choice=accept-all");
        assertEquals(405, get.statusCode());
        assertEquals("POST", header(get, "allow"));
        assertTrue(setCookies(get).isEmpty());
        assertEquals(before, choices.size());
    }

    @Test
    void withdrawingACategoryExpiresItsCookies() throws Exception {
        HttpResponse<byte[]> accepted = site.post("/chrome/consent", form("choice", "accept-all"));
        String consent = setCookie(accepted, cookieName()).value();
        String sent = cookieName() + "=" + consent + "; _clck=1; _clsk=2; ads_id=3; theme=dark";

        HttpResponse<byte[]> stillAll = site.post("/chrome/consent", form("choice", "accept-all"), "Cookie", sent);
        assertTrue(setCookies(stillAll).stream().noneMatch(SetCookie::expires), setCookies(stillAll).toString());

        HttpResponse<byte[]> rejected = site.post("/chrome/consent", form("choice", "reject-all", "return", "/page"), "Cookie", sent);
        assertEquals(303, rejected.statusCode(), () -> text(rejected));
        List<SetCookie> expired = setCookies(rejected).stream().filter(SetCookie::expires).toList();
        assertEquals(Set.of("_clck", "_clsk", "ads_id"), expired.stream().map(SetCookie::name).collect(Collectors.toSet()), expired.toString());
        assertTrue(expired.stream().anyMatch(c -> c.name().equals("_clck") && "example.com".equals(c.domain()) && "/".equals(c.attribute("Path"))),
            "by name, on its configured domain and path: " + expired);
        assertTrue(expired.stream().anyMatch(c -> c.name().equals("_clsk") && c.domain() == null && "/".equals(c.attribute("Path"))),
            "by pattern, for a cookie the browser sent: " + expired);
        assertTrue(expired.stream().anyMatch(c -> c.name().equals("ads_id") && c.domain() == null && "/".equals(c.attribute("Path"))));
        assertEquals(Set.of("necessary"), decode(setCookie(rejected, cookieName()).value()).accepted());

        HttpResponse<byte[]> partly = site.post("/chrome/consent", "choice=custom&category=analytics", "Cookie", sent);
        assertEquals(Set.of("ads_id"), setCookies(partly).stream().filter(SetCookie::expires).map(SetCookie::name).collect(Collectors.toSet()));
    }

    @Test
    void consentCookieCanLiveOnTheParentDomain(@TempDir Path dir) throws Exception {
        String parent = CONFIG.replace("cookies:\n  mode: opt-in", "cookies:\n  domain: .contoso.example\n  path: /\n  mode: opt-in");
        assertNotEquals(CONFIG, parent);
        ChromeFilter onParent = new ChromeFilter(settings(ChromeSite.write(dir.resolve("chrome.yaml"), parent)).build());
        try (EmbeddedContainer other = newContainer()) {
            SiteClient app = new SiteClient(other.start(ChromeSite.app(onParent)));
            HttpResponse<byte[]> response = app.post("/chrome/consent", form("choice", "accept-all", "return", "/page"));
            assertEquals(303, response.statusCode(), () -> text(response));
            SetCookie consent = setCookie(response, cookieName());
            assertEquals("contoso.example", consent.domain(), "the documented leading-dot domain works: " + consent);
            assertEquals("/", consent.attribute("Path"));
            assertEquals(Set.of("necessary", "analytics", "advertising"),
                onParent.chrome().current().consentCookie().decode(consent.value(), Instant.now()).accepted());
        }
    }

    @Test
    void dismissibleBannerStaysHiddenOnceDismissed() throws Exception {
        Jar jar = new Jar();
        HttpResponse<byte[]> response = jar.keep(site.post("/chrome/banners/notice/dismiss", form("return", "/page")));
        assertEquals(303, response.statusCode(), () -> text(response));
        assertEquals(site.uri("/page"), location(response));
        assertEquals("notice", setCookie(response, "chrome_dismissed").value());

        Document page = site.page("/page", "Cookie", jar.header());
        assertNull(page.selectFirst("[data-chrome-banner=notice]"));
        assertNotNull(page.selectFirst("[data-chrome-banner=fixed]"));
        assertEquals(1, site.page("/page").select("[data-chrome-banner=notice]").size(), "only for that visitor");

        HttpResponse<byte[]> json = site.post("/chrome/banners/notice/dismiss", "", "Accept", "application/json", "Cookie", jar.header());
        assertEquals(200, json.statusCode());
        assertTrue(JSON.readTree(json.body()).get("ok").booleanValue());
        assertEquals("notice", setCookie(json, "chrome_dismissed").value());
    }

    @Test
    void bannerDismissalRefusesWhatCannotBeDismissed() throws Exception {
        HttpResponse<byte[]> fixed = site.post("/chrome/banners/fixed/dismiss", form("return", "/page"));
        assertEquals(400, fixed.statusCode());
        assertTrue(setCookies(fixed).isEmpty());
        for (String id : List.of("nope", "NOTICE", "us-only-", "-x", "%3Cb%3E")) {
            HttpResponse<byte[]> unknown = site.post("/chrome/banners/" + id + "/dismiss", form("return", "/page"));
            assertEquals(404, unknown.statusCode(), id);
            assertTrue(setCookies(unknown).isEmpty(), id);
        }
        HttpResponse<byte[]> crossSite = site.post("/chrome/banners/notice/dismiss", form("return", "/page"),
            "Origin", "https://evil.example");
        assertEquals(403, crossSite.statusCode());
        assertTrue(setCookies(crossSite).isEmpty());
        assertEquals(403, site.post("/chrome/banners/notice/dismiss", "", "Sec-Fetch-Site", "cross-site").statusCode());
        assertEquals(405, site.get("/chrome/banners/notice/dismiss").statusCode());
    }

    @Test
    void fragmentsAreCacheableAndLocalised() throws Exception {
        HttpResponse<byte[]> german = site.get("/chrome/fragments/header?locale=de");
        assertEquals(200, german.statusCode());
        assertTrue(header(german, "content-type").startsWith("text/html"));
        assertEquals("public, max-age=300", header(german, "cache-control"));
        assertTrue(header(german, "vary").contains("Accept-Encoding"), header(german, "vary"));
        String etag = header(german, "etag");
        assertTrue(etag.matches("\"[^\"]+\""), etag);
        String body = text(german);
        assertTrue(body.startsWith("<header class=\"chrome-header\" lang=\"de\""), body);
        assertFalse(body.contains("<footer") || body.contains("<link") || body.contains("chrome-cookies"), "a fragment is not decorated");
        Document fragment = org.jsoup.Jsoup.parseBodyFragment(body);
        assertEquals("Produkte", fragment.selectFirst(".chrome-nav__link").text());
        assertEquals(chrome().version(), fragment.selectFirst("header").attr("data-chrome-version"));
        assertLengthMatchesBody(german);

        HttpResponse<byte[]> again = site.get("/chrome/fragments/header?locale=de", "If-None-Match", etag);
        assertEquals(304, again.statusCode());
        assertEquals(0, again.body().length);
        HttpResponse<byte[]> english = site.get("/chrome/fragments/header?locale=en", "If-None-Match", etag);
        assertEquals(200, english.statusCode());
        assertNotEquals(etag, header(english, "etag"));
        assertEquals("Products", org.jsoup.Jsoup.parseBodyFragment(text(english)).selectFirst(".chrome-nav__link").text());

        HttpResponse<byte[]> banners = site.get("/chrome/fragments/banners", COUNTRY_HEADER, "US");
        assertEquals(200, banners.statusCode());
        assertTrue(header(banners, "vary").contains(COUNTRY_HEADER), header(banners, "vary"));
        assertTrue(text(banners).contains("data-chrome-banner=\"us-only\""));

        assertEquals(404, site.get("/chrome/fragments/sidebar").statusCode());
        assertEquals(404, site.get("/chrome/fragments/").statusCode());
        assertEquals(405, site.post("/chrome/fragments/header", "").statusCode());
    }

    @Test
    void gpcJsonIsPublishedWhenTheSiteSellsOrShares() throws Exception {
        HttpResponse<byte[]> response = site.get("/.well-known/gpc.json");
        assertEquals(200, response.statusCode());
        assertTrue(header(response, "content-type").startsWith("application/json"));
        JsonNode json = JSON.readTree(response.body());
        assertTrue(json.get("gpc").booleanValue());
        assertEquals(Set.of("gpc"), fieldNames(json), "no instance start date: every instance answers the same");
    }

    // ---------------------------------------------------------------- 4. registration

    @Test
    void programmaticRegistrationServesTheNamedFile() {
        assertEquals(config, filter.chrome().file());
    }

    @Test
    void initializerRegistersTheFilterWhenAutoIsOn(@TempDir Path dir) throws Exception {
        Path file = ChromeSite.write(dir.resolve("chrome.yaml"), CONFIG);
        EmbeddedContainer.WebApp app = ChromeSite.servlets(new EmbeddedContainer.WebApp())
            .contextParam("site-chrome.auto", "true")
            .contextParam("site-chrome.config", file.toString())
            .contextParam("site-chrome.country-header", COUNTRY_HEADER)
            .initializer(new ChromeInitializer());
        try (EmbeddedContainer other = newContainer()) {
            SiteClient auto = new SiteClient(other.start(app));
            Document page = auto.page("/page", COUNTRY_HEADER, "US");
            assertEquals(Chrome.load(file).version(), version(page));
            assertNotNull(page.selectFirst("[data-chrome-banner=us-only]"), "context parameters reach the filter");
            assertEquals(200, auto.get(page.selectFirst("head link[rel=stylesheet]").attr("href")).statusCode());
            assertEquals("present", probe(auto, "/probe").get("context"));
            assertDecoratedErrorPage(auto, "/no-such-page?q=1");
        }
    }

    @Test
    void initializerPassesEverySettingOnToTheFilterThePinIncluded(@TempDir Path dir) throws Exception {
        Path file = ChromeSite.write(dir.resolve("chrome.yaml"), CONFIG);
        EmbeddedContainer.WebApp app = ChromeSite.servlets(new EmbeddedContainer.WebApp())
            .contextParam("site-chrome.auto", "true")
            .contextParam("site-chrome.config", file.toString())
            .contextParam("site-chrome.config-sha256", "0".repeat(64))
            .initializer(new ChromeInitializer());
        try (EmbeddedContainer other = newContainer()) {
            Document page = new SiteClient(other.start(app)).page("/page");
            assertEquals(Chrome.loadResource(ChromeSettings.class, ChromeSettings.BUNDLED_CONFIG).version(), version(page),
                    "a body that is not the pinned one is refused: the bundled configuration serves");
        }
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"false", "yes", ""})
    void initializerRegistersNothingWithoutAuto(String auto, @TempDir Path dir) throws Exception {
        Path file = ChromeSite.write(dir.resolve("chrome.yaml"), CONFIG);
        EmbeddedContainer.WebApp app = ChromeSite.servlets(new EmbeddedContainer.WebApp())
            .contextParam("site-chrome.config", file.toString())
            .initializer(new ChromeInitializer());
        if (auto != null) app.contextParam("site-chrome.auto", auto);
        try (EmbeddedContainer other = newContainer()) {
            SiteClient plain = new SiteClient(other.start(app));
            HttpResponse<byte[]> page = plain.get("/page");
            assertEquals(200, page.statusCode());
            assertArrayEquals(PAGE.getBytes(UTF_8), page.body());
            assertEquals(404, plain.get("/chrome/fragments/header").statusCode());
            assertEquals("none", probe(plain, "/probe").get("context"));
        }
    }

    // ---------------------------------------------------------------- 5. hot reload

    @Test
    void editsAreServedAfterAReloadAndInvalidEditsKeepTheLastGoodVersion(@TempDir Path dir) throws Exception {
        Path file = ChromeSite.write(dir.resolve("chrome.yaml"), CONFIG);
        ChromeFilter reloading = new ChromeFilter(settings(file).build());
        try (EmbeddedContainer other = newContainer()) {
            SiteClient app = new SiteClient(other.start(ChromeSite.app(reloading)));
            Document first = app.page("/page");
            String v1 = version(first);
            assertEquals(Chrome.load(file).version(), v1);
            assertEquals("Products", navLabel(first));

            ChromeSite.replace(file, CONFIG.replace("en: Products", "en: Offers"));
            String v2 = Chrome.load(file).version();
            assertNotEquals(v1, v2);
            Document second = await(() -> app.page("/page"), page -> navLabel(page).equals("Offers"), "the edited label");
            assertEquals(v2, version(second));
            assertEquals(v2, second.selectFirst("footer.chrome-footer").attr("data-chrome-version"));
            assertEquals(v2, second.selectFirst("head link[rel=stylesheet]").attr("data-chrome-version"));
            assertTrue(reloading.chrome().problems().isEmpty());

            ChromeSite.replace(file, INVALID_CONFIG);
            List<ConfigProblem> problems = await(() -> reloading.chrome().problems(), list -> !list.isEmpty(), "problems");
            assertEquals(1, problems.size(), problems.toString());
            ConfigProblem problem = problems.get(0);
            assertEquals(INVALID_LINE, problem.line());
            assertTrue(problem.column() > 0);
            assertTrue(problem.toString().matches(Pattern.quote(file.toString()) + ":" + INVALID_LINE + ":\\d+: header\\.nav\\[1\\]\\.href: .+"),
                problem.toString());
            Document kept = app.page("/page");
            assertEquals("Offers", navLabel(kept));
            assertEquals(v2, version(kept));

            ChromeSite.replace(file, CONFIG.replace("en: Products", "en: Fixed"));
            String v3 = Chrome.load(file).version();
            Document third = await(() -> app.page("/page"), page -> navLabel(page).equals("Fixed"), "the fixed file");
            assertEquals(v3, version(third));
            await(() -> reloading.chrome().problems(), List::isEmpty, "problems to clear");
        }
    }

    @Test
    void invalidFileAtStartServesTheBundledConfigurationUntilItIsFixed(@TempDir Path dir) throws Exception {
        Path file = ChromeSite.write(dir.resolve("chrome.yaml"), INVALID_CONFIG);
        ChromeFilter reloading = new ChromeFilter(settings(file).build());
        try (EmbeddedContainer other = newContainer()) {
            SiteClient app = new SiteClient(other.start(ChromeSite.app(reloading)));
            Document bundled = app.page("/page");
            assertEquals(Chrome.loadResource(ChromeFilter.class, ChromeSettings.BUNDLED_CONFIG).version(), version(bundled));
            assertEquals("My site", bundled.selectFirst(".chrome-brand__name").text());
            List<ConfigProblem> problems = reloading.chrome().problems();
            assertEquals(1, problems.size(), problems.toString());
            assertEquals(INVALID_LINE, problems.get(0).line());
            assertEquals(404, app.get("/.well-known/gpc.json").statusCode(), "the bundled configuration sells nothing");

            ChromeSite.replace(file, CONFIG);
            Document fixed = await(() -> app.page("/page"),
                page -> page.selectFirst(".chrome-brand__name").text().equals("Contoso"), "the fixed file");
            assertEquals(Chrome.load(file).version(), version(fixed));
            assertEquals("Products", navLabel(fixed));
            assertEquals(200, app.get("/.well-known/gpc.json").statusCode());
        }
    }

    // ---------------------------------------------------------------- 6. passthrough, errors, HEAD

    @Test
    void jsonPassesThroughByteForByte() throws Exception {
        HttpResponse<byte[]> response = site.get("/api/data");
        assertEquals(200, response.statusCode());
        assertArrayEquals(ChromeSite.JSON_BODY, response.body());
        assertTrue(header(response, "content-type").startsWith("application/json"));
        assertEquals(Integer.toString(ChromeSite.JSON_BODY.length), header(response, "content-length"));
    }

    @Test
    void errorPagesAreDecoratedOnTheErrorDispatch() throws Exception {
        assertDecoratedErrorPage(site, "/no-such-page?q=1");
    }

    @Test
    void errorRaisedBeforeTheChromeRanIsDecoratedForThePageAskedFor() throws Exception {
        assertDecoratedErrorPage(site, "/guarded/area?q=1");
    }

    @Test
    void headReportsTheDecoratedLengthWithoutABody() throws Exception {
        HttpResponse<byte[]> get = site.get("/page");
        assertTrue(get.body().length > PAGE.getBytes(UTF_8).length + 1000, "decorated");
        HttpResponse<byte[]> head = site.head("/page");
        assertEquals(200, head.statusCode());
        assertEquals(0, head.body().length);
        assertEquals(Integer.toString(get.body().length), header(head, "content-length"));
        assertEquals(header(get, "content-type"), header(head, "content-type"));
    }

    // ---------------------------------------------------------------- helpers

    private void assertDecoratedErrorPage(SiteClient app, String path) throws Exception {
        HttpResponse<byte[]> response = app.get(path);
        assertEquals(404, response.statusCode());
        assertLengthMatchesBody(response);
        Document page = org.jsoup.Jsoup.parse(text(response));
        assertEquals("Page not found", page.selectFirst("h1").text());
        assertEquals(1, page.select("header.chrome-header").size());
        assertEquals(1, page.select("footer.chrome-footer").size());
        assertEquals(1, page.select("head link[rel=stylesheet]").size());
        assertEquals("/chrome/locale/de?return=" + encode(path),
            page.selectFirst("footer .chrome-locales a[hreflang=de]").attr("href"), "links return to the page asked for");
    }

    private Map<String, String> probe(String path, String... headers) throws Exception {
        return probe(site, path, headers);
    }

    private static Map<String, String> probe(SiteClient app, String path, String... headers) throws Exception {
        HttpResponse<byte[]> response = app.get(path, headers);
        assertEquals(200, response.statusCode());
        assertTrue(header(response, "content-type").startsWith("text/plain"));
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : text(response).split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) values.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return values;
    }

    private String cookieName() {
        return chrome().config().cookies().cookieName();
    }

    private ConsentState decode(String value) {
        ConsentState state = chrome().consentCookie().decode(value, Instant.now());
        assertTrue(state.recorded(), "the cookie decodes: " + value);
        return state;
    }

    private String consentCookie(Set<String> accepted) {
        return chrome().consentCookie().encode(chrome().consentCookie().newChoice(accepted, Instant.now()));
    }

    private void assertOneChoice(int before, ConsentState state, boolean gpc) {
        assertEquals(before + 1, choices.size(), choices.toString());
        List<ConsentListener.Choice> recorded = choices.stream().filter(c -> c.consentId().equals(state.id())).toList();
        assertEquals(1, recorded.size(), recorded.toString());
        ConsentListener.Choice choice = recorded.get(0);
        assertEquals(state.accepted(), choice.accepted());
        assertEquals(state.revision(), choice.revision());
        assertEquals(state.time(), choice.time());
        assertEquals(gpc, choice.gpc());
    }

    private static void assertSwitches(Document page, boolean analytics, boolean advertising) {
        Element necessary = page.selectFirst("#chrome-consent-necessary");
        assertTrue(necessary.hasAttr("checked") && necessary.hasAttr("disabled"));
        assertEquals(analytics, page.selectFirst("#chrome-consent-analytics").hasAttr("checked"), "analytics switch");
        assertEquals(advertising, page.selectFirst("#chrome-consent-advertising").hasAttr("checked"), "advertising switch");
    }

    private static void assertLocale(Document page, String expected) {
        Element header = page.selectFirst("header.chrome-header");
        assertNotNull(header, page.toString());
        assertEquals(expected, header.attr("lang"));
        assertEquals(expected.equals("ar") ? "rtl" : "ltr", header.attr("dir"));
        String label = Map.of("en", "Products", "de", "Produkte", "ar", "المنتجات").get(expected);
        assertEquals(label, navLabel(page));
    }

    private static String navLabel(Document page) {
        return page.selectFirst("header .chrome-nav__link").text();
    }

    private static String version(Document page) {
        return page.selectFirst("header.chrome-header").attr("data-chrome-version");
    }

    private static String describe(Element element) {
        String[] classes = element.className().split(" ");
        return element.tagName() + (classes[0].isEmpty() ? "" : "." + classes[0]);
    }

    private static Set<String> fieldNames(JsonNode json) {
        Set<String> names = new HashSet<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private URI location(HttpResponse<?> response) {
        String location = header(response, "location");
        assertNotNull(location, "no Location");
        return response.uri().resolve(location);
    }

    private static void assertLengthMatchesBody(HttpResponse<byte[]> response) {
        String length = header(response, "content-length");
        if (length != null) {
            assertEquals(Long.toString(response.body().length), length);
        }
    }

    /** Polls {@code probe} until {@code done} holds, for at most {@link #RELOAD_TIMEOUT}. */
    static <T> T await(Callable<T> probe, Predicate<T> done, String what) throws Exception {
        long deadline = System.nanoTime() + RELOAD_TIMEOUT.toNanos();
        while (true) {
            T value = probe.call();
            if (done.test(value)) return value;
            if (System.nanoTime() > deadline) fail("timed out waiting for " + what + "; last: " + value);
            Thread.sleep(25);
        }
    }
}
