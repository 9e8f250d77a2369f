package io.sitechrome.servlet;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitechrome.internal.servlet.HtmlScanner;
import io.sitechrome.internal.servlet.PageDecorator;
import jakarta.servlet.ServletOutputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Generated pages (see {@link FuzzedPages}), decorated by a decorator that inserts unique markers.
 * In process, {@link HtmlScanner} (fed the page whole and in pieces) and the decorating response
 * must agree with a slow reference tokenizer ({@link ReferenceHtmlScanner}) on every page. Through a real container
 * (Jetty, one for all cases), each page, written through the writer or the stream in chunks of
 * random sizes, must come out either decorated exactly once where the reference says, with every
 * original byte intact outside the insertion points, or byte for byte unchanged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DecoratorFuzzTest {

    private static final long SEED = 20240615L;
    private static final int IN_PROCESS_CASES = 10_000;
    private static final int CONTAINER_CASES = 1_200;
    private static final Pattern MARKER = Pattern.compile("\\[\\[FZ-[HSEP]-\\d+]]");

    /** How the servlet sends a page. */
    record Delivery(boolean writer, Charset charset, boolean declared, long chunkSeed, int maxChunk, boolean contentLength) {
    }

    record Case(int id, String page, Delivery delivery) {
    }

    private final Map<Integer, Case> cases = new ConcurrentHashMap<>();
    private EmbeddedContainer container;
    private URI base;
    private HttpClient client;

    @BeforeAll
    void start() throws Exception {
        ChromeFilter filter = new ChromeFilter(request -> {
            int id = Integer.parseInt(request.getParameter("case"));
            return markers(id);
        }, true, 0);
        container = EmbeddedContainer.jetty();
        base = container.start(new EmbeddedContainer.WebApp()
                .filter("fuzz-chrome", filter, "/*")
                .servlet("fuzz", TestServlets.get((request, response) -> send(cases.get(Integer.parseInt(request.getParameter("case"))), response)), "/fuzz"));
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    @AfterAll
    void stop() throws Exception {
        container.close();
    }

    @Test
    void theInsertionScannerAndSplicerAgreeWithTheReferenceTokenizerOnTenThousandPages() {
        List<String> failures = new ArrayList<>();
        int withBody = 0;
        int withPlaceholders = 0;
        for (int id = 0; id < IN_PROCESS_CASES; id++) {
            Random random = new Random(SEED + id);
            String page = FuzzedPages.page(random, random.nextInt(4) == 0, random.nextInt(4000));
            ReferenceHtmlScanner.Result reference = ReferenceHtmlScanner.scan(page);
            ScannedPage points = ScannedPage.scan(page);
            String difference = difference(reference, points);
            String viaBuilder = difference(reference, ScannedPage.scan(page, random));
            String decorated = TestDecorators.decorate(page, markers(id), random.nextBoolean() ? random : null);
            String expected = expected(id, page, reference);
            if (difference != null || viaBuilder != null) {
                failures.add(id + ": " + (difference != null ? difference : "in pieces: " + viaBuilder) + "\n" + excerpt(page, reference, points));
            } else if (!java.util.Objects.equals(expected, decorated)) {
                failures.add(id + ": spliced differently at " + firstDifference(expected, decorated));
            } else if (decorated != null && !MARKER.matcher(decorated).replaceAll("").equals(page)) {
                failures.add(id + ": removing the markers does not give back the page");
            }
            if (reference.hasBody()) withBody++;
            if (!reference.placeholders().isEmpty()) withPlaceholders++;
        }
        System.out.printf("DecoratorFuzzTest: %d pages in process, %d with a body, %d with placeholders%n",
                IN_PROCESS_CASES, withBody, withPlaceholders);
        assertEquals(List.of(), failures.subList(0, Math.min(5, failures.size())), failures.size() + " of " + IN_PROCESS_CASES + " pages differ");
        assertTrue(withBody > IN_PROCESS_CASES / 2 && withBody < IN_PROCESS_CASES * 19 / 20, "a mix of pages with and without a body: " + withBody);
        assertTrue(withPlaceholders > IN_PROCESS_CASES / 10, "pages with placeholders: " + withPlaceholders);
    }

    @Test
    void everyPageThroughTheContainerIsDecoratedExactlyOnceOrLeftByteForByteAlone() throws Exception {
        List<Case> all = new ArrayList<>();
        for (int id = 0; id < CONTAINER_CASES; id++) {
            Random random = new Random(SEED * 31 + id);
            boolean writer = random.nextBoolean();
            int encoding = random.nextInt(4);
            Charset charset = encoding == 0 ? ISO_8859_1 : UTF_8;
            boolean declared = writer || encoding != 3;
            String page = FuzzedPages.page(random, charset == ISO_8859_1, random.nextInt(random.nextInt(10) == 0 ? 60_000 : 6_000));
            all.add(new Case(id, page, new Delivery(writer, charset, declared, random.nextLong(), 1 + random.nextInt(random.nextBoolean() ? 16 : 4096),
                    !writer && random.nextInt(3) == 0)));
        }
        int[] hugeSizes = {2_500_000, 3_500_000, 5_000_000, 5_000_000};
        boolean[] hugeWriters = {true, false, false, true};
        for (int i = 0; i < hugeSizes.length; i++) {
            Random random = new Random(SEED * 17 + i);
            int id = CONTAINER_CASES + i;
            all.add(new Case(id, FuzzedPages.page(random, false, hugeSizes[i]),
                    new Delivery(hugeWriters[i], UTF_8, true, random.nextLong(), 65_536, !hugeWriters[i])));
        }
        all.forEach(c -> cases.put(c.id(), c));

        List<String> failures = new ArrayList<>();
        int decorated = 0;
        int unchanged = 0;
        for (Case c : all) {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(base.resolve("/fuzz?case=" + c.id())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            byte[] original = c.page().getBytes(c.delivery().charset());
            String expectedText = expected(c.id(), c.page(), ReferenceHtmlScanner.scan(c.page()));
            byte[] expected = expectedText == null ? original : expectedText.getBytes(c.delivery().charset());
            if (response.statusCode() != 200) {
                failures.add(c.id() + ": status " + response.statusCode());
            } else if (!Arrays.equals(expected, response.body())) {
                failures.add(c.id() + " (" + c.delivery() + ", " + original.length + " bytes): expected it "
                        + (expectedText == null ? "unchanged" : "decorated") + ", differs at byte " + Arrays.mismatch(expected, response.body()));
            } else if (expectedText != null) {
                String body = new String(response.body(), c.delivery().charset());
                String stripped = MARKER.matcher(body).replaceAll("");
                if (!stripped.equals(c.page())) failures.add(c.id() + " (" + c.delivery() + "): the original is not intact around the markers: " + firstDifference(c.page(), stripped));
                for (String kind : List.of("H", "S", "E")) {
                    if (body.split(Pattern.quote("[[FZ-" + kind + "-" + c.id() + "]]"), -1).length != 2) failures.add(c.id() + ": not exactly one " + kind);
                }
                decorated++;
            } else {
                unchanged++;
            }
            cases.remove(c.id());
        }
        System.out.printf("DecoratorFuzzTest: %d pages through Jetty (%d of them over 2 MB), %d decorated, %d unchanged%n",
                all.size(), hugeSizes.length, decorated, unchanged);
        assertEquals(List.of(), failures.subList(0, Math.min(10, failures.size())), failures.size() + " of " + all.size() + " responses are wrong");
        assertTrue(decorated > all.size() / 2 && unchanged > 20, decorated + " decorated, " + unchanged + " unchanged");
    }

    /** The fuzz decorator: a marker at each insertion point, and before each placeholder, which it keeps. */
    static PageDecorator markers(int id) {
        return TestDecorators.markers("[[FZ-H-" + id + "]]", "[[FZ-S-" + id + "]]", "[[FZ-E-" + id + "]]",
            name -> "[[FZ-P-" + id + "]]<!--chrome:" + name + "-->");
    }

    /** What {@link #markers} should make of {@code page} according to the reference tokenizer; null for no body. */
    static String expected(int id, String page, ReferenceHtmlScanner.Result reference) {
        if (!reference.hasBody()) return null;
        record Edit(int from, int to, String text) {
        }
        List<Edit> edits = new ArrayList<>();
        edits.add(new Edit(reference.headEnd() >= 0 ? reference.headEnd() : reference.bodyTagStart(), -1, "[[FZ-H-" + id + "]]"));
        edits.add(new Edit(reference.bodyStart(), -1, "[[FZ-S-" + id + "]]"));
        edits.add(new Edit(reference.bodyEnd() >= 0 ? reference.bodyEnd() : page.length(), -1, "[[FZ-E-" + id + "]]"));
        for (ReferenceHtmlScanner.Placeholder placeholder : reference.placeholders()) {
            edits.add(new Edit(placeholder.start(), placeholder.end(), "[[FZ-P-" + id + "]]" + page.substring(placeholder.start(), placeholder.end())));
        }
        edits.sort((a, b) -> Integer.compare(a.from(), b.from()));
        StringBuilder out = new StringBuilder();
        int copied = 0;
        for (Edit edit : edits) {
            out.append(page, copied, edit.from()).append(edit.text());
            copied = edit.to() < 0 ? edit.from() : edit.to();
        }
        return out.append(page, copied, page.length()).toString();
    }

    private static void send(Case c, jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        Delivery delivery = c.delivery();
        response.setContentType(delivery.declared() ? "text/html; charset=" + delivery.charset().name() : "text/html");
        Random chunks = new Random(delivery.chunkSeed());
        String page = c.page();
        if (delivery.writer()) {
            PrintWriter out = response.getWriter();
            for (int at = 0; at < page.length(); ) {
                int end = Math.min(page.length(), at + 1 + chunks.nextInt(delivery.maxChunk()));
                switch (chunks.nextInt(5)) {
                    case 0 -> out.write(page, at, end - at);
                    case 1 -> out.write(page.substring(at, end).toCharArray());
                    case 2 -> out.print(page.substring(at, end));
                    case 3 -> out.append(page, at, end);
                    default -> {
                        for (int i = at; i < end; i++) out.write(page.charAt(i));
                    }
                }
                if (chunks.nextInt(20) == 0) out.flush();
                at = end;
            }
        } else {
            byte[] bytes = page.getBytes(delivery.charset());
            if (delivery.contentLength()) response.setContentLength(bytes.length);
            ServletOutputStream out = response.getOutputStream();
            for (int at = 0; at < bytes.length; ) {
                int end = Math.min(bytes.length, at + 1 + chunks.nextInt(delivery.maxChunk()));
                if (chunks.nextInt(4) == 0 && end - at < 64) {
                    for (int i = at; i < end; i++) out.write(bytes[i]);
                } else {
                    out.write(bytes, at, end - at);
                }
                if (chunks.nextInt(20) == 0) out.flush();
                at = end;
            }
        }
    }

    private static String difference(ReferenceHtmlScanner.Result reference, ScannedPage points) {
        List<String> differences = new ArrayList<>();
        if (reference.hasBody() != points.hasBody()) differences.add("body " + reference.hasBody() + " vs " + points.hasBody());
        if (reference.bodyTagStart() != points.bodyTagStart()) differences.add("<body at " + reference.bodyTagStart() + " vs " + points.bodyTagStart());
        if (reference.bodyStart() != points.bodyStart()) differences.add("body start " + reference.bodyStart() + " vs " + points.bodyStart());
        if (reference.headEnd() != points.headEnd()) differences.add("</head> " + reference.headEnd() + " vs " + points.headEnd());
        if (reference.bodyEnd() != points.bodyEnd()) differences.add("</body> " + reference.bodyEnd() + " vs " + points.bodyEnd());
        List<String> expected = reference.placeholders().stream().map(p -> p.name() + "@" + p.start() + "-" + p.end()).toList();
        List<String> actual = points.placeholders().stream().map(p -> p.name() + "@" + p.start() + "-" + p.end()).toList();
        if (!expected.equals(actual)) differences.add("placeholders " + expected + " vs " + actual);
        return differences.isEmpty() ? null : "reference vs scanner: " + String.join(", ", differences);
    }

    private static String excerpt(String page, ReferenceHtmlScanner.Result reference, ScannedPage points) {
        int at = reference.bodyEnd() != points.bodyEnd() ? Math.max(reference.bodyEnd(), points.bodyEnd())
                : reference.bodyStart() != points.bodyStart() ? Math.max(reference.bodyStart(), points.bodyStart())
                : Math.max(reference.headEnd(), points.headEnd());
        int from = Math.max(0, at - 200);
        return "  ..." + page.substring(from, Math.min(page.length(), at + 60)).replace("\n", "\\n").replace("\r", "\\r") + "...";
    }

    private static String firstDifference(String expected, String actual) {
        if (expected == null || actual == null) return "expected " + (expected == null ? "no decoration" : "decoration");
        int i = 0;
        while (i < expected.length() && i < actual.length() && expected.charAt(i) == actual.charAt(i)) i++;
        return i + ": expected ..." + expected.substring(i, Math.min(expected.length(), i + 40)) + " but got ..."
                + actual.substring(i, Math.min(actual.length(), i + 40));
    }
}
