package io.sitechrome.servlet;

import static io.sitechrome.servlet.ChromeSite.CONFIG;
import static io.sitechrome.servlet.ChromeSite.PAGE;
import static io.sitechrome.servlet.SiteClient.header;
import static io.sitechrome.servlet.SiteClient.text;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A plain servlet application's own locale ({@code response.setLocale}) is the chrome's language:
 * the nearest site locale to it wins over the chrome's cookie and Accept-Language (the request
 * attribute still wins over it), when it is set before the page's layout is decided; and
 * {@code Content-Language} names the language the chrome rendered. Subclasses choose the container.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AppLocaleContractTest {

    private static final Map<String, String> PRODUCTS = Map.of("en", "Products", "de", "Produkte", "ar", "المنتجات");

    private EmbeddedContainer container;
    private SiteClient site;

    abstract EmbeddedContainer newContainer();

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        Path config = ChromeSite.write(dir.resolve("chrome.yaml"), CONFIG);
        ChromeFilter filter = new ChromeFilter(ChromeSettings.builder().config(config).build());
        container = newContainer();
        site = new SiteClient(container.start(new EmbeddedContainer.WebApp()
            .filter("site-chrome", filter, "/*")
            .servlet("writer", TestServlets.get(AppLocaleContractTest::writerPage), "/writer")
            .servlet("stream", TestServlets.get(AppLocaleContractTest::streamPage), "/stream")
            .servlet("probe", TestServlets.get(AppLocaleContractTest::probe), "/probe")));
    }

    @AfterAll
    void stop() throws Exception {
        container.close();
    }

    /**
     * A page from the writer; {@code set} is the locale the app sets, {@code when}: {@code first}
     * (before any output), {@code before-body} (after the head), {@code after-flush} (after a
     * flush inside the body) or {@code late} (after 70 KB of body in a 1 MB buffer, so the layout
     * is decided but nothing is committed). {@code app-locale} sets the request attribute.
     */
    private static void writerPage(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (req.getParameter("app-locale") != null) req.setAttribute(ChromeAttributes.LOCALE, req.getParameter("app-locale"));
        Locale locale = req.getParameter("set") == null ? null : Locale.forLanguageTag(req.getParameter("set"));
        String when = req.getParameter("when") == null ? "first" : req.getParameter("when");
        if (when.equals("late")) resp.setBufferSize(1 << 20);
        if (locale != null && when.equals("first")) resp.setLocale(locale);
        resp.setContentType("text/html;charset=UTF-8");
        int body = PAGE.indexOf("<body");
        int main = PAGE.indexOf("<main");
        resp.getWriter().write(PAGE, 0, body);
        if (locale != null && when.equals("before-body")) resp.setLocale(locale);
        resp.getWriter().write(PAGE, body, main - body);
        if (when.equals("after-flush")) {
            resp.flushBuffer();
            resp.setLocale(locale);
        }
        if (when.equals("late")) {
            resp.getWriter().write("<p>" + "filler ".repeat(10_000) + "</p>");
            resp.setLocale(locale);
        }
        resp.getWriter().write(PAGE.substring(main));
    }

    /** The page from the output stream, the locale set first. */
    private static void streamPage(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setLocale(Locale.forLanguageTag(req.getParameter("set")));
        resp.setContentType("text/html;charset=UTF-8");
        resp.getOutputStream().write(PAGE.getBytes(UTF_8));
    }

    /** What {@link ChromeContext#locale()} says after the app set {@code set}. */
    private static void probe(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setLocale(Locale.forLanguageTag(req.getParameter("set")));
        resp.setContentType("text/plain;charset=UTF-8");
        resp.getWriter().write(ChromeContext.of(req).locale().tag());
    }

    @ParameterizedTest(name = "{0} with cookie {1}, Accept-Language {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "/writer?set=de          | -  | -  | de | de",
        "/writer?set=de-AT       | ar | en | de | de-AT",
        "/writer?set=ar&when=before-body | de | de | ar | ar",
        "/stream?set=de-CH       | ar | ar | de | de-CH",
        "/writer?set=ja          | ar | de | ar | 'ja, ar'",
        "/writer?set=ja          | -  | -  | en | 'ja, en'",
        "/writer?set=de&app-locale=ar | - | - | ar | 'de, ar'",
    })
    void theAppsLocaleComesAfterTheAttributeAndBeforeTheCookieAndAcceptLanguage(
            String path, String cookie, String acceptLanguage, String chrome, String contentLanguage) throws Exception {
        HttpResponse<byte[]> response = get(path, cookie, acceptLanguage);
        Document page = Jsoup.parse(text(response));
        assertChromeLocale(page, chrome);
        assertEquals(contentLanguage, header(response, "Content-Language"), "Content-Language agrees with the chrome");
    }

    @Test
    void withoutTheAppsLocaleTheCookieDecidesAndNoContentLanguageIsAdded() throws Exception {
        HttpResponse<byte[]> response = get("/writer", "ar", "de");
        assertChromeLocale(Jsoup.parse(text(response)), "ar");
        assertNull(header(response, "Content-Language"));
    }

    @Test
    void theContextReportsTheLocaleTheAppSet() throws Exception {
        assertEquals("de", text(get("/probe?set=de-AT", "ar", "en")));
        assertEquals("ar", text(get("/probe?set=fr", "ar", "en")), "no site locale near fr: the cookie decides");
    }

    @Test
    void aLocaleSetAfterTheChromeWentOutChangesNothingOfIt() throws Exception {
        HttpResponse<byte[]> response = get("/writer?set=de&when=after-flush", null, "ar");
        assertChromeLocale(Jsoup.parse(text(response)), "ar");
        assertNull(header(response, "Content-Language"), "the response was committed before the app set it");
    }

    @Test
    void aLocaleSetAfterTheLayoutIsDecidedKeepsTheChromesLanguageAndTheHeaderNamesBoth() throws Exception {
        HttpResponse<byte[]> response = get("/writer?set=de&when=late", null, "ar");
        assertChromeLocale(Jsoup.parse(text(response)), "ar");
        assertEquals("de, ar", header(response, "Content-Language"));
    }

    private HttpResponse<byte[]> get(String path, String cookie, String acceptLanguage) throws Exception {
        String[] headers = cookie == null && acceptLanguage == null ? new String[0]
            : cookie == null ? new String[] {"Accept-Language", acceptLanguage}
            : acceptLanguage == null ? new String[] {"Cookie", "chrome_locale=" + cookie}
            : new String[] {"Cookie", "chrome_locale=" + cookie, "Accept-Language", acceptLanguage};
        HttpResponse<byte[]> response = site.get(path, headers);
        assertEquals(200, response.statusCode(), () -> text(response));
        return response;
    }

    /** Header and footer both speak {@code expected}: the page never mixes two chrome languages. */
    private static void assertChromeLocale(Document page, String expected) {
        Element header = page.selectFirst("header.chrome-header");
        assertNotNull(header, page.toString());
        assertEquals(expected, header.attr("lang"));
        assertEquals(PRODUCTS.get(expected), header.selectFirst(".chrome-nav__link").text());
        Element footer = page.selectFirst("footer.chrome-footer");
        assertNotNull(footer, page.toString());
        assertEquals(expected, footer.attr("lang"));
    }
}
