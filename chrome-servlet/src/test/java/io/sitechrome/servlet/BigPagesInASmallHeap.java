package io.sitechrome.servlet;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.sitechrome.render.LiveChrome;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Run in a JVM of its own with a small heap (see {@link BoundedMemoryTest}): Jetty with the
 * filter and the real chrome serves {@code pages} concurrent pages of {@code megabytes} MB each,
 * and a client reads them as they stream. Exits 0 when every page arrived whole with its chrome
 * at both ends, 1 otherwise (an OutOfMemoryError ends it with an error too).
 */
public final class BigPagesInASmallHeap {

    private static final String ROW = "<p class=\"row\">Streaming row with some text, Grüße, 日本語 – and a number: ";

    private BigPagesInASmallHeap() {
    }

    public static void main(String[] args) throws Exception {
        int megabytes = Integer.parseInt(args[0]);
        int pages = Integer.parseInt(args[1]);
        long target = megabytes * 1024L * 1024L;
        EmbeddedContainer jetty = EmbeddedContainer.jetty();
        URI base = jetty.start(new EmbeddedContainer.WebApp()
            .filter("site-chrome", new ChromeFilter(LiveChrome.fixed(StreamingContractTest.chrome()), ChromeSettings.builder().build()), "/*")
            .servlet("big", TestServlets.any((request, response) -> {
                response.setContentType("text/html;charset=UTF-8");
                PrintWriter out = response.getWriter();
                out.write("<!DOCTYPE html><html><head><title>Big</title></head><body><main>\n");
                long written = 0;
                for (int row = 0; written < target; row++) {
                    String line = ROW + row + "</p>\n";
                    out.write(line);
                    written += line.length();
                }
                out.write("</main></body></html>\n");
            }), "/big"));
        int failures = 0;
        ExecutorService readers = Executors.newFixedThreadPool(pages);
        try {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < pages; i++) {
                results.add(readers.submit(() -> read(client, base.resolve("/big"), target)));
            }
            for (Future<String> result : results) {
                String outcome = result.get();
                System.out.println(outcome);
                if (!outcome.startsWith("ok")) failures++;
            }
        } finally {
            readers.shutdownNow();
            jetty.close();
        }
        System.out.println("max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB, failures " + failures);
        System.exit(failures == 0 ? 0 : 1);
    }

    private static String read(HttpClient client, URI uri, long target) throws Exception {
        HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofInputStream());
        byte[] first = new byte[64 * 1024];
        byte[] last = new byte[64 * 1024];
        long total = 0;
        int firstLength = 0;
        try (InputStream in = response.body()) {
            byte[] buffer = new byte[16 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (firstLength < first.length) {
                    int copy = Math.min(n, first.length - firstLength);
                    System.arraycopy(buffer, 0, first, firstLength, copy);
                    firstLength += copy;
                }
                int keep = Math.min(n, last.length);
                System.arraycopy(last, keep, last, 0, last.length - keep);
                System.arraycopy(buffer, n - keep, last, last.length - keep, keep);
                total += n;
            }
        }
        String start = new String(first, 0, firstLength, UTF_8);
        String end = new String(last, UTF_8);
        boolean ok = response.statusCode() == 200 && total > target && start.contains("<header class=\"chrome-header\"")
            && end.contains("<footer class=\"chrome-footer\"") && end.endsWith("</body></html>\n");
        return (ok ? "ok " : "FAILED ") + response.statusCode() + ", " + total + " bytes";
    }
}
