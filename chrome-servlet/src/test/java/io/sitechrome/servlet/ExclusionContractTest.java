package io.sitechrome.servlet;

import static io.sitechrome.servlet.ChromeSite.CONFIG;
import static io.sitechrome.servlet.ChromeSite.PAGE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitechrome.internal.servlet.DecoratingResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pages the chrome leaves alone: by path ({@code site-chrome.exclude}), by the request attribute
 * {@link ChromeAttributes#DECORATE} and by the response header {@code X-Chrome: off}. The same
 * application runs twice, with the filter and without it; a page left alone must be the same
 * bytes from both. Subclasses choose the container.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ExclusionContractTest {

    private EmbeddedContainer decorated;
    private EmbeddedContainer plain;
    private RawHttp withFilter;
    private RawHttp withoutFilter;

    abstract EmbeddedContainer newContainer();

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        Path config = ChromeSite.write(dir.resolve("chrome.yaml"), CONFIG);
        ChromeFilter filter = new ChromeFilter(ChromeSettings.from(Map.of(
            "site-chrome.config", config.toString(),
            "site-chrome.exclude", " /admin/** , *.print.html, *.css")::get));
        decorated = newContainer();
        withFilter = new RawHttp(decorated.start(app().filter("site-chrome", filter, "/*")));
        plain = newContainer();
        withoutFilter = new RawHttp(plain.start(app()));
    }

    @AfterAll
    void stop() throws Exception {
        try (EmbeddedContainer a = decorated; EmbeddedContainer b = plain) {
            // both closed
        }
    }

    /**
     * The application: a page on {@code /}, an admin console, a print view, and pages that opt out
     * themselves. Each admin page says whether it was handed the filter's response wrapper.
     */
    private static EmbeddedContainer.WebApp app() {
        return ChromeSite.servlets(new EmbeddedContainer.WebApp())
            .filter("early-opt-out", (req, resp, chain) -> {
                req.setAttribute(ChromeAttributes.DECORATE, "false");
                chain.doFilter(req, resp);
            }, "/opt-out/early")
            .servlet("early", TestServlets.get((req, resp) -> {
                resp.setHeader("X-Wrapped", String.valueOf(resp instanceof DecoratingResponse));
                html(resp, PAGE);
            }), "/opt-out/early")
            .servlet("home", TestServlets.get((req, resp) -> html(resp, PAGE)), "")
            .servlet("admin", TestServlets.get((req, resp) -> {
                resp.setHeader("X-Wrapped", String.valueOf(resp instanceof DecoratingResponse));
                byte[] body = PAGE.getBytes(UTF_8);
                resp.setContentType("text/html;charset=UTF-8");
                resp.setContentLength(body.length);
                resp.getOutputStream().write(body);
            }), "/admin/*")
            .servlet("print", TestServlets.get((req, resp) -> html(resp, PAGE)), "/report.print.html")
            .servlet("header-first", TestServlets.get((req, resp) -> {
                resp.setHeader("X-Chrome", "off");
                html(resp, PAGE);
            }), "/opt-out/header-first")
            .servlet("header-midway", TestServlets.get((req, resp) -> {
                resp.setContentType("text/html;charset=UTF-8");
                int head = PAGE.indexOf("</head>");
                resp.getWriter().write(PAGE, 0, head);
                resp.addHeader("x-chrome", "OFF");
                resp.getWriter().write(PAGE.substring(head));
            }), "/opt-out/header-midway")
            .servlet("attribute", TestServlets.get((req, resp) -> {
                req.setAttribute(ChromeAttributes.DECORATE, Boolean.FALSE);
                html(resp, PAGE);
            }), "/opt-out/attribute")
            .servlet("header-on", TestServlets.get((req, resp) -> {
                resp.setHeader("X-Chrome", "on");
                html(resp, PAGE);
            }), "/opt-out/header-on");
    }

    private static void html(jakarta.servlet.http.HttpServletResponse resp, String page) throws java.io.IOException {
        resp.setContentType("text/html;charset=UTF-8");
        resp.getWriter().write(page);
    }

    @Test
    void homePageIsDecorated() throws Exception {
        RawHttp.Response home = withFilter.get("/");
        assertEquals(200, home.status());
        Document page = Jsoup.parse(home.text());
        assertNotNull(page.selectFirst("header.chrome-header"), home.text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/admin/", "/admin", "/admin/users/7", "/admin/;jsessionid=abc123", "/admin/users;jsessionid=abc123",
        "/report.print.html", "/opt-out/header-first", "/opt-out/header-midway", "/opt-out/attribute", "/opt-out/early"})
    void leftAlonePagesAreTheBytesOfTheAppWithoutTheFilter(String path) throws Exception {
        RawHttp.Response alone = withFilter.get(path);
        RawHttp.Response reference = withoutFilter.get(path);
        assertEquals(reference.status(), alone.status(), alone.toString());
        assertEquals(headers(reference), headers(alone));
        assertArrayEquals(reference.body(), alone.body(), alone.text());
        assertTrue(alone.status() != 200 || alone.text().equals(PAGE), alone.text());
        assertNull(alone.header("X-Chrome"), "the opt-out header is never sent");
    }

    @Test
    void excludedAndEarlyOptedOutRequestsAreNotWrappedAtAll() throws Exception {
        assertEquals("false", withFilter.get("/admin/").header("X-Wrapped"));
        assertEquals("false", withFilter.get("/admin/users;jsessionid=abc123").header("X-Wrapped"));
        assertEquals("false", withFilter.get("/opt-out/early").header("X-Wrapped"), "the attribute set before the filter ran");
    }

    @Test
    void otherXChromeValuesAreNotSentAndDoNotOptOut() throws Exception {
        RawHttp.Response on = withFilter.get("/opt-out/header-on");
        assertNull(on.header("X-Chrome"));
        assertNotNull(Jsoup.parse(on.text()).selectFirst("header.chrome-header"), on.text());
    }

    @Test
    void endpointsStayAnsweredUnderAnExcludedPattern() throws Exception {
        String stylesheet = Jsoup.parse(withFilter.get("/").text()).selectFirst("head link[rel=stylesheet]").attr("href");
        assertTrue(stylesheet.endsWith(".css"), stylesheet);
        RawHttp.Response css = withFilter.get(stylesheet);
        assertEquals(200, css.status(), css.toString());
        assertTrue(css.header("Content-Type").startsWith("text/css"), css.toString());
        assertNotEquals(200, withoutFilter.get(stylesheet).status());
    }

    /**
     * The response's headers as sent, in order, without the ones that differ between two runs and
     * without the opt-out header, which the filter takes out.
     */
    private static List<String> headers(RawHttp.Response response) {
        return response.headers().stream()
            .filter(h -> !h.name().equalsIgnoreCase("Date") && !h.name().equalsIgnoreCase(DecoratingResponse.OPT_OUT_HEADER))
            .map(h -> h.name().toLowerCase(Locale.ROOT) + ": " + h.value())
            .toList();
    }
}
