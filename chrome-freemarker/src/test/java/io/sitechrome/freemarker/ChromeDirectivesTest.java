package io.sitechrome.freemarker;

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
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The directives on FreeMarker 2.3's Jakarta {@code FreemarkerServlet} in Jetty 12, over HTTP: under
 * {@code /decorated} with {@link ChromeFilter} (the directives write placeholders the filter fills),
 * under {@code /rendered} without it (they render through a published {@link TemplateChrome}).
 */
@Timeout(60)
class ChromeDirectivesTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

    @TempDir
    static Path dir;
    private static Server server;
    private static LiveChrome chrome;
    private static URI base;

    @BeforeAll
    static void start() throws Exception {
        Path config = dir.resolve("chrome.yaml");
        try (InputStream in = ChromeDirectivesTest.class.getResourceAsStream("/chrome.yaml")) {
            Files.copy(in, config);
        }
        ChromeSettings settings = ChromeSettings.builder().config(config).build();
        chrome = LiveChrome.fixed(Chrome.load(config));

        ServletContextHandler decorated = new ServletContextHandler("/decorated");
        decorated.addServlet(pageServlet(), "*.ftlh");
        decorated.addFilter(new FilterHolder(new ChromeFilter(chrome, settings)), "/*", EnumSet.allOf(DispatcherType.class));

        ServletContextHandler rendered = new ServletContextHandler("/rendered");
        rendered.addServlet(pageServlet(), "*.ftlh");
        rendered.addEventListener(new jakarta.servlet.ServletContextListener() {
            @Override
            public void contextInitialized(jakarta.servlet.ServletContextEvent event) {
                new TemplateChrome(chrome, settings).publish(event.getServletContext());
            }
        });

        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Sequence(decorated, rendered));
        server.start();
        base = URI.create("http://localhost:" + connector.getLocalPort() + "/");
    }

    private static ServletHolder pageServlet() {
        ServletHolder holder = new ServletHolder(PageServlet.class);
        holder.setInitParameter("TemplatePath", "classpath:templates");
        return holder;
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) server.stop();
        if (chrome != null) chrome.close();
    }

    @Test
    void withTheFilterEachComponentIsThereOnceWhereTheTemplatePutIt() throws Exception {
        assertComponentsInPlace(get("decorated/page.ftlh", null, null));
    }

    @Test
    void withoutTheFilterTheDirectivesRenderEachComponentOnceWhereTheTemplatePutIt() throws Exception {
        assertComponentsInPlace(get("rendered/page.ftlh", null, null));
    }

    @Test
    void noChromeSyntaxIsLeftInTheOutput() throws Exception {
        for (String path : new String[] {"decorated/page.ftlh", "rendered/page.ftlh"}) {
            String html = get(path, null, null).body();
            assertFalse(html.contains("chrome:"), path + " still has chrome: syntax:\n" + html);
        }
    }

    @Test
    void allowsHidesContentUntilTheVisitorAcceptsTheCategory() throws Exception {
        for (String path : new String[] {"decorated/page.ftlh", "rendered/page.ftlh"}) {
            Document before = Jsoup.parse(get(path, null, null).body());
            assertNull(before.getElementById("tracked"), path + ": analytics content shown before consent");
            assertNotNull(before.getElementById("required"), path + ": required category content hidden");
        }
        String consent = acceptAll();
        for (String path : new String[] {"decorated/page.ftlh", "rendered/page.ftlh"}) {
            Document after = Jsoup.parse(get(path, consent, null).body());
            assertEquals("Analytics is on.", after.getElementById("tracked").text(), path);
        }
    }

    @Test
    void componentsFollowTheVisitorsLocale() throws Exception {
        for (String path : new String[] {"decorated/page.ftlh", "rendered/page.ftlh"}) {
            Document page = Jsoup.parse(get(path, null, "de").body());
            assertEquals("de", page.selectFirst("header.chrome-header").attr("lang"), path);
            assertTrue(page.selectFirst("header.chrome-header").text().contains("Startseite"), path);
        }
    }

    private static void assertComponentsInPlace(HttpResponse<String> response) {
        assertEquals(200, response.statusCode());
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
