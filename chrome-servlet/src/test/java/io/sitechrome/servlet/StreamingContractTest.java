package io.sitechrome.servlet;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitechrome.config.ConfigException;
import io.sitechrome.internal.config.ConfigLoader;
import io.sitechrome.render.Chrome;
import io.sitechrome.render.ChromeRequest;
import io.sitechrome.render.Component;
import io.sitechrome.render.LiveChrome;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Streaming decoration with the real chrome (issue 17, issue 12 items 7 and 8), over HTTP on each
 * container: a page that flushes its head reaches the browser with the chrome's head part while
 * the application still works; placeholders are honoured once; pages in charsets other than
 * UTF-8 get the characters their charset lacks as references, ESI or not.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StreamingContractTest {

    static final String HEAD = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Progressive</title></head>\n<body class=\"p\">\n";
    static final String LATIN1_PAGE = "<!DOCTYPE html>\n<html><head><title>Café</title></head>\n<body>\n<main><p>Crème brûlée, ¿sí?</p></main>\n</body>\n</html>\n";
    static final String SJIS_PAGE = "<!DOCTYPE html>\n<html><head><title>日本語のページ</title></head>\n<body>\n<main><p>こんにちは、世界</p></main>\n</body>\n</html>\n";

    /** Text of every UTF-8 length, a surrogate pair cut between two writes and an unpaired surrogate. */
    static final String WRITER_TEXT = "Gr\u00fc\u00dfe \u2192 \uD83D\uDE00 \uD83C\uDF89 lone \uDC00 end";

    private final CountDownLatch release = new CountDownLatch(1);

    private EmbeddedContainer container;
    private SiteClient site;
    private Chrome chrome;

    abstract EmbeddedContainer newContainer();

    @BeforeAll
    void start() throws Exception {
        chrome = chrome();
        ChromeFilter filter = new ChromeFilter(LiveChrome.fixed(chrome), ChromeSettings.builder().esi(true).build());
        container = newContainer();
        site = new SiteClient(container.start(new EmbeddedContainer.WebApp()
            .filter("site-chrome", filter, "/*")
            .servlet("progressive", TestServlets.any((request, response) -> {
                response.setContentType("text/html;charset=UTF-8");
                PrintWriter out = response.getWriter();
                out.write(HEAD);
                out.flush();
                if (!release.await(60, TimeUnit.SECONDS)) throw new IllegalStateException("never released");
                out.write("<main><p>The slow part</p></main>\n</body>\n</html>\n");
            }), "/progressive")
            .servlet("footers", TestServlets.any((request, response) -> {
                response.setContentType("text/html;charset=UTF-8");
                PrintWriter out = response.getWriter();
                out.write("<!DOCTYPE html><html><head><title>Footers</title></head><body><main>x</main>");
                for (int i = 0; i < 10_000; i++) out.write("<div><!--chrome:footer--></div>");
                out.write("</body></html>");
            }), "/footers")
            .servlet("charset", TestServlets.any((request, response) -> {
                Charset charset = Charset.forName(request.getParameter("charset"));
                String page = charset.equals(ISO_8859_1) ? LATIN1_PAGE : SJIS_PAGE;
                response.setContentType("text/html;charset=" + charset.name());
                if ("stream".equals(request.getParameter("via"))) {
                    ServletOutputStream out = response.getOutputStream();
                    byte[] bytes = page.getBytes(charset);
                    out.write(bytes, 0, 40);
                    out.write(bytes, 40, bytes.length - 40);
                } else {
                    response.getWriter().write(page);
                }
            }), "/charset")
            .servlet("writer", TestServlets.any((request, response) -> {
                response.setContentType(request.getParameter("type"));
                if (request.getParameter("off") != null) response.setHeader("X-Chrome", "off");
                PrintWriter out = response.getWriter();
                // the charset is fixed once the writer is taken, and the stream is refused
                response.setContentType("text/html;charset=ISO-8859-1");
                response.setCharacterEncoding("ISO-8859-1");
                String refused;
                try {
                    response.getOutputStream();
                    refused = "stream given";
                } catch (IllegalStateException e) {
                    refused = "stream refused";
                }
                out.write("<!DOCTYPE html><html><head><title>Writer</title></head><body><main><p id=\"text\">");
                out.write(WRITER_TEXT, 0, 9);
                out.write(WRITER_TEXT.toCharArray(), 9, WRITER_TEXT.length() - 9);
                out.print("</p><p id=\"refused\">" + refused + "</p></main></body></html>");
            }), "/writer")));
    }

    @AfterAll
    void stop() throws Exception {
        release.countDown();
        container.close();
    }

    static Chrome chrome() throws ConfigException {
        return Chrome.of(ConfigLoader.parse("chrome.yaml", ChromeSite.CONFIG.getBytes(UTF_8), Path.of(".")));
    }

    @Test
    void aPageThatFlushesItsHeadArrivesWithTheChromeBeforeTheApplicationFinishes() throws Exception {
        String head = chrome.forRequest(ChromeRequest.builder().path("/progressive").build()).render(Component.HEAD);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(site.uri("/progressive")).build(),
            HttpResponse.BodyHandlers.ofInputStream());
        String expectedStart = HEAD.substring(0, HEAD.indexOf("</head>")) + head + "</head>";
        String arrived = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> readUntil(response.body(), "<body class=\"p\">"));
        assertTrue(arrived.startsWith(expectedStart), arrived);
        assertEquals(1, release.getCount(), "the application is still working");
        release.countDown();
        String rest = new String(response.body().readAllBytes(), UTF_8);
        Document page = Jsoup.parse(arrived + rest);
        assertEquals("The slow part", page.select("main p").text());
        assertEquals(1, page.select("footer.chrome-footer").size());
        assertEquals("#main", page.select("a.chrome-skip-link").attr("href"));
        assertEquals(1, page.select("#main").size(), "the skip link lands");
        assertEquals("div", page.selectFirst("header.chrome-header + #main").tagName(),
            "the page flushed before its <main>: the target follows the inserted header");
    }

    @Test
    void tenThousandFooterPlaceholdersGetOneFooter() throws Exception {
        HttpResponse<byte[]> response = site.get("/footers");
        String body = new String(response.body(), UTF_8);
        assertEquals(200, response.statusCode());
        assertEquals(1, Jsoup.parse(body).select("footer.chrome-footer").size());
        assertEquals(9_999, body.split("<!--chrome:footer-->", -1).length - 1);
        assertTrue(response.body().length < 400_000, "the page did not multiply: " + response.body().length);
    }

    @ParameterizedTest(name = "{0} via {1}")
    @CsvSource({"ISO-8859-1, writer", "ISO-8859-1, stream", "Shift_JIS, writer", "Shift_JIS, stream"})
    void charactersTheCharsetLacksBecomeReferences(String charsetName, String via) throws Exception {
        Charset charset = Charset.forName(charsetName);
        String original = charset.equals(ISO_8859_1) ? LATIN1_PAGE : SJIS_PAGE;
        for (String[] headers : new String[][] {{"Accept-Language", "ar"}, {"Accept-Language", "ar", "Surrogate-Capability", "varnish=\"ESI/1.0\""}}) {
            HttpResponse<byte[]> response = site.get("/charset?charset=" + charsetName + "&via=" + via, headers);
            assertEquals(200, response.statusCode());
            String body = new String(response.body(), charset);
            assertFalse(body.contains("?" + "?"), "no character became a question mark: " + body);
            assertFalse(body.contains("<esi:include"), "a page in " + charsetName + " gets its chrome inline");
            assertTrue(response.headers().firstValue("Surrogate-Control").isEmpty());
            Document page = Jsoup.parse(body);
            assertEquals("المنتجات", page.select("header.chrome-header nav a").first().text());
            assertEquals(Jsoup.parse(original).select("main").text(), page.select("main").text());
            assertEquals(Jsoup.parse(original).title(), page.title());
        }
    }

    /**
     * A UTF-8 page written to the writer is encoded by the filter and sent through the container's
     * stream: the response has the headers and the bytes the container's own writer gives the same
     * page undecorated ({@code X-Chrome: off}), a later charset cannot change them, and the stream
     * is refused once the writer is taken, as the specification has it.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"text/html;charset=UTF-8", "text/html; charset=utf-8", "text/html;charset=utf-8;level=1"})
    void aPageWrittenToTheWriterKeepsTheContainersHeadersAndBytes(String type) throws Exception {
        String query = "/writer?type=" + java.net.URLEncoder.encode(type, UTF_8);
        HttpResponse<byte[]> decorated = site.get(query);
        HttpResponse<byte[]> plain = site.get(query + "&off=1");
        assertEquals(200, decorated.statusCode());
        assertEquals(SiteClient.header(plain, "Content-Type"), SiteClient.header(decorated, "Content-Type"));
        Document page = Jsoup.parse(new String(decorated.body(), UTF_8));
        Document original = Jsoup.parse(new String(plain.body(), UTF_8));
        assertEquals(1, page.select("footer.chrome-footer").size(), "decorated");
        assertEquals(0, original.select("footer.chrome-footer").size(), "not decorated");
        assertEquals(original.select("#text").text(), page.select("#text").text());
        assertEquals(WRITER_TEXT.substring(0, WRITER_TEXT.indexOf('\uDC00')), page.select("#text").text().substring(0, WRITER_TEXT.indexOf('\uDC00')));
        assertEquals("stream refused", page.select("#refused").text());
        assertEquals("stream refused", original.select("#refused").text());
    }

    private static String readUntil(InputStream in, String end) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] buffer = new byte[256];
        while (!read.toString(UTF_8).contains(end)) {
            int n = in.read(buffer);
            if (n < 0) break;
            read.write(buffer, 0, n);
        }
        return read.toString(UTF_8);
    }
}
