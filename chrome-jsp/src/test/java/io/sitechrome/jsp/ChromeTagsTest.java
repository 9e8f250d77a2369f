package io.sitechrome.jsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitechrome.render.Chrome;
import io.sitechrome.render.LiveChrome;
import io.sitechrome.servlet.ChromeFilter;
import io.sitechrome.servlet.ChromeSettings;
import io.sitechrome.servlet.TemplateChrome;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.scan.StandardJarScanner;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tag library in real JSPs compiled by Jasper on Tomcat 11, over HTTP: under
 * {@code /decorated} with {@link ChromeFilter} (the tags write placeholders the filter fills), under
 * {@code /rendered} without it (the tags render through a published {@link TemplateChrome}).
 * Tomcat finds {@code META-INF/chrome.tld} on the class path, as it does in a jar in WEB-INF/lib.
 */
@Timeout(120)
class ChromeTagsTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

    @TempDir
    static Path dir;
    private static Tomcat tomcat;
    private static LiveChrome chrome;
    private static URI base;

    @BeforeAll
    static void start() throws Exception {
        Path config = dir.resolve("chrome.yaml");
        try (InputStream in = ChromeTagsTest.class.getResourceAsStream("/chrome.yaml")) {
            Files.copy(in, config);
        }
        ChromeSettings settings = ChromeSettings.builder().config(config).build();
        chrome = LiveChrome.fixed(Chrome.load(config));

        tomcat = new Tomcat();
        tomcat.setBaseDir(dir.resolve("tomcat").toString());
        tomcat.setPort(0);
        Context decorated = webapp("/decorated");
        decorated.addServletContainerInitializer((classes, context) -> {
            FilterRegistration.Dynamic filter = context.addFilter("site-chrome", new ChromeFilter(chrome, settings));
            filter.setAsyncSupported(true);
            filter.addMappingForUrlPatterns(EnumSet.allOf(DispatcherType.class), false, "/*");
        }, null);
        Context rendered = webapp("/rendered");
        rendered.addServletContainerInitializer((classes, context) -> new TemplateChrome(chrome, settings).publish(context), null);
        tomcat.start();
        base = URI.create("http://localhost:" + tomcat.getConnector().getLocalPort() + "/");
    }

    private static Context webapp(String path) throws URISyntaxException {
        String docBase = Path.of(ChromeTagsTest.class.getResource("/webapp").toURI()).toString();
        Context context = tomcat.addWebapp(path, docBase);
        StandardJarScanner scanner = new StandardJarScanner();
        scanner.setScanAllDirectories(true);
        context.setJarScanner(scanner);
        return context;
    }

    @AfterAll
    static void stop() throws Exception {
        if (tomcat != null) {
            tomcat.stop();
            tomcat.destroy();
        }
        if (chrome != null) chrome.close();
    }

    @Test
    void withTheFilterEachComponentIsThereOnceWhereTheJspPutIt() throws Exception {
        assertComponentsInPlace(get("decorated/page.jsp", null, null));
    }

    @Test
    void withoutTheFilterTheTagsRenderEachComponentOnceWhereTheJspPutIt() throws Exception {
        assertComponentsInPlace(get("rendered/page.jsp", null, null));
    }

    @Test
    void noChromeTagIsLeftInTheOutput() throws Exception {
        for (String path : new String[] {"decorated/page.jsp", "rendered/page.jsp"}) {
            String html = get(path, null, null).body();
            assertFalse(html.contains("chrome:"), path + " still has chrome: syntax:\n" + html);
        }
    }

    @Test
    void allowsWritesItsBodyOnlyOnceTheVisitorAcceptsTheCategory() throws Exception {
        for (String path : new String[] {"decorated/page.jsp", "rendered/page.jsp"}) {
            Document before = Jsoup.parse(get(path, null, null).body());
            assertNull(before.getElementById("tracked"), path + ": analytics content shown before consent");
            assertNotNull(before.getElementById("required"), path + ": required category content hidden");
        }
        String consent = acceptAll();
        for (String path : new String[] {"decorated/page.jsp", "rendered/page.jsp"}) {
            Document after = Jsoup.parse(get(path, consent, null).body());
            assertNotNull(after.getElementById("tracked"), path + ": analytics content hidden after accept all");
        }
    }

    @Test
    void componentsFollowTheVisitorsLocale() throws Exception {
        for (String path : new String[] {"decorated/page.jsp", "rendered/page.jsp"}) {
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
        assertNotNull(page.selectFirst("#top > header.chrome-header"), "the header is not where the JSP put it");
        assertNotNull(page.selectFirst("#bottom > footer.chrome-footer"), "the footer is not where the JSP put it");
        assertNotNull(page.selectFirst("head > link[rel=stylesheet][href*=/chrome/assets/]"));
    }

    /** Accepts every category through the filter's consent endpoint; returns the Cookie header value to send. */
    private static String acceptAll() throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(base.resolve("decorated/chrome/consent"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("choice=accept-all&return=/")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, response.statusCode());
        String setCookie = response.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("chrome_consent=")).findFirst().orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private static HttpResponse<String> get(String path, String cookie, String acceptLanguage) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET();
        if (cookie != null) request.header("Cookie", cookie);
        if (acceptLanguage != null) request.header("Accept-Language", acceptLanguage);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
