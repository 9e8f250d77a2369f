package io.sitechrome.servlet;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitechrome.render.Visitor;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ESI mode ({@link ChromeSettings.Builder#esi(boolean)}): which components become includes, and
 * that a page assembled from its includes, each fetched from the fragment endpoint as an edge
 * cache would (same request headers, no cookies), is byte for byte the page rendered inline.
 * The same check through a real Varnish is in the Spring Boot example's tests.
 */
class EdgeIncludesTest {

    private static final String CONFIG = """
        site:
          name: Contoso
          url: https://www.contoso.example/
          locales:
            - { tag: en, name: English }
            - { tag: de, name: Deutsch }
            - { tag: ar, name: عربي }
        brand:
          name: { text: Contoso, href: / }
        header:
          nav:
            - { label: { en: Products, de: Produkte }, href: /products }
            - { label: Help, href: /help }
          chat: { label: Chat, href: /chat }
        account:
          signIn: { label: { en: Sign in, de: Anmelden }, href: "/login?return={returnUrl}" }
          menu:
            - { label: My account, href: /account }
        banners:
          - { id: us-only, severity: info, title: US notice, text: Only in the United States., countries: [US] }
          - { id: notice, severity: warning, title: Maintenance, text: Upgrading tonight., dismissible: true }
          - { id: calls, title: Limited emergency calling, text: Not a telephone., placement: footer }
          - { id: survey, title: Survey, text: Tell us., placement: footer, dismissible: true, exceptCountries: [FR] }
        footer:
          links:
            - { label: Privacy, href: /privacy }
            - { label: Your Privacy Choices, href: /choices, countries: [US] }
            - { label: Manage cookies, action: manage-cookies }
          copyright: "© Contoso {year}"
        cookies:
          mode: opt-in
          modeByCountry: { US: opt-out }
          saleOrSharing: [advertising]
          categories:
            - { id: necessary, label: Necessary, description: Needed., required: true }
            - { id: analytics, label: Analytics, description: Statistics. }
            - { id: advertising, label: Advertising, description: Ads. }
          scripts:
            - { category: analytics, src: "https://cdn.contoso.example/analytics.js" }
        """;

    private static final Pattern INCLUDE = Pattern.compile("<esi:include src=\"([^\"]*)\" onerror=\"continue\"/>");
    private static final String ESI = "varnish=\"ESI/1.0\"";

    private static Server server;
    private static URI base;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("chrome.yaml"), CONFIG);
        ChromeSettings settings = ChromeSettings.builder()
                .config(config)
                .countryHeader("CF-IPCountry")
                .esi(true)
                .visitors(request -> request.getHeader("X-User") == null ? null
                        : Visitor.of(request.getHeader("X-User"), null, 2))
                .build();
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setPort(0);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        FilterHolder filter = new FilterHolder(new ChromeFilter(settings));
        filter.setAsyncSupported(true);
        context.addFilter(filter, "/*", EnumSet.allOf(DispatcherType.class));
        context.addServlet(new ServletHolder(new PageServlet()), "/");
        server.setHandler(context);
        server.start();
        base = URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) server.stop();
    }

    /** A plain page; {@code /placeholders} places the header itself; {@code X-Nonce} becomes the CSP nonce. */
    static final class PageServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            if (request.getHeader("X-Nonce") != null) request.setAttribute(ChromeAttributes.NONCE, request.getHeader("X-Nonce"));
            response.setContentType("text/html; charset=utf-8");
            String header = request.getRequestURI().equals("/placeholders") ? "<div class=\"top\"><!--chrome:header--></div>\n" : "";
            response.getWriter().write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Page</title>\n</head>\n<body>\n"
                    + header + "<main id=\"main\"><h1>Hello</h1></main>\n</body>\n</html>\n");
        }
    }

    @Test
    void withoutTheCapabilityEverythingIsInline() throws Exception {
        HttpResponse<String> page = get("/", Map.of());
        assertEquals(200, page.statusCode());
        assertFalse(page.body().contains("<esi:"), page.body());
        assertTrue(page.headers().firstValue("Surrogate-Control").isEmpty());
        assertTrue(page.body().contains("<header class=\"chrome-header\""));
    }

    @Test
    void sharedComponentsBecomeIncludesAndPerVisitorPartsStayInline() throws Exception {
        HttpResponse<String> page = get("/legal?x=1&y=2", Map.of("Surrogate-Capability", ESI, "CF-IPCountry", "us",
                "Accept-Language", "de"));
        assertEquals("content=\"ESI/1.0\"", page.headers().firstValue("Surrogate-Control").orElse(null));
        List<String> sources = includes(page.body());
        assertEquals(List.of(
                "/chrome/fragments/head",
                "/chrome/fragments/skip-link?locale=de",
                "/chrome/fragments/banners?locale=de&country=US&path=%2Flegal%3Fx%3D1%26y%3D2",
                "/chrome/fragments/header?locale=de&path=%2Flegal%3Fx%3D1%26y%3D2",
                "/chrome/fragments/footer?locale=de&country=US&gpc=0&path=%2Flegal%3Fx%3D1%26y%3D2"), sources);
        assertTrue(page.body().contains("<esi:include src=\"/chrome/fragments/header?locale=de&amp;path="), "attribute escaped");
        assertAll(
                () -> assertTrue(page.body().contains("chrome-cookie"), "the cookie banner is inline"),
                () -> assertTrue(page.body().contains("<script src=\"/chrome/assets/"), "the scripts are inline"),
                () -> assertFalse(page.body().contains("<header class=\"chrome-header\""), "the header is an include"));
    }

    @Test
    void signedInVisitorsGetTheirHeaderInlineAndDismissalsKeepBannersInline() throws Exception {
        HttpResponse<String> page = get("/", Map.of("Surrogate-Capability", ESI, "X-User", "Ada",
                "Cookie", "chrome_dismissed=notice"));
        List<String> sources = includes(page.body());
        assertTrue(sources.stream().noneMatch(s -> s.contains("/header") || s.contains("/banners")), sources.toString());
        assertTrue(page.body().contains("Ada"), "account menu inline");
    }

    @Test
    void placeholdersGetTheIncludeToo() throws Exception {
        HttpResponse<String> page = get("/placeholders", Map.of("Surrogate-Capability", ESI));
        assertTrue(page.body().contains("<div class=\"top\"><esi:include src=\"/chrome/fragments/header?locale=en&amp;path=%2Fplaceholders\""),
                page.body());
    }

    /** Every visitor's page, assembled from its includes, is the page the app renders inline for them. */
    @Test
    void assembledPagesEqualInlinePages() throws Exception {
        String consent = consentCookies("reject-all");
        List<Map<String, String>> visitors = List.of(
                Map.of(),
                Map.of("Accept-Language", "de-DE,de;q=0.9"),
                Map.of("Accept-Language", "ar", "CF-IPCountry", "US"),
                Map.of("CF-IPCountry", "FR", "Sec-GPC", "1"),
                Map.of("CF-IPCountry", "US", "Sec-GPC", "1", "Cookie", consent),
                Map.of("Cookie", consent + "; chrome_locale=de"),
                Map.of("X-User", "Ada <admin>", "CF-IPCountry", "DE"),
                Map.of("Cookie", "chrome_dismissed=notice", "CF-IPCountry", "US"),
                Map.of("Cookie", "chrome_dismissed=survey", "CF-IPCountry", "US"),
                Map.of("CF-IPCountry", "xx1", "X-Nonce", "r4nd0mN0nce"));
        for (String path : List.of("/", "/help", "/products?q=a%20b&sort=%3Cup%3E", "/placeholders")) {
            for (Map<String, String> visitor : visitors) {
                String inline = get(path, visitor).body();
                Map<String, String> viaCache = new LinkedHashMap<>(visitor);
                viaCache.put("Surrogate-Capability", ESI);
                String template = get(path, viaCache).body();
                assertFalse(includes(template).isEmpty());
                assertEquals(inline, assemble(template, visitor), path + " for " + visitor);
            }
        }
    }

    @Test
    void fragmentsAreCacheableWithStrongETagsAndVaryOnlyOnWhatTheUrlDoesNotName() throws Exception {
        HttpResponse<String> named = get("/chrome/fragments/footer?locale=de&country=US&gpc=1&path=%2F", Map.of("Sec-GPC", "1"));
        assertEquals(200, named.statusCode());
        assertEquals("public, max-age=300", named.headers().firstValue("Cache-Control").orElse(null));
        assertEquals("Accept-Encoding", named.headers().firstValue("Vary").orElse(null));
        String etag = named.headers().firstValue("ETag").orElse("");
        assertTrue(etag.matches("\"[^\"]+\""), "strong ETag: " + etag);
        HttpResponse<String> again = get("/chrome/fragments/footer?locale=de&country=US&gpc=1&path=%2F", Map.of("If-None-Match", etag));
        assertEquals(304, again.statusCode());

        HttpResponse<String> fromHeaders = get("/chrome/fragments/footer?locale=de", Map.of("CF-IPCountry", "US", "Sec-GPC", "1"));
        assertEquals("Accept-Encoding, Sec-GPC, CF-IPCountry", fromHeaders.headers().firstValue("Vary").orElse(null));
        HttpResponse<String> otherCountry = get("/chrome/fragments/footer?locale=de&country=FR&gpc=1&path=%2F", Map.of());
        assertTrue(named.body().contains("Your Privacy Choices"));
        assertFalse(otherCountry.body().contains("Your Privacy Choices"));
    }

    private static String assemble(String template, Map<String, String> visitor) throws Exception {
        Map<String, String> headers = new LinkedHashMap<>(visitor);
        headers.remove("Cookie");
        Matcher include = INCLUDE.matcher(template);
        StringBuilder page = new StringBuilder();
        while (include.find()) {
            HttpResponse<String> fragment = get(include.group(1).replace("&amp;", "&"), headers);
            assertEquals(200, fragment.statusCode(), include.group(1));
            include.appendReplacement(page, Matcher.quoteReplacement(fragment.body()));
        }
        return include.appendTail(page).toString();
    }

    private static List<String> includes(String page) {
        List<String> sources = new ArrayList<>();
        Matcher include = INCLUDE.matcher(page);
        while (include.find()) sources.add(include.group(1).replace("&amp;", "&"));
        return sources;
    }

    /** The cookies a visitor has after recording {@code choice}. */
    private static String consentCookies(String choice) throws Exception {
        HttpResponse<String> saved = HTTP.send(HttpRequest.newBuilder(base.resolve("/chrome/consent"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("choice=" + choice)).build(), HttpResponse.BodyHandlers.ofString(UTF_8));
        assertEquals(200, saved.statusCode(), saved.body());
        List<String> cookies = new ArrayList<>();
        for (String setCookie : saved.headers().allValues("Set-Cookie")) {
            String pair = setCookie.split(";", 2)[0];
            if (!pair.endsWith("=")) cookies.add(pair);
        }
        assertNotNull(cookies.isEmpty() ? null : cookies);
        return String.join("; ", cookies);
    }

    private static HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Accept", "text/html");
        headers.forEach(request::header);
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(UTF_8));
        assertNull(response.headers().firstValue("Content-Encoding").orElse(null));
        return response;
    }
}
