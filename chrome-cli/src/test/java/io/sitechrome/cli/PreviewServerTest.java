package io.sitechrome.cli;

import io.sitechrome.config.ConfigSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviewServerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private PreviewServer server;

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    @Test
    void theGalleryShowsEveryStateInBothDirectionsAndWidths() throws Exception {
        server = PreviewServer.start(ConfigSource.file(Cli.example(dir)), 0);
        Document gallery = Jsoup.parse(get("/").body());
        List<String> sources = gallery.select("iframe").eachAttr("src");
        for (String state : List.of("signed-out", "signed-in", "banner-emergency-calling", "cookie-banner", "cookie-preferences",
                "cookie-saved", "gpc")) {
            assertTrue(sources.contains("/state/" + state + "?locale=en-US"), state);
            assertTrue(sources.contains("/state/" + state + "?locale=ar"), state);
            assertTrue(sources.contains("/state/" + state + "?locale=he"), state + ": every right-to-left locale with translations");
        }
        assertFalse(sources.stream().anyMatch(source -> source.endsWith("locale=de")), "one left-to-right locale");
        assertEquals(List.of("320", "768", "1024", "1280"), gallery.select("#state-signed-in iframe[src$=locale=ar]").eachAttr("width"));
        assertTrue(gallery.select("script").html().contains("new EventSource(\"/events\")"));
        for (String source : sources) assertEquals(200, get(source).statusCode(), source);
    }

    @Test
    void statePagesAreCompleteWithTheirAssets() throws Exception {
        server = PreviewServer.start(ConfigSource.file(Cli.example(dir)), 0);
        Document signedIn = Jsoup.parse(get("/state/signed-in?locale=ar").body());
        assertEquals("rtl", signedIn.selectFirst("html").attr("dir"));
        assertTrue(signedIn.selectFirst("head style").html().contains("body{margin:0}"), "frames edge to edge");
        assertTrue(signedIn.selectFirst("header.chrome-header").text().contains("Ada Lovelace"));
        assertNotNull(signedIn.selectFirst("main#main"));
        assertNotNull(signedIn.selectFirst("footer.chrome-footer"));
        assertTrue(signedIn.select(".chrome-cookies__layer").isEmpty(), "a choice is on record outside the cookie states");

        String stylesheet = signedIn.selectFirst("link[rel=stylesheet]").attr("href");
        assertTrue(stylesheet.startsWith("/assets/chrome."), stylesheet);
        HttpResponse<String> css = get(stylesheet);
        assertEquals(200, css.statusCode());
        assertTrue(css.headers().firstValue("Content-Type").orElse("").startsWith("text/css"));
        assertEquals(200, get(signedIn.selectFirst("script[src]").attr("src")).statusCode());

        Document cookies = Jsoup.parse(get("/state/cookie-banner").body());
        assertNotNull(cookies.selectFirst(".chrome-cookies__layer"));
        assertEquals("en-US", cookies.selectFirst("html").attr("lang"));
        assertTrue(get("/state/cookie-preferences").body().contains("classList.add(\"is-open\")"));
        assertEquals(404, get("/state/nothing").statusCode());
        assertEquals(404, get("/assets/../chrome.yaml").statusCode());
    }

    @Test
    void anEditReloadsAndAnInvalidEditShowsItsProblems() throws Exception {
        Path config = Cli.example(dir);
        server = PreviewServer.start(ConfigSource.file(config), 0);
        String first = get("/version").body().strip();
        assertTrue(get("/state/signed-out").body().contains(">Downloads<"));

        try (EventReader events = EventReader.open(http, server.uri().resolve("/events"))) {
            events.await("event: hello");
            edit(config, "en: \"Downloads\"", "en: \"Get Skype\"");
            awaitUntil(() -> !version().equals(first));
            String second = version();
            events.await("event: reload");
            events.await("data: " + second);
            assertTrue(get("/state/signed-out").body().contains(">Get Skype<"));

            Files.writeString(config, Files.readString(config).replace("brand:\n", "brand:\n  colour: blue\n"));
            awaitUntil(() -> !server.snapshot().valid());
            events.await("event: problems");
            Document gallery = Jsoup.parse(get("/").body());
            Element problems = gallery.selectFirst(".problems");
            assertNotNull(problems);
            String line = problems.selectFirst("li").text();
            assertTrue(line.matches("\\Q" + config + "\\E:\\d+:\\d+: brand\\.colour: .*"), line);
            assertTrue(problems.text().contains("Showing the last valid version, " + second));
            assertEquals(second, version());
            assertTrue(get("/state/signed-out").body().contains(">Get Skype<"), "the last good version stays in service");
            assertFalse(gallery.select("iframe").isEmpty());
        }
    }

    @Test
    void anInvalidFileAtStartIsShownUntilItIsFixed() throws Exception {
        Path config = dir.resolve("chrome.yaml");
        Files.writeString(config, "site: [\n");
        server = PreviewServer.start(ConfigSource.file(config), 0);
        HttpResponse<String> gallery = get("/");
        assertEquals(200, gallery.statusCode());
        Element problem = Jsoup.parse(gallery.body()).selectFirst(".problems li");
        assertTrue(problem.text().startsWith(config + ":"), problem.text());
        assertEquals(503, get("/version").statusCode());
        assertEquals(503, get("/state/signed-out").statusCode());

        Files.delete(config);
        awaitUntil(() -> get("/").body().contains("no such file"));

        Files.copy(Cli.EXAMPLE, config);
        awaitUntil(() -> get("/version").statusCode() == 200);
        assertTrue(Jsoup.parse(get("/").body()).select(".problems").isEmpty());
        assertEquals(200, get("/state/signed-out").statusCode());

        edit(config, "en: \"Downloads\"", "en: \"Get Skype\"");
        awaitUntil(() -> get("/state/signed-out").body().contains(">Get Skype<"));
    }

    @Test
    void theChromesFormsAnswerWithoutRecordingAnything() throws Exception {
        server = PreviewServer.start(ConfigSource.file(Cli.example(dir)), 0);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.uri().resolve("/consent"))
                .header("Accept", "application/json")
                .header("Referer", server.uri().resolve("/state/cookie-banner?locale=ar").toString())
                .POST(HttpRequest.BodyPublishers.ofString("choice=accept-all")).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertTrue(response.body().startsWith("{\"ok\": true, \"message\": \"تم حفظ"), response.body());
    }

    @Test
    void closeStopsServingAndEndsEventStreams() throws Exception {
        server = PreviewServer.start(ConfigSource.file(Cli.example(dir)), 0);
        URI uri = server.uri();
        EventReader events = EventReader.open(http, uri.resolve("/events"));
        events.await("event: hello");
        server.close();
        events.awaitEnd();
        assertThrows(ConnectException.class, () -> http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString()));
        awaitUntil(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(thread -> thread.getName().startsWith("chrome-preview") || thread.getName().equals("site-chrome-reload")));
    }

    @Test
    void aTemplateEditIsPickedUp() throws Exception {
        Path config = ValidateCommandTest.withTemplates(dir);
        server = PreviewServer.start(ConfigSource.file(config), 0);
        String first = version();
        Files.writeString(dir.resolve("templates/skip-link.mustache"), "<a class=\"edited-skip\" href=\"{{target}}\">{{text}}</a>\n");
        awaitUntil(() -> !version().equals(first));
        assertNotNull(Jsoup.parse(get("/state/signed-out").body()).selectFirst("a.edited-skip"));

        Files.writeString(dir.resolve("templates/skip-link.mustache"), "<a href=\"{{target}}\">{{text}}</a>{{> skip-link}}\n");
        awaitUntil(() -> !server.snapshot().valid());
        assertTrue(server.snapshot().problems().get(0).file().endsWith("skip-link.mustache"), server.snapshot().problems().toString());
        assertNotNull(Jsoup.parse(get("/state/signed-out").body()).selectFirst("a.edited-skip"), "the last good version stays on show");
    }

    private String version() throws IOException, InterruptedException {
        return get("/version").body().strip();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(server.uri().resolve(path)).timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), from);
        Files.writeString(file, text.replace(from, to));
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static void awaitUntil(Check check) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out");
            Thread.sleep(50);
        }
    }

    private static final class EventReader implements AutoCloseable {

        private final Stream<String> stream;
        private final Iterator<String> lines;

        private EventReader(Stream<String> stream) {
            this.stream = stream;
            this.lines = stream.iterator();
        }

        static EventReader open(HttpClient http, URI uri) throws Exception {
            HttpResponse<Stream<String>> response = http.sendAsync(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofLines())
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
            return new EventReader(response.body());
        }

        void await(String line) throws Exception {
            CompletableFuture.supplyAsync(() -> {
                while (lines.hasNext()) {
                    if (lines.next().equals(line)) return true;
                }
                throw new AssertionError("the stream ended before " + line);
            }).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }

        void awaitEnd() throws Exception {
            CompletableFuture.runAsync(() -> {
                while (lines.hasNext()) lines.next();
            }).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            stream.close();
        }
    }
}
