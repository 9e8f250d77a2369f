package io.sitechrome.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitechrome.Fixtures;
import io.sitechrome.config.ConfigException;
import io.sitechrome.config.ConfigProblem;
import io.sitechrome.config.ConfigSource;
import io.sitechrome.config.OriginServer;
import io.sitechrome.config.SourceOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A configuration served over HTTP by a real local origin, followed by {@link LiveChrome}: conditional
 * polls, failures that keep the last good chrome, the last good copy on disk across a restart, and the
 * SHA-256 pin.
 */
@Timeout(60) // a hang guard only: nothing here is timed
class UrlConfigTest {

    /** Long enough that only check() polls, unless a test asks for the background watcher. */
    private static final Duration MANUAL = Duration.ofHours(1);
    private static final String PATH = "/org/chrome.yaml";

    @TempDir
    Path cache;
    private OriginServer origin;
    private SourceOptions options;
    private final List<LogRecord> warnings = new CopyOnWriteArrayList<>();
    private final Handler recorder = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) warnings.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void startOrigin() throws Exception {
        origin = OriginServer.start();
        origin.put(PATH, config("One"));
        options = SourceOptions.DEFAULTS.withCacheDirectory(cache).withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5)); // held answers time out; a busy machine answers in time
        Logger.getLogger("io.sitechrome").addHandler(recorder);
    }

    @AfterEach
    void stopOrigin() {
        Logger.getLogger("io.sitechrome").removeHandler(recorder);
        origin.close();
    }

    private static String config(String brand) {
        return Fixtures.MINIMAL.replace("text: Demo", "text: " + brand);
    }

    private ConfigSource source() {
        return ConfigSource.of(origin.url(PATH), options);
    }

    private static String brand(Chrome chrome) {
        return Fixtures.html(chrome.render(Component.HEADER, ChromeRequest.anonymous())).selectFirst("a.chrome-brand__name").text();
    }

    private long warningsAbout(String text) {
        return warnings.stream().filter(record -> formatted(record).contains(text)).count();
    }

    private static String formatted(LogRecord record) {
        return new java.util.logging.SimpleFormatter().formatMessage(record);
    }

    @Test
    void theFirstLoadFetchesTheBodyAndAChangeIsSwappedIn() throws Exception {
        try (LiveChrome live = LiveChrome.open(source(), MANUAL)) {
            assertEquals("One", brand(live.current()));
            assertEquals(origin.url(PATH), live.current().config().source());
            assertEquals(List.of(new OriginServer.Request(PATH, null, null, 200)), origin.requests(), "the first request is unconditional");

            Chrome first = live.current();
            origin.put(PATH, config("Two"));
            LiveChrome.Reload reload = live.check();
            assertTrue(reload.succeeded());
            assertEquals("Two", brand(live.current()));
            assertEquals("One", brand(first), "a chrome in use by a request is never changed under it");
            assertEquals(200, origin.requests().get(1).status());
        }
    }

    @Test
    void anUnchangedConfigurationCostsA304() throws Exception {
        try (LiveChrome live = LiveChrome.open(source(), MANUAL)) {
            Chrome first = live.current();
            List<LiveChrome.Reload> reloads = new CopyOnWriteArrayList<>();
            live.onReload(reloads::add);
            for (int i = 0; i < 3; i++) assertSame(first, live.check().chrome());

            List<OriginServer.Request> polls = origin.requests().subList(1, 4);
            for (OriginServer.Request poll : polls) {
                assertEquals(origin.etag(PATH), poll.ifNoneMatch(), "each poll names the version it has");
                assertEquals("Mon, 1 Jan 2024 00:00:01 GMT", poll.ifModifiedSince());
                assertEquals(304, poll.status(), "and the origin answers that it is unchanged");
            }
            assertEquals(List.of(), reloads, "a 304 is no reload");
            assertSame(first, live.current());
        }
    }

    @Test
    void theWatcherThreadPollsAndAPageNeverWaitsForIt() throws Exception {
        try (LiveChrome live = LiveChrome.open(source(), Duration.ofMillis(100))) {
            CountDownLatch changed = new CountDownLatch(1);
            live.onReload(reload -> {
                if (reload.succeeded()) changed.countDown();
            });
            origin.put(PATH, config("Polled"));
            assertTrue(changed.await(30, TimeUnit.SECONDS), "the watcher picks up the change");
            assertEquals("Polled", brand(live.current()));

            origin.holdAnswers();
            assertTrue(origin.awaitHeldRequest(), "the watcher's poll is waiting for the origin");
            // the origin holds the watcher's request; a page still gets the chrome in service at once
            assertEquals("Polled", brand(live.current()));
            origin.release();
        }
    }

    @Test
    void anInvalidBodyKeepsTheLastGoodChromeAndIsLoggedOnce() throws Exception {
        try (LiveChrome live = LiveChrome.open(source(), MANUAL)) {
            Chrome first = live.current();
            origin.put(PATH, config("One") + "heder: {}\n");
            LiveChrome.Reload refused = live.check();
            assertFalse(refused.succeeded());
            assertSame(first, live.current());
            assertEquals(List.of(origin.url(PATH) + ":8:1: heder: unknown key 'heder'; did you mean 'header'?"),
                    refused.problems().stream().map(ConfigProblem::toString).toList());

            assertEquals(refused.problems(), live.check().problems(), "still reported");
            assertEquals(304, origin.requests().get(2).status(), "the refused body is not fetched again");
            assertEquals(1, warningsAbout("heder"), "logged once");

            origin.put(PATH, config("Fixed"));
            assertTrue(live.check().succeeded());
            assertEquals("Fixed", brand(live.current()));
        }
    }

    @Test
    void anErrorStatusKeepsTheLastGoodChromeAndIsLoggedOncePerDistinctFailure() throws Exception {
        try (LiveChrome live = LiveChrome.open(source(), MANUAL)) {
            Chrome first = live.current();
            origin.status(PATH, 500);
            LiveChrome.Reload failed = live.check();
            assertSame(first, failed.chrome());
            assertEquals(List.of(origin.url(PATH) + ":1:1: (root): the origin answered HTTP status 500"),
                    failed.problems().stream().map(ConfigProblem::toString).toList());
            live.check();
            live.check();
            assertEquals(1, warningsAbout("HTTP status 500"), "the same failure is logged once");

            origin.status(PATH, 404);
            assertEquals("the origin answered HTTP status 404", live.check().problems().get(0).message());
            assertEquals(1, warningsAbout("HTTP status 404"), "another failure is logged again");
            assertSame(first, live.current());

            origin.status(PATH, 0);
            assertTrue(live.check().succeeded());
            assertEquals(List.of(), live.problems());
        }
    }

    @Test
    void aTimeoutKeepsTheLastGoodChrome() throws Exception {
        try (LiveChrome live = LiveChrome.open(source(), MANUAL)) {
            Chrome first = live.current();
            origin.holdAnswers();
            LiveChrome.Reload failed = live.check();
            origin.release();
            assertSame(first, failed.chrome());
            assertEquals("no complete answer within 5000 ms", failed.problems().get(0).message());
            assertEquals("One", brand(live.current()));
        }
    }

    @Test
    void anUnreachableOriginKeepsTheLastGoodChrome() throws Exception {
        try (LiveChrome live = LiveChrome.open(source(), MANUAL)) {
            Chrome first = live.current();
            origin.stop();
            LiveChrome.Reload failed = live.check();
            assertSame(first, failed.chrome());
            assertTrue(failed.problems().get(0).message().startsWith("cannot connect"), failed.problems().toString());
            live.check();
            assertEquals(1, warnings.stream().filter(record -> formatted(record).contains("cannot connect")).count());
        }
    }

    @Test
    void aRestartWhileTheOriginIsDownServesTheLastGoodCopyFromDisk() throws Exception {
        Chrome bundled = Fixtures.chrome(config("Bundled"));
        try (LiveChrome live = LiveChrome.open(source(), MANUAL, bundled)) {
            assertEquals("One", brand(live.current()));
            origin.put(PATH, config("One") + "heder: {}\n");
            assertFalse(live.check().succeeded(), "an invalid body is never kept as the last good copy");
        }
        try (Stream<Path> files = Files.list(cache)) {
            List<Path> copies = files.toList();
            assertEquals(1, copies.size(), "one copy, no temporary file left behind: " + copies);
            assertEquals(config("One"), Files.readString(copies.get(0)));
        }
        origin.stop();

        try (LiveChrome restarted = LiveChrome.open(source(), MANUAL, bundled)) {
            assertEquals("One", brand(restarted.current()), "the organisation's last good chrome, not the bundled one");
            assertEquals(List.of(), restarted.problems());
            assertEquals(1, warningsAbout("serving its last good copy"), "and the log says so");

            LiveChrome.Reload stillDown = restarted.check();
            assertEquals("One", brand(stillDown.chrome()));
            assertTrue(stillDown.problems().get(0).message().startsWith("cannot connect"), "the outage is reported");
        }

        Path emptyCache = cache.resolve("elsewhere");
        try (LiveChrome withoutCopy = LiveChrome.open(ConfigSource.of(origin.url(PATH), options.withCacheDirectory(emptyCache)), MANUAL, bundled)) {
            assertSame(bundled, withoutCopy.current(), "without a copy the fallback serves");
        }
    }

    @Test
    void theOriginComingBackAfterARestartFromDiskIsFollowed() throws Exception {
        try (LiveChrome live = LiveChrome.open(source(), MANUAL)) {
            assertEquals("One", brand(live.current()));
        }
        origin.status(PATH, 503);
        try (LiveChrome restarted = LiveChrome.open(source(), MANUAL)) {
            assertEquals("One", brand(restarted.current()));
            origin.status(PATH, 0);
            origin.put(PATH, config("Back"));
            assertTrue(restarted.check().succeeded());
            assertEquals("Back", brand(restarted.current()));
        }
    }

    @Test
    void aPinnedSha256RefusesAnyOtherBody() throws Exception {
        String pin = sha256(config("One"));
        options = options.withSha256(pin.toUpperCase());
        try (LiveChrome live = LiveChrome.open(source(), MANUAL)) {
            assertEquals("One", brand(live.current()));
            origin.put(PATH, config("Tampered"));
            LiveChrome.Reload refused = live.check();
            assertFalse(refused.succeeded());
            assertEquals("One", brand(live.current()));
            assertEquals("its SHA-256 is " + sha256(config("Tampered")) + ", not the pinned " + pin + "; it is refused",
                    refused.problems().get(0).message());
        }
        options = options.withSha256(sha256("something else"));
        ConfigException e = assertThrows(ConfigException.class, () -> LiveChrome.open(source(), MANUAL));
        assertTrue(e.getMessage().contains("not the pinned"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> options.withSha256("abc"));
    }

    @Test
    void aConfigurationFromAUrlCannotNameALocalTemplateFolder() {
        origin.put(PATH, config("One").replace("  url: https://www.example.com/\n", "  url: https://www.example.com/\n  templates: templates\n"));
        ConfigException e = assertThrows(ConfigException.class, () -> LiveChrome.open(source(), MANUAL));
        assertEquals(origin.url(PATH) + ":4:14: site.templates: a configuration read from a URL cannot name a local template folder;"
                + " set site.templates in a local configuration that extends it", e.problems().get(0).toString());
    }

    @Test
    void aBodyLargerThanTheLimitIsRefusedWithoutReadingItAll() {
        origin.put(PATH, config("One") + "#" + "x".repeat(2 * 1024 * 1024) + "\n");
        options = options.withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(30)); // bounds, not a measurement
        ConfigException e = assertThrows(ConfigException.class, () -> LiveChrome.open(source(), MANUAL));
        assertEquals("the body is larger than the limit of 1048576 bytes", e.problems().get(0).message());
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theDiskCopyIsNamedAfterTheUrl() throws Exception {
        try (LiveChrome live = LiveChrome.open(source(), MANUAL)) {
            assertNotNull(live.current());
        }
        try (Stream<Path> files = Files.list(cache)) {
            String name = files.findFirst().orElseThrow().getFileName().toString();
            assertTrue(name.matches("127\\.0\\.0\\.1-[0-9a-f]{16}\\.chrome"), name);
        }
    }
}
