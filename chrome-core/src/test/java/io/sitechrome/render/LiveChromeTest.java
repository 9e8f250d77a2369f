package io.sitechrome.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitechrome.Fixtures;
import io.sitechrome.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveChromeTest {

    /** Long enough that only check() reloads, unless a test asks for the background watcher. */
    private static final Duration MANUAL = Duration.ofHours(1);

    @TempDir
    Path dir;
    private Path file;

    @BeforeEach
    void writeAValidFile() throws IOException {
        file = dir.resolve("chrome.yaml");
        write("One");
    }

    private void write(String brand) throws IOException {
        Files.writeString(file, Fixtures.MINIMAL.replace("text: Demo", "text: " + brand));
    }

    private void writeBroken() throws IOException {
        Files.writeString(file, Fixtures.MINIMAL + "heder: {}\n");
    }

    private static String brand(Chrome chrome) {
        return Fixtures.html(chrome.render(Component.HEADER, ChromeRequest.anonymous())).selectFirst("a.chrome-brand__name").text();
    }

    @Test
    void aValidEditIsPickedUpByCheck() throws Exception {
        try (LiveChrome live = LiveChrome.watch(file, MANUAL)) {
            Chrome first = live.current();
            assertEquals("One", brand(first));
            List<LiveChrome.Reload> reloads = new CopyOnWriteArrayList<>();
            live.onReload(reloads::add);

            LiveChrome.Reload unchanged = live.check();
            assertSame(first, unchanged.chrome());
            assertTrue(unchanged.succeeded());
            assertTrue(reloads.isEmpty(), "an unchanged file is no reload");

            write("Two");
            LiveChrome.Reload reload = live.check();
            assertTrue(reload.succeeded());
            assertEquals(List.of(), reload.problems());
            assertNotSame(first, live.current());
            assertSame(live.current(), reload.chrome());
            assertEquals("Two", brand(live.current()));
            assertEquals("One", brand(first), "a chrome in use by a request is never changed under it");
            assertEquals(List.of(reload), reloads);
        }
    }

    @Test
    void anEditOfTheSameSizeIsNoticed() throws Exception {
        try (LiveChrome live = LiveChrome.watch(file, MANUAL)) {
            write("Uno");
            assertTrue(live.check().succeeded());
            assertEquals("Uno", brand(live.current()));
        }
    }

    @Test
    void anInvalidEditKeepsThePreviousVersionAndReportsItsProblems() throws Exception {
        try (LiveChrome live = LiveChrome.watch(file, MANUAL)) {
            Chrome first = live.current();
            List<LiveChrome.Reload> reloads = new CopyOnWriteArrayList<>();
            live.onReload(reloads::add);

            writeBroken();
            LiveChrome.Reload refused = live.check();
            assertFalse(refused.succeeded());
            assertSame(first, refused.chrome());
            assertSame(first, live.current());
            assertEquals(1, refused.problems().size());
            assertEquals(file + ":8:1: heder: unknown key 'heder'; did you mean 'header'?", refused.problems().get(0).toString());
            assertEquals(refused.problems(), live.problems());
            assertEquals("One", brand(live.current()));
            assertEquals(List.of(refused), reloads, "listeners hear about refused edits too");

            LiveChrome.Reload again = live.check();
            assertEquals(refused.problems(), again.problems(), "the problems stay reported until the file is fixed");
            assertEquals(1, reloads.size(), "but nothing new happened");

            write("Three");
            assertTrue(live.check().succeeded());
            assertEquals("Three", brand(live.current()));
            assertEquals(List.of(), live.problems());
            assertEquals(2, reloads.size());
        }
    }

    @Test
    void aDeletedFileKeepsThePreviousVersion() throws Exception {
        try (LiveChrome live = LiveChrome.watch(file, MANUAL)) {
            Chrome first = live.current();
            Files.delete(file);
            LiveChrome.Reload reload = live.check();
            assertFalse(reload.succeeded());
            assertTrue(reload.problems().get(0).message().startsWith("cannot read the file"), reload.problems().toString());
            assertSame(first, live.current());
        }
    }

    @Test
    void theBackgroundWatcherPicksUpEditsUntilClosed() throws Exception {
        CountDownLatch reloaded = new CountDownLatch(1);
        LiveChrome live = LiveChrome.watch(file, Duration.ofMillis(50));
        try {
            live.onReload(reload -> {
                if (reload.succeeded() && brand(reload.chrome()).equals("Two")) reloaded.countDown();
            });
            write("Two");
            assertTrue(reloaded.await(10, TimeUnit.SECONDS), "the watcher reloads without being asked");
            assertEquals("Two", brand(live.current()));
        } finally {
            live.close();
        }
        write("Three");
        Thread.sleep(300);
        assertEquals("Two", brand(live.current()), "a closed chrome stops following its file");
    }

    @Test
    void anInvalidFileAtStartIsRefusedUnlessThereIsAFallback() throws Exception {
        writeBroken();
        ConfigException e = assertThrows(ConfigException.class, () -> LiveChrome.watch(file, MANUAL));
        assertTrue(e.getMessage().startsWith(file + ":8:1: heder:"), e.getMessage());

        Chrome fallback = Fixtures.chrome(Fixtures.MINIMAL.replace("text: Demo", "text: Fallback"));
        try (LiveChrome live = LiveChrome.watch(file, MANUAL, fallback)) {
            assertSame(fallback, live.current());
            assertEquals(e.problems(), live.problems());
            write("Fixed");
            assertTrue(live.check().succeeded());
            assertEquals("Fixed", brand(live.current()));
            assertEquals(List.of(), live.problems());
        }
    }

    @Test
    void aFixedChromeNeverChanges() {
        Chrome chrome = Fixtures.chrome(Fixtures.MINIMAL);
        try (LiveChrome live = LiveChrome.fixed(chrome)) {
            assertNull(live.file());
            LiveChrome.Reload reload = live.check();
            assertSame(chrome, reload.chrome());
            assertTrue(reload.succeeded());
            assertSame(chrome, live.current());
        }
    }
}
