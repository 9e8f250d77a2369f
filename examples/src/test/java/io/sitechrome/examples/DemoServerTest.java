package io.sitechrome.examples;

import static io.sitechrome.examples.Html.one;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The demo server itself: its command line, several at once, its 404 page, the chrome's assets and a watched configuration file. */
class DemoServerTest {

    private static final Duration RELOAD_TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    static Path folder;
    static RunningDemo demo;

    @BeforeAll
    static void start() throws Exception {
        demo = RunningDemo.start(folder);
    }

    @AfterAll
    static void stop() throws Exception {
        demo.close();
    }

    @Test
    void commandLineDefaultsAndOptions() throws Exception {
        assertEquals(new DemoServer.Options("127.0.0.1", 8080, null, null, false), DemoServer.Options.parse());
        Path config = Files.writeString(folder.resolve("cli.yaml"), "x");
        assertEquals(new DemoServer.Options("0.0.0.0", 0, config.toString(), null, false),
                DemoServer.Options.parse("--port", "0", "--host", "0.0.0.0", "--config", config.toString()));
        assertEquals(65535, DemoServer.Options.parse("--port", "65535").port());
        assertTrue(DemoServer.Options.parse("--help").help());
        assertTrue(DemoServer.Options.parse("--port", "1", "-h").help());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--port                       | missing value after --port",
            "--port x                     | --port must be a number: x",
            "--port -1                    | --port must be between 0 and 65535",
            "--port 65536                 | --port must be between 0 and 65535",
            "--host 127.0.0.1 --port      | missing value after --port",
            "--verbose yes                | unknown option --verbose",
            "--config /no/such/file.yaml  | no such configuration file: /no/such/file.yaml"})
    void badCommandLinesAreExplained(String args, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DemoServer.Options.parse(args.strip().split(" +")));
        assertEquals(message, e.getMessage());
    }

    @Test
    void aConfigFolderIsNotAConfigFile() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DemoServer.Options.parse("--config", folder.toString()));
        assertEquals("no such configuration file: " + folder, e.getMessage());
    }

    @Test
    void twoDemosStartSideBySideOnFreePorts() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<RunningDemo> a = CompletableFuture.supplyAsync(() -> startQuietly(folder.resolve("a")), pool);
            CompletableFuture<RunningDemo> b = CompletableFuture.supplyAsync(() -> startQuietly(folder.resolve("b")), pool);
            try (RunningDemo first = a.get(30, TimeUnit.SECONDS); RunningDemo second = b.get(30, TimeUnit.SECONDS)) {
                assertNotEquals(first.port(), second.port());
                assertNotEquals(demo.port(), first.port());
                for (RunningDemo each : List.of(first, second)) {
                    Document page = each.browser().page("/");
                    assertEquals("Skype Legal", one(page, "main h1").text());
                    one(page, "header.chrome-header");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void the404PageWearsTheChrome() throws Exception {
        Browser.Response response = demo.browser().get("/no/such/page", "Accept-Language", "de");
        assertEquals(404, response.status());
        Document page = response.document();
        assertEquals("Page not found", one(page, "main h1").text());
        assertEquals("de", one(page, "header.chrome-header").attr("lang"));
        one(page, "footer.chrome-footer");
        one(page, "link[rel=stylesheet][href^=/chrome/assets/]");

        Browser.Response endpoint = demo.browser().get("/chrome/no-such-endpoint");
        assertEquals(404, endpoint.status());
        assertTrue(endpoint.header("Content-Type").orElse("").startsWith("text/plain"), "the chrome's own 404 is not a page");
    }

    @Test
    void thePagesAssetsAreServedWithImmutableCaching() throws Exception {
        Browser browser = demo.browser();
        Document page = browser.page("/");
        String stylesheet = one(page, "head link[rel=stylesheet][data-chrome-version]").attr("href");
        String script = one(page, "script[data-chrome-endpoints]").attr("src");
        assertTrue(stylesheet.matches("/chrome/assets/chrome\\.[0-9a-f]+\\.css"), stylesheet);
        assertTrue(script.matches("/chrome/assets/chrome\\.[0-9a-f]+\\.js"), script);
        for (String[] asset : new String[][] {{stylesheet, "text/css"}, {script, "javascript"}}) {
            Browser.Response response = browser.get(asset[0]);
            assertEquals(200, response.status(), asset[0]);
            assertTrue(response.header("Content-Type").orElse("").contains(asset[1]), asset[0] + ": " + response.header("Content-Type"));
            String cache = response.header("Cache-Control").orElse("");
            assertTrue(cache.contains("immutable") && cache.contains("max-age=31536000") && cache.contains("public"), cache);
            assertFalse(response.body().isEmpty());
            String etag = response.header("ETag").orElseThrow();
            Browser.Response again = browser.get(asset[0], "If-None-Match", etag);
            assertEquals(304, again.status());
            assertTrue(again.body().isEmpty());
        }
        Browser.Response otherVersion = browser.get("/chrome/assets/chrome.000000000000.css");
        assertEquals(200, otherVersion.status(), "another version's name gets the current stylesheet, never a 404");
        assertEquals("public, max-age=60", otherVersion.header("Cache-Control").orElse(null), "cached briefly");
        assertEquals(404, browser.get("/chrome/assets/chrome.css").status(), "a name no version writes is not served");
    }

    @Test
    void aConfigurationFileIsServedAndReloadedAfterAnEdit() throws Exception {
        String bundled;
        try (InputStream in = DemoServer.class.getResourceAsStream(DemoServer.BUNDLED_CONFIG)) {
            bundled = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String hostAMeeting = "en: \"Host a meeting\"";
        assertTrue(bundled.contains(hostAMeeting));
        Path config = folder.resolve("custom-chrome.yaml");
        write(config, bundled.replace(hostAMeeting, "en: \"Host a webinar\""));

        try (RunningDemo custom = RunningDemo.start(folder, config)) {
            Browser browser = custom.browser();
            Document before = browser.page("/");
            assertEquals("Host a webinar", one(before, ".chrome-header__action").text(), "the file, not the bundled configuration");
            String version = one(before, "header.chrome-header").attr("data-chrome-version");

            write(config, bundled.replace(hostAMeeting, "en: \"Host a call\""));
            long deadline = System.nanoTime() + RELOAD_TIMEOUT.toNanos();
            Document after = before;
            while (!one(after, ".chrome-header__action").text().equals("Host a call")) {
                assertTrue(System.nanoTime() < deadline, "the edit was not picked up within " + RELOAD_TIMEOUT);
                Thread.sleep(100);
                after = browser.page("/");
            }
            assertNotEquals(version, one(after, "header.chrome-header").attr("data-chrome-version"));
            assertEquals("Host a meeting", one(demo.browser().page("/"), ".chrome-header__action").text(), "other demos are unaffected");
        }
    }

    /** Replaces the file in one step, as editors do, so the watcher never reads half a file. */
    private static void write(Path file, String content) throws Exception {
        Path temporary = Files.createTempFile(file.getParent(), "edit", ".tmp");
        Files.writeString(temporary, content, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static RunningDemo startQuietly(Path folder) {
        try {
            Files.createDirectories(folder);
            return RunningDemo.start(folder);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
