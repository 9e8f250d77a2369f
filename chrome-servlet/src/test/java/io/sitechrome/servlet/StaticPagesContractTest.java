package io.sitechrome.servlet;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Static pages served by the container's own {@code DefaultServlet}, with its validators and range
 * support, behind the filter (issue 12, item 1). The chrome carries a version that a test can
 * change, standing for a consent change or a configuration edit: a decorated page must never be
 * revalidated or ranged against the file's bytes, while files that are not decorated keep their
 * validators, 304s and ranges.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StaticPagesContractTest {

    static final String PAGE = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Static</title></head>\n"
        + "<body>\n<main><p>A static page, Grüße 日本</p></main>\n</body>\n</html>\n";
    static final String STYLE = "body { color: #333 }\n";
    static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private final AtomicInteger version = new AtomicInteger(1);
    private Path root;
    private SiteClient site;

    /** Starts the container serving {@code root} with its DefaultServlet at {@code /} and the filter on {@code /*}. */
    abstract URI start(Path root, ChromeFilter filter) throws Exception;

    abstract void stop() throws Exception;

    @BeforeAll
    void startContainer() throws Exception {
        root = Files.createTempDirectory("static-pages");
        Files.writeString(root.resolve("page.html"), PAGE, UTF_8);
        Files.writeString(root.resolve("style.css"), STYLE, UTF_8);
        Instant modified = Instant.parse("2024-01-02T03:04:05Z");
        Files.setLastModifiedTime(root.resolve("page.html"), FileTime.from(modified));
        Files.setLastModifiedTime(root.resolve("style.css"), FileTime.from(modified));
        site = new SiteClient(start(root, new ChromeFilter(request -> TestDecorators.versioned(version.get()))));
    }

    @AfterAll
    void stopContainer() throws Exception {
        stop();
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void aDecoratedPageCarriesNoValidatorsNorRangesAndIsPrivate() throws Exception {
        HttpResponse<byte[]> response = site.get("/page.html", "Accept", BROWSER_ACCEPT);
        assertEquals(200, response.statusCode());
        assertEquals(TestDecorators.decorated(PAGE, version.get()), new String(response.body(), UTF_8), response.headers().map().toString());
        assertNull(header(response, "etag"));
        assertNull(header(response, "last-modified"));
        assertNull(header(response, "accept-ranges"));
        assertEquals("private, no-cache", header(response, "cache-control"));
    }

    @Test
    void revalidationAfterTheChromeChangedGetsTheNewChrome() throws Exception {
        String since = DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.parse("2024-06-01T00:00:00Z").atOffset(ZoneOffset.UTC));
        assertEquals(304, site.get("/style.css", "If-Modified-Since", since).statusCode(), "the container answers 304s");
        site.get("/page.html", "Accept", BROWSER_ACCEPT);
        int changed = version.incrementAndGet();
        for (String[] condition : new String[][] {{"If-Modified-Since", since}, {"If-None-Match", "*"}}) {
            HttpResponse<byte[]> response = site.get("/page.html", "Accept", BROWSER_ACCEPT, condition[0], condition[1]);
            assertEquals(200, response.statusCode(), condition[0]);
            assertEquals(TestDecorators.decorated(PAGE, changed), new String(response.body(), UTF_8), condition[0]);
        }
    }

    @Test
    void aRangeNeverGetsTheFilesBytes() throws Exception {
        assertEquals(206, site.get("/style.css", "Range", "bytes=0-3").statusCode(), "the container serves ranges");
        for (String[] range : new String[][] {{"Range", "bytes=0-60"}, {"If-Range", "\"x\""}}) {
            HttpResponse<byte[]> response = site.get("/page.html", "Accept", BROWSER_ACCEPT, "Range", "bytes=0-60", range[0], range[1]);
            assertEquals(200, response.statusCode(), range[0]);
            assertNull(header(response, "content-range"));
            assertEquals(TestDecorators.decorated(PAGE, version.get()), new String(response.body(), UTF_8));
        }
    }

    @Test
    void undecoratedFilesKeepTheirValidatorsAnd304s() throws Exception {
        HttpResponse<byte[]> style = site.get("/style.css", "Accept", "text/css,*/*;q=0.1");
        assertEquals(200, style.statusCode());
        assertArrayEquals(STYLE.getBytes(UTF_8), style.body());
        String etag = header(style, "etag");
        assertNotNull(etag);
        assertNotNull(header(style, "last-modified"));
        assertEquals(304, site.get("/style.css", "Accept", "text/css,*/*;q=0.1", "If-None-Match", etag).statusCode());
        HttpResponse<byte[]> range = site.get("/style.css", "Accept", "text/css,*/*;q=0.1", "Range", "bytes=0-3");
        assertEquals(206, range.statusCode());
        assertEquals("body", new String(range.body(), UTF_8));
    }

    @Test
    void aNonBrowserRevalidationOfAPageIsTheApplicationsToAnswer() throws Exception {
        String since = DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.parse("2024-06-01T00:00:00Z").atOffset(ZoneOffset.UTC));
        HttpResponse<byte[]> response = site.get("/page.html", "If-Modified-Since", since);
        assertEquals(304, response.statusCode(), "without Accept: text/html, a client's own validator reaches the application");
        assertFalse(new String(response.body(), UTF_8).contains("chrome"));
        assertTrue(response.body().length == 0);
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }
}
