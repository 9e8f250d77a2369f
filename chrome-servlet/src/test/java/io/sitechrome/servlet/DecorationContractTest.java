package io.sitechrome.servlet;

import static io.sitechrome.servlet.DecorationScenarios.BIG_PAGE;
import static io.sitechrome.servlet.DecorationScenarios.HEAD;
import static io.sitechrome.servlet.DecorationScenarios.INCLUDED;
import static io.sitechrome.servlet.DecorationScenarios.INCLUDE_AFTER;
import static io.sitechrome.servlet.DecorationScenarios.INCLUDE_BEFORE;
import static io.sitechrome.servlet.DecorationScenarios.ISO_PAGE;
import static io.sitechrome.servlet.DecorationScenarios.PLACEHOLDER_PAGE;
import static io.sitechrome.servlet.DecorationScenarios.SLOT;
import static io.sitechrome.servlet.DecorationScenarios.START;
import static io.sitechrome.servlet.DecorationScenarios.TARGET_PAGE;
import static io.sitechrome.servlet.DecorationScenarios.TRICKY_DECORATED;
import static io.sitechrome.servlet.DecorationScenarios.TRICKY_PAGE;
import static io.sitechrome.servlet.DecorationScenarios.UTF8_PAGE;
import static io.sitechrome.servlet.DecorationScenarios.decorated;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The response decoration contract, over real HTTP against a real container. Subclasses choose
 * the container. {@code /d/} paths are decorated, {@code /p/} paths are the same servlets without
 * the filter (see {@link DecorationScenarios}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DecorationContractTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private EmbeddedContainer container;
    private URI base;
    private HttpClient client;

    abstract EmbeddedContainer newContainer();

    /** The charset the container's {@code getWriter()} uses for {@code text/html} when the app sets none. */
    abstract Charset writerDefaultCharset();

    @BeforeAll
    void start() throws Exception {
        container = newContainer();
        base = container.start(DecorationScenarios.app());
        client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(TIMEOUT)
            .build();
    }

    @AfterAll
    void stop() throws Exception {
        container.close();
    }

    @Test
    void writerPageIsByteExactExceptForTheInsertions() throws Exception {
        assertDecorated("/d/writer-utf8", UTF8_PAGE, UTF_8);
        assertArrayEquals(UTF8_PAGE.getBytes(UTF_8), get("/p/writer-utf8").body());
    }

    @Test
    void streamPageIsByteExactExceptForTheInsertions() throws Exception {
        assertDecorated("/d/stream-utf8", UTF8_PAGE, UTF_8);
    }

    @Test
    void byteBufferWritesAreHeldLikeAnyOtherWrite() throws Exception {
        assertDecorated("/d/bytebuffer", UTF8_PAGE, UTF_8);
        assertArrayEquals(UTF8_PAGE.getBytes(UTF_8), get("/p/bytebuffer").body());
    }

    @Test
    void writerWithoutCharsetKeepsTheContainerDefault() throws Exception {
        HttpResponse<byte[]> plain = get("/p/writer-default-charset");
        Charset charset = charsetOf(plain);
        assertEquals(writerDefaultCharset(), charset, "container default for getWriter()");
        assertArrayEquals(ISO_PAGE.getBytes(charset), plain.body());

        HttpResponse<byte[]> response = assertDecorated("/d/writer-default-charset", ISO_PAGE, charset);
        assertEquals(header(plain, "content-type"), header(response, "content-type"));
    }

    @Test
    void isoStreamPageIsByteExactExceptForTheInsertions() throws Exception {
        assertDecorated("/d/stream-iso", ISO_PAGE, ISO_8859_1);
    }

    @Test
    void streamPageWithoutDeclaredCharsetIsDecoratedWhenItIsUtf8() throws Exception {
        assertDecorated("/d/stream-undeclared-utf8", UTF8_PAGE, UTF_8);
    }

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource({"json, 200", "image, 200", "nobody, 200", "status500, 500", "status-after-writing, 503",
        "late-type, 200", "redirect, 302", "reset?then=json, 200", "stream-undeclared-latin1, 200"})
    void undecoratedResponsesPassThroughByteForByte(String scenario, int status) throws Exception {
        assertEquals(status, assertSameAsWithoutFilter(scenario).statusCode());
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void servlet61RedirectOverloadsStopHolding(boolean clearBuffer) throws Exception {
        String scenario = "redirect-61?clear=" + clearBuffer;
        Assumptions.assumeTrue(get("/p/" + scenario).statusCode() != 501, "container implements Servlet 6.0");
        assertEquals(303, assertSameAsWithoutFilter(scenario).statusCode());
    }

    @Test
    void gzipEncodedHtmlPassesThroughUntouched() throws Exception {
        HttpResponse<byte[]> response = assertSameAsWithoutFilter("gzip");
        assertEquals(200, response.statusCode());
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            assertEquals(UTF8_PAGE, new String(in.readAllBytes(), UTF_8));
        }
    }

    @Test
    void notModifiedPassesThrough() throws Exception {
        HttpResponse<byte[]> response = assertSameAsWithoutFilter("etag", "If-None-Match", "\"v1\"");
        assertEquals(304, response.statusCode());
        assertEquals(0, response.body().length);
    }

    @Test
    void headReportsTheLengthOfTheDecoratedPage() throws Exception {
        HttpResponse<byte[]> get = assertDecorated("/d/head-length", UTF8_PAGE, UTF_8);
        HttpResponse<byte[]> head = send(request("/d/head-length").method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, head.statusCode());
        assertEquals(0, head.body().length);
        assertEquals(Long.toString(get.body().length), header(head, "content-length"));
        HttpResponse<byte[]> plainHead = send(request("/p/head-length").method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertEquals(Integer.toString(UTF8_PAGE.getBytes(UTF_8).length), header(plainHead, "content-length"));
    }

    @Test
    void htmlErrorPageIsDecoratedOnTheErrorDispatch() throws Exception {
        HttpResponse<byte[]> response = get("/d/missing");
        assertEquals(404, response.statusCode());
        String page = "<html><head><title>Error</title></head><body><h1>Error 404</h1></body></html>";
        assertEquals(decorated(page), new String(response.body(), UTF_8));
        assertLengthMatchesBody(response);
    }

    @Test
    void errorPageIsLeftAloneWhenErrorPageDecorationIsOff() throws Exception {
        HttpResponse<byte[]> response = get("/d/forbidden");
        assertEquals(403, response.statusCode());
        assertEquals("<html><head><title>Error</title></head><body><h1>Error 403</h1></body></html>",
            new String(response.body(), UTF_8));
    }

    @Test
    void containerErrorPageIsNotDecoratedAndHeldOutputIsDropped() throws Exception {
        HttpResponse<byte[]> response = get("/d/gone");
        assertEquals(410, response.statusCode());
        String body = new String(response.body(), UTF_8);
        assertFalse(body.contains(START), body);
        assertFalse(body.contains("partial"), body);
    }

    @Test
    void exceptionAfterWritingLeavesErrorHandlingToTheContainer() throws Exception {
        HttpResponse<byte[]> response = get("/d/exception");
        assertEquals(500, response.statusCode());
        assertFalse(new String(response.body(), UTF_8).contains(START));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/d/async-writer", "/d/async-stream", "/d/async-dispatch", "/d/async-timeout",
        "/d/async-inline"})
    void asyncPageIsDecoratedWhenTheAsyncCycleCompletes(String path) throws Exception {
        assertDecorated(path, UTF8_PAGE, UTF_8);
    }

    @Test
    void resetDiscardsTheHeldPageAndDecidesAfresh() throws Exception {
        assertDecorated("/d/reset?then=html", UTF8_PAGE, UTF_8);
    }

    @Test
    void forwardedPageIsDecoratedOnce() throws Exception {
        assertDecorated("/d/forward", TARGET_PAGE, UTF_8);
    }

    @Test
    void pageWithIncludeIsDecoratedOnce() throws Exception {
        assertDecorated("/d/include", INCLUDE_BEFORE + INCLUDED + INCLUDE_AFTER, UTF_8);
    }

    @Test
    void includedResourceIsNeverDecoratedOnItsOwn() throws Exception {
        HttpResponse<byte[]> response = get("/p/include-page");
        assertEquals(200, response.statusCode());
        assertEquals(TARGET_PAGE, new String(response.body(), UTF_8));
    }

    static Stream<Arguments> contentLengthVariants() {
        return Stream.of("setContentLength", "setContentLengthLong", "setHeader", "addHeader", "setIntHeader",
                "addIntHeader")
            .flatMap(how -> Stream.of("writer", "stream")
                .flatMap(via -> Stream.of("before", "after").map(when -> Arguments.of(how, via, when))));
    }

    @ParameterizedTest(name = "{0} via {1}, {2} taking the output")
    @MethodSource("contentLengthVariants")
    void applicationContentLengthIsReplacedByTheDecoratedLength(String how, String via, String when) throws Exception {
        HttpResponse<byte[]> response =
            assertDecorated("/d/length?how=" + how + "&via=" + via + "&when=" + when, UTF8_PAGE, UTF_8);
        assertEquals(Long.toString(response.body().length), header(response, "content-length"));
    }

    @Test
    void flushBufferMidPageDoesNotCommitTheHeldPage() throws Exception {
        assertDecorated("/d/flush", UTF8_PAGE, UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"writer", "stream"})
    void pageOverTheBufferLimitArrivesCompleteAndUndecorated(String via) throws Exception {
        HttpResponse<byte[]> response = get("/s/big?via=" + via);
        assertEquals(200, response.statusCode());
        assertArrayEquals(BIG_PAGE.getBytes(UTF_8), response.body());
        assertEquals(header(get("/p/big?via=" + via), "content-type"), header(response, "content-type"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"writer", "stream"})
    void largePageUnderTheLimitIsDecorated(String via) throws Exception {
        assertDecorated("/d/big?via=" + via, BIG_PAGE, UTF_8);
    }

    @Test
    void endTagsInCommentsScriptsAndAttributesAreNotInsertionPoints() throws Exception {
        HttpResponse<byte[]> response = get("/d/tricky");
        assertEquals(TRICKY_DECORATED, new String(response.body(), UTF_8));
        assertLengthMatchesBody(response);
        assertArrayEquals(TRICKY_PAGE.getBytes(UTF_8), get("/p/tricky").body());
    }

    @Test
    void contentTypeResetToNullFirstIsIgnored() throws Exception {
        assertDecorated("/d/null-type-first", UTF8_PAGE, UTF_8);
    }

    @Test
    void placeholdersAreFilled() throws Exception {
        String expected = decorated(PLACEHOLDER_PAGE).replace("<!--chrome:slot-->", SLOT);
        assertEquals(expected, new String(get("/d/placeholder").body(), UTF_8));
    }

    private HttpResponse<byte[]> assertDecorated(String path, String page, Charset charset) throws Exception {
        HttpResponse<byte[]> response = get(path);
        assertEquals(200, response.statusCode(), () -> path + ": " + new String(response.body(), charset));
        assertArrayEquals(decorated(page).getBytes(charset), response.body(), path);
        assertEquals(1, occurrences(new String(response.body(), charset), START), path);
        assertLengthMatchesBody(response);
        return response;
    }

    private HttpResponse<byte[]> assertSameAsWithoutFilter(String scenario, String... headers) throws Exception {
        HttpResponse<byte[]> plain = get("/p/" + scenario, headers);
        HttpResponse<byte[]> filtered = get("/d/" + scenario, headers);
        assertEquals(plain.statusCode(), filtered.statusCode(), scenario);
        assertEquals(comparableHeaders(plain), comparableHeaders(filtered), scenario);
        assertArrayEquals(plain.body(), filtered.body(), scenario);
        assertFalse(new String(filtered.body(), ISO_8859_1).contains(START), scenario);
        return filtered;
    }

    private static void assertLengthMatchesBody(HttpResponse<byte[]> response) {
        String length = header(response, "content-length");
        if (length != null) {
            assertEquals(Long.toString(response.body().length), length);
        }
    }

    private static Map<String, List<String>> comparableHeaders(HttpResponse<?> response) {
        Map<String, List<String>> headers = new TreeMap<>();
        response.headers().map().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("date")) {
                headers.put(name.toLowerCase(Locale.ROOT), values);
            }
        });
        return headers;
    }

    private static Charset charsetOf(HttpResponse<?> response) {
        String type = header(response, "content-type");
        int at = type.toLowerCase(Locale.ROOT).indexOf("charset=");
        assertNotEquals(-1, at, "no charset in " + type);
        return Charset.forName(type.substring(at + "charset=".length()).trim());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder builder = request(path).GET();
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path.substring(1))).timeout(TIMEOUT);
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
