package io.sitechrome.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitechrome.config.ConfigException;
import io.sitechrome.internal.config.ConfigLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Threads render pages continuously through {@link LiveChrome#current()} while the configuration
 * file is rewritten {@value #VERSIONS} times, valid and invalid in turn, some edits picked up by
 * {@link LiveChrome#check()} from the writer, others by the background watcher. Every valid
 * version names its nav item and copyright with its own marker; every invalid one carries a marker
 * of its own too. Nothing may throw, every page must come from exactly one valid version (the
 * header's and the footer's {@code data-chrome-version} and both markers agree), and no invalid
 * version may ever be served.
 */
class ReloadUnderLoadTest {

    private static final int VERSIONS = 300;
    private static final int READERS = 3;
    private static final long SEED = 20240615L;
    private static final Pattern VERSION = Pattern.compile("data-chrome-version=\"([0-9a-f]+)\"");
    private static final Pattern MARKER = Pattern.compile("MARK-([VX])(\\d{4})");
    private static final List<String> PATHS = List.of("/", "/a", "/b/c", "/legal?x=1", "/other");
    private static final Logger LIVE_LOG = Logger.getLogger(LiveChrome.class.getName());

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void pagesComeFromExactlyOneValidVersionWhileTheFileIsRewrittenUnderLoad(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("chrome.yaml");
        Map<String, Integer> markerOfVersion = new HashMap<>();
        List<byte[]> contents = new ArrayList<>();
        List<Boolean> validity = new ArrayList<>();
        Random random = new Random(SEED);
        for (int i = 0; i < VERSIONS; i++) {
            boolean valid = i == 0 || random.nextInt(100) < 55;
            byte[] content = (valid ? valid(i, random) : invalid(i, random)).getBytes(StandardCharsets.UTF_8);
            contents.add(content);
            validity.add(valid);
            try {
                String version = ConfigLoader.parse(file.toString(), content, dir).version();
                assertTrue(valid, "version " + i + " was meant to be invalid");
                markerOfVersion.put(version, i);
            } catch (ConfigException e) {
                int index = i;
                assertTrue(!valid, () -> "version " + index + " was meant to be valid: " + e.getMessage());
            }
        }
        assertEquals(validity.stream().filter(v -> v).count(), markerOfVersion.size(), "valid versions have distinct hashes");

        Queue<String> failures = new ConcurrentLinkedQueue<>();
        Queue<LogRecord> errors = new ConcurrentLinkedQueue<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.SEVERE.intValue() || record.getThrown() != null) errors.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        boolean parentHandlers = LIVE_LOG.getUseParentHandlers();
        LIVE_LOG.addHandler(capture);
        LIVE_LOG.setUseParentHandlers(false);

        Files.write(file, contents.get(0));
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong pages = new AtomicLong();
        Set<Integer> versionsSeen = ConcurrentHashMap.newKeySet();
        Set<Integer> written = ConcurrentHashMap.newKeySet();
        written.add(0);
        ExecutorService readers = Executors.newFixedThreadPool(READERS);
        int checkedByWriter = 0;
        try (LiveChrome live = LiveChrome.watch(file, Duration.ofMillis(50))) {
            live.onReload(reload -> {
                Integer marker = markerOfVersion.get(reload.chrome().version());
                if (marker == null) failures.add("a reload put an unknown version in service: " + reload.chrome().version());
            });
            CountDownLatch started = new CountDownLatch(READERS);
            List<Future<?>> running = new ArrayList<>();
            for (int r = 0; r < READERS; r++) {
                long seed = SEED + r;
                running.add(readers.submit(() -> {
                    Random own = new Random(seed);
                    started.countDown();
                    while (writing.get()) {
                        try {
                            Integer marker = renderOnePage(live, own, markerOfVersion, written, failures);
                            if (marker != null) versionsSeen.add(marker);
                            pages.incrementAndGet();
                        } catch (Throwable t) {
                            failures.add("a reader threw " + t);
                        }
                    }
                }));
            }
            started.await();

            for (int i = 1; i < VERSIONS; i++) {
                if (validity.get(i)) written.add(i);
                write(file, dir, contents.get(i), random.nextInt(4) == 0);
                int pause = random.nextInt(10);
                if (pause == 0) {
                    Thread.sleep(120);
                } else if (pause < 7) {
                    LiveChrome.Reload reload = live.check();
                    checkedByWriter++;
                    String now = live.current().version();
                    if (validity.get(i)) {
                        if (!reload.succeeded() || markerOfVersion.get(now) != i) {
                            failures.add("after writing valid version " + i + " and checking, version " + markerOfVersion.get(now)
                                    + " serves; problems: " + reload.problems());
                        }
                    } else if (reload.succeeded() || live.problems().isEmpty()) {
                        failures.add("invalid version " + i + " was accepted by check()");
                    }
                } else {
                    Thread.sleep(pause - 6);
                }
            }
            Thread.sleep(200);
            writing.set(false);
            for (Future<?> reader : running) reader.get(1, TimeUnit.MINUTES);
        } finally {
            writing.set(false);
            readers.shutdownNow();
            LIVE_LOG.removeHandler(capture);
            LIVE_LOG.setUseParentHandlers(parentHandlers);
        }

        List<String> reported = new ArrayList<>(failures);
        errors.forEach(e -> reported.add("logged " + e.getLevel() + ": " + e.getMessage() + (e.getThrown() == null ? "" : " " + e.getThrown())));
        assertEquals(List.of(), reported.subList(0, Math.min(20, reported.size())), reported.size() + " failures");
        System.out.printf("ReloadUnderLoadTest: %d versions written (%d valid), %d checks by the writer, %d pages rendered by %d threads, %d versions seen in pages%n",
                VERSIONS, markerOfVersion.size(), checkedByWriter, pages.get(), READERS, versionsSeen.size());
        assertTrue(pages.get() > 1_000, "rendered only " + pages.get() + " pages");
        assertTrue(checkedByWriter > 100, "the writer checked only " + checkedByWriter + " times");
        assertTrue(versionsSeen.size() > 30, "readers saw only " + versionsSeen.size() + " versions");
    }

    /** Renders one page of a random variant; returns the version's marker after checking the page is whole. */
    private static Integer renderOnePage(LiveChrome live, Random random, Map<String, Integer> markerOfVersion, Set<Integer> written,
                                         Queue<String> failures) {
        Chrome chrome = live.current();
        ChromeRequest request = ChromeRequest.builder()
                .locale(random.nextBoolean() ? "de" : "en")
                .visitor(random.nextBoolean() ? Visitor.of("Ada " + random.nextInt(5), null, random.nextInt(3)) : null)
                .path(PATHS.get(random.nextInt(PATHS.size())))
                .country(random.nextBoolean() ? "US" : "GB")
                .nonce(random.nextBoolean() ? "nonce-" + random.nextInt(1000) + "-abcdef" : null)
                .build();
        PageChrome page = chrome.forRequest(request);
        String header = page.render(Component.HEADER);
        String banners = page.render(Component.BANNERS);
        String footer = page.render(Component.FOOTER);
        page.render(Component.SCRIPTS);

        String headerVersion = first(VERSION, header);
        String footerVersion = first(VERSION, footer);
        Integer version = markerOfVersion.get(headerVersion);
        List<String> markers = new ArrayList<>();
        for (String part : List.of(header, banners, footer)) {
            Matcher m = MARKER.matcher(part);
            while (m.find()) markers.add(m.group());
        }
        String expected = version == null ? "?" : String.format("MARK-V%04d", version);
        boolean whole = version != null && headerVersion.equals(footerVersion) && headerVersion.equals(chrome.version())
                && markers.size() == 3 && markers.stream().allMatch(expected::equals) && written.contains(version);
        if (!whole) {
            failures.add("a page mixes or invents versions: header " + headerVersion + ", footer " + footerVersion + ", chrome "
                    + chrome.version() + ", markers " + markers + " (version " + version + ")");
        }
        return version;
    }

    private static String first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : "none";
    }

    /** Replaces the file atomically, as editors do, or rewrites it in place. */
    private static void write(Path file, Path dir, byte[] content, boolean inPlace) throws IOException {
        if (inPlace) {
            Files.write(file, content);
            return;
        }
        Path temporary = Files.createTempFile(dir, "chrome", ".tmp");
        Files.write(temporary, content);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * A valid configuration whose nav label, banner and copyright carry its marker. It ends without
     * a line break inside a flow mapping, so every proper prefix of it (a reader racing an in-place
     * write) is invalid.
     */
    private static String valid(int i, Random random) {
        String marker = String.format("MARK-V%04d", i);
        return """
                site:
                  name: Demo %d
                  url: https://www.example.com/
                  locales:
                    - { tag: en, name: English }
                    - { tag: de, name: Deutsch }
                header:
                  nav:
                    - { label: { en: "%s", de: "%s" }, href: /a }
                    - label: More
                      items:
                        - { label: Item %d, href: /b/c }
                  chat: { label: Chat, href: /chat }
                account:
                  signIn: { label: Sign in, href: "/sign-in?return={returnUrl}" }
                  menu: [ { label: Sign out, href: /sign-out } ]
                banners:
                  - { id: notice, severity: info, title: Notice, text: "%s", countries: [%s] }
                footer:
                  copyright: "%s © {year}"
                theme:
                  tokens: { accent: "#%06x" }
                brand: { name: { text: Demo, href: / } }""".formatted(i, marker, marker, random.nextInt(1000), marker,
                random.nextBoolean() ? "US, GB" : "US, GB, DE", marker, random.nextInt(0x1000000) & 0x3f3f3f);
    }

    /** An invalid configuration of one of several kinds; where it has a nav label, the label is its own marker. */
    private static String invalid(int i, Random random) {
        String good = valid(i, random).replace("MARK-V", "MARK-X");
        return switch (random.nextInt(8)) {
            case 0 -> good.replace("href: /a", "href: \"javascript:alert(1)\"");
            case 1 -> good.replace("header:", "headr:");
            case 2 -> good.replace("- { tag: de, name: Deutsch }", "- { tag: de, name: Deutsch");
            case 3 -> good.substring(0, good.length() / 2);
            case 4 -> good.substring(0, good.indexOf("brand:"));
            case 5 -> good.replace("de: \"", "fr: \"");
            case 6 -> good.replace("accent: \"#", "accent: \"url(#");
            default -> "";
        };
    }
}
