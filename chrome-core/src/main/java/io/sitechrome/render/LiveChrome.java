package io.sitechrome.render;

import io.sitechrome.config.ConfigException;
import io.sitechrome.config.ConfigLoader;
import io.sitechrome.config.ConfigProblem;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.zip.CRC32;

/**
 * A {@link Chrome} that follows its configuration file. A background thread checks the
 * file; when it changed and loads cleanly, the new chrome replaces the old one in a single
 * atomic swap. When the edit is invalid, every problem is logged and reported to
 * listeners, and the last good chrome stays in service.
 */
public final class LiveChrome implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(LiveChrome.class.getName());

    /** What happened at one reload: the chrome now in service, and the problems of a refused edit. */
    public record Reload(Chrome chrome, List<ConfigProblem> problems) {
        public boolean succeeded() {
            return problems.isEmpty();
        }
    }

    private final Path file;
    private final AtomicReference<Chrome> current;
    private final AtomicReference<List<ConfigProblem>> problems = new AtomicReference<>(List.of());
    private final List<Consumer<Reload>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService watcher;
    private volatile FileStamp stamp;

    private LiveChrome(Path file, Chrome initial, Duration interval) {
        this.file = file;
        this.current = new AtomicReference<>(initial);
        this.stamp = file == null ? null : FileStamp.of(file);
        if (file == null) {
            this.watcher = null;
        } else {
            this.watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "site-chrome-reload");
                thread.setDaemon(true);
                return thread;
            });
            long millis = Math.max(50, interval.toMillis());
            watcher.scheduleWithFixedDelay(this::checkQuietly, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    /** Loads {@code file} (which must be valid now) and follows it, checking every {@code interval}. */
    public static LiveChrome watch(Path file, Duration interval) throws ConfigException {
        return new LiveChrome(file, Chrome.load(file), interval);
    }

    /**
     * Follows {@code file}, starting with {@code fallback} when the file is invalid now: its
     * problems are logged and reported by {@link #problems()} until the file is fixed.
     */
    public static LiveChrome watch(Path file, Duration interval, Chrome fallback) {
        try {
            return watch(file, interval);
        } catch (ConfigException e) {
            LOG.log(Level.WARNING, "site-chrome: {0} has problems; serving version {1} until it is fixed:\n{2}",
                    file, fallback.version(), e.getMessage());
            LiveChrome live = new LiveChrome(file, fallback, interval);
            live.problems.set(e.problems());
            return live;
        }
    }

    /** A chrome that never changes, such as one bundled in a jar. */
    public static LiveChrome fixed(Chrome chrome) {
        return new LiveChrome(null, Objects.requireNonNull(chrome), Duration.ZERO);
    }

    /** The chrome in service now. */
    public Chrome current() {
        return current.get();
    }

    /** The problems of the last refused edit, or none when the file in service is the file on disk. */
    public List<ConfigProblem> problems() {
        return problems.get();
    }

    /** The watched file, or null for a fixed chrome. */
    public Path file() {
        return file;
    }

    /** Called after every reload attempt, on the watcher's thread. */
    public void onReload(Consumer<Reload> listener) {
        listeners.add(listener);
    }

    /** Checks the file now, instead of waiting for the next tick. */
    public synchronized Reload check() {
        if (file == null) return new Reload(current.get(), List.of());
        FileStamp now = FileStamp.of(file);
        if (now.equals(stamp)) return new Reload(current.get(), problems.get());
        stamp = now;
        Reload reload;
        try {
            Chrome loaded = Chrome.load(file);
            if (!loaded.version().equals(current.get().version())) {
                current.set(loaded);
                LOG.log(Level.INFO, "site-chrome: loaded {0} (version {1})", file, loaded.version());
            }
            problems.set(List.of());
            reload = new Reload(loaded, List.of());
        } catch (ConfigException e) {
            problems.set(e.problems());
            LOG.log(Level.WARNING, "site-chrome: kept version {0}; {1} has problems:\n{2}",
                    current.get().version(), file, e.getMessage());
            reload = new Reload(current.get(), e.problems());
        }
        for (Consumer<Reload> listener : listeners) listener.accept(reload);
        return reload;
    }

    private void checkQuietly() {
        try {
            check();
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "site-chrome: reload of " + file + " failed; the last good configuration stays in service", e);
        }
    }

    @Override
    public void close() {
        if (watcher != null) watcher.shutdownNow();
    }

    /** What the file holds now; content is compared, since timestamps miss quick rewrites. */
    private record FileStamp(long size, long checksum) {
        static FileStamp of(Path file) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                if (attributes.size() > ConfigLoader.MAX_FILE_BYTES) return new FileStamp(attributes.size(), -1);
                CRC32 crc = new CRC32();
                crc.update(Files.readAllBytes(file));
                return new FileStamp(attributes.size(), crc.getValue());
            } catch (IOException e) {
                return new FileStamp(-1, -1);
            }
        }
    }
}
