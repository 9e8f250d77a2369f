package io.sitechrome.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitechrome.Fixtures;
import io.sitechrome.config.ConfigContent;
import io.sitechrome.config.ConfigException;
import io.sitechrome.config.ConfigSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
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

    private Path useTemplates() throws IOException {
        Path templates = Files.createDirectories(dir.resolve("templates"));
        Files.writeString(file, Fixtures.MINIMAL.replace("  locales:", "  templates: templates\n  locales:"));
        return templates;
    }

    private static String skipLink(Chrome chrome) {
        return chrome.render(Component.SKIP_LINK, ChromeRequest.anonymous()).trim();
    }

    @Test
    void anEditedAddedOrRemovedTemplateIsPickedUpWithANewVersion() throws Exception {
        Path templates = useTemplates();
        try (LiveChrome live = LiveChrome.watch(file, MANUAL)) {
            String builtIn = live.current().version();
            assertTrue(skipLink(live.current()).startsWith("<a class=\"chrome-skip-link\""), skipLink(live.current()));

            Files.writeString(templates.resolve("skip-link.mustache"), "<a href=\"{{target}}\">one</a>");
            assertTrue(live.check().succeeded());
            assertEquals("<a href=\"#main\">one</a>", skipLink(live.current()), "an added template");
            String one = live.current().version();
            assertNotEquals(builtIn, one);

            Files.writeString(templates.resolve("skip-link.mustache"), "<a href=\"{{target}}\">two</a>");
            assertTrue(live.check().succeeded());
            assertEquals("<a href=\"#main\">two</a>", skipLink(live.current()), "an edited template");
            assertNotEquals(one, live.current().version());

            Files.delete(templates.resolve("skip-link.mustache"));
            assertTrue(live.check().succeeded());
            assertTrue(skipLink(live.current()).startsWith("<a class=\"chrome-skip-link\""), "a removed template");
            assertEquals(builtIn, live.current().version(), "the version is that of what is on disk");
        }
    }

    @Test
    void theWatcherSurvivesATemplateThatOverflowsTheStackAndPicksUpTheFixedOne() throws Exception {
        Path templates = useTemplates();
        List<LiveChrome.Reload> reloads = new CopyOnWriteArrayList<>();
        CountDownLatch fixed = new CountDownLatch(1);
        try (LiveChrome live = LiveChrome.watch(file, Duration.ofMillis(50))) {
            Chrome good = live.current();
            live.onReload(reload -> {
                reloads.add(reload);
                if (reload.succeeded() && skipLink(reload.chrome()).contains("fixed")) fixed.countDown();
            });
            Files.writeString(templates.resolve("skip-link.mustache"), TemplatesTest.overflowingTemplate());
            awaitUntil(() -> !reloads.isEmpty());
            assertFalse(reloads.get(0).succeeded());
            assertSame(good, live.current(), "the last good chrome stays in service");
            assertTrue(reloads.get(0).problems().get(0).toString()
                    .startsWith(templates.resolve("skip-link.mustache") + ":1:1: site.templates: template error"), reloads.toString());

            Files.writeString(templates.resolve("skip-link.mustache"), "<a href=\"{{target}}\">fixed</a>");
            assertTrue(fixed.await(30, TimeUnit.SECONDS), "the watcher keeps checking after the overflow: " + reloads);
            assertEquals("<a href=\"#main\">fixed</a>", skipLink(live.current()));
        }
    }

    @Test
    void theWatcherSurvivesAnyErrorOfOneReload() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        CountDownLatch listening = new CountDownLatch(1);
        ConfigSource failingTwice = new ConfigSource() {
            @Override
            public String name() {
                return file.toString();
            }

            @Override
            public ConfigContent read() throws ConfigException {
                int read = reads.incrementAndGet();
                if (read == 2) awaitQuietly(listening); // the first failure is seen by the listener
                if (read == 2) throw new OutOfMemoryError("Java heap space");
                if (read == 3) throw new StackOverflowError();
                return ConfigSource.file(file).read();
            }
        };
        CountDownLatch recovered = new CountDownLatch(1);
        try (LiveChrome live = LiveChrome.open(failingTwice, Duration.ofMillis(50))) {
            Chrome good = live.current();
            List<LiveChrome.Reload> reloads = new CopyOnWriteArrayList<>();
            live.onReload(reload -> {
                reloads.add(reload);
                if (reload.succeeded()) recovered.countDown();
            });
            listening.countDown();
            awaitUntil(() -> reads.get() >= 3);
            assertSame(good, live.current());
            write("Two");
            assertTrue(recovered.await(30, TimeUnit.SECONDS), "the watcher keeps checking after errors: " + reloads);
            assertEquals("Two", brand(live.current()));
            assertEquals(file + ":1:1: (root): cannot load the configuration: OutOfMemoryError: Java heap space",
                    reloads.get(0).problems().get(0).toString());
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within the 30 s hang guard");
            Thread.sleep(20);
        }
    }
}
