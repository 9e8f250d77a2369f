package io.sitechrome.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitechrome.config.OriginServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo started with {@code --config http://...} against a real static origin: it serves the chrome
 * from the URL, follows an edit there, polls with conditional requests, keeps the last good chrome
 * through a broken file and a stopped origin, and after a restart with the origin down serves the last
 * good copy from its cache folder. A local file that {@code extends} the URL overrides the brand name.
 */
@Timeout(120) // a hang guard only: the waits below end as soon as the demo shows the change
class DemoConfigUrlTest {

    private static final String PATH = "/org/skype.yaml";

    @TempDir
    Path dir;
    private OriginServer origin;
    private String skype;

    @BeforeEach
    void startOrigin() throws Exception {
        skype = new String(DemoServer.class.getResourceAsStream(DemoServer.BUNDLED_CONFIG).readAllBytes(), StandardCharsets.UTF_8);
        origin = OriginServer.start();
        origin.put(PATH, skype.replace("    text: Skype\n", "    text: Skype from the origin\n"));
    }

    @AfterEach
    void stopOrigin() {
        origin.close();
    }

    private DemoServer demo(String config) throws Exception {
        DemoServer.Options options = DemoServer.Options.parse("--port", "0", "--config", config, "--cache-dir", dir.resolve("cache").toString());
        return DemoServer.start(options, dir.resolve("audit.log"));
    }

    private static String brand(DemoServer demo) throws Exception {
        Browser browser = new Browser(URI.create("http://127.0.0.1:" + demo.port() + "/"));
        return browser.page("/").selectFirst("a.chrome-brand__name").text();
    }

    /** Waits (at most 60 s, a hang guard) until {@code condition} holds. */
    private static void awaitUntil(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.call()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not reached within the hang guard");
            Thread.sleep(50);
        }
    }

    @Test
    void theDemoServesTheChromeFromTheUrlAndFollowsIt() throws Exception {
        String url = origin.url(PATH);
        try (DemoServer demo = demo(url)) {
            assertEquals("Skype from the origin", brand(demo));

            origin.put(PATH, skype.replace("    text: Skype\n", "    text: Skype edited at the origin\n"));
            awaitUntil(() -> brand(demo).equals("Skype edited at the origin"));

            int before = origin.requests(PATH).size();
            awaitUntil(() -> origin.requests(PATH).size() >= before + 2);
            List<OriginServer.Request> polls = origin.requests(PATH).subList(before, before + 2);
            for (OriginServer.Request poll : polls) {
                assertEquals(origin.etag(PATH), poll.ifNoneMatch());
                assertEquals(304, poll.status(), "an unchanged configuration costs a 304");
            }

            origin.put(PATH, skype + "heder: {}\n");
            int broken = origin.requests(PATH).size();
            awaitUntil(() -> origin.requests(PATH).stream().skip(broken).anyMatch(request -> request.status() == 200));
            assertEquals("Skype edited at the origin", brand(demo), "a broken file keeps the last good chrome");

            origin.stop();
            assertEquals("Skype edited at the origin", brand(demo), "a stopped origin keeps the last good chrome");
        }

        try (DemoServer restarted = demo(url)) {
            assertEquals("Skype edited at the origin", brand(restarted), "a restart with the origin down serves the last good copy");
        }
    }

    @Test
    void aLocalFileExtendsTheOrganisationsUrlAndOverridesTheBrandName() throws Exception {
        Path app = Files.writeString(dir.resolve("app.yaml"), "extends: " + origin.url(PATH) + "\nbrand:\n  name:\n    text: Skype Docs\n");
        try (DemoServer demo = demo(app.toString())) {
            assertEquals("Skype Docs", brand(demo));
            Browser browser = new Browser(URI.create("http://127.0.0.1:" + demo.port() + "/"));
            assertTrue(browser.page("/").selectFirst("footer") != null, "the rest comes from the base");

            origin.put(PATH, skype.replace("    alt: Microsoft\n", "    alt: Microsoft edited\n"));
            awaitUntil(() -> new Browser(URI.create("http://127.0.0.1:" + demo.port() + "/")).page("/")
                    .selectFirst(".chrome-brand__logo img").attr("alt").equals("Microsoft edited"));
            assertEquals("Skype Docs", brand(demo), "an edit of the base reaches the app under its own brand name");
        }
    }

    @Test
    void theCommandLineTakesAUrl() {
        String url = origin.url(PATH);
        assertEquals(url, DemoServer.Options.parse("--config", url).config());
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> DemoServer.Options.parse("--config", "http://"));
        assertTrue(e.getMessage().contains("not a valid URL"), e.getMessage());
    }
}
