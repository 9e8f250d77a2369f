package io.sitechrome.render;

import io.sitechrome.config.ConfigContent;
import io.sitechrome.config.ConfigException;
import io.sitechrome.internal.config.ConfigLoader;
import io.sitechrome.config.ConfigProblem;
import io.sitechrome.config.ConfigSource;
import io.sitechrome.model.ChromeConfig;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A {@link Chrome} that follows its configuration. A background thread reads the
 * {@link ConfigSource} (a file or a URL, with the bases it extends) and the designer's template
 * folder at every interval;
 * when what they hold has another version and loads cleanly, the new chrome replaces the old
 * one in a single atomic swap. When the edit is invalid, or a reload fails in any other way,
 * the problems are logged and reported to listeners, the last good chrome stays in service,
 * and the watcher keeps checking.
 *
 * <p>This is the one watcher of the project: the servlet filter, the Spring Boot starter and
 * the CLI's preview all open their configuration through it.
 */
public final class LiveChrome implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(LiveChrome.class.getName());

    /**
     * What happened at one reload.
     *
     * @param chrome   the chrome in service afterwards (null only before any configuration loaded)
     * @param problems the problems of a refused edit, or none
     */
    public record Reload(Chrome chrome, List<ConfigProblem> problems) {
        /** @return whether the source's configuration is the one in service */
        public boolean succeeded() {
            return problems.isEmpty();
        }
    }

    private final ConfigSource source;
    private final AtomicReference<Chrome> current;
    private final AtomicReference<List<ConfigProblem>> problems = new AtomicReference<>(List.of());
    private final List<Consumer<Reload>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService watcher;
    /** The version of what was last read (or why it could not be), so that only a change is loaded. */
    private String stamp;
    /** The template folder of the last configuration that parsed: its templates are watched too. */
    private Path templates;

    private LiveChrome(ConfigSource source, Chrome initial) {
        this.source = source;
        this.current = new AtomicReference<>(initial);
        if (source == null) {
            this.watcher = null;
        } else {
            this.watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "site-chrome-reload");
                thread.setDaemon(true);
                return thread;
            });
        }
    }

    /**
     * Loads {@code source}, which must be valid now, and follows it.
     *
     * @param source   a file or URL
     * @param interval how often it is read again
     * @return the chrome, watching
     * @throws ConfigException when the configuration cannot be read or is invalid now
     */
    public static LiveChrome open(ConfigSource source, Duration interval) throws ConfigException {
        LiveChrome live = new LiveChrome(Objects.requireNonNull(source), null);
        Reload first = live.check();
        if (!first.succeeded()) {
            live.close();
            throw new ConfigException(first.problems());
        }
        live.start(interval);
        return live;
    }

    /**
     * Follows {@code source}, serving {@code fallback} while it is invalid or unreadable at start:
     * its problems are logged and reported by {@link #problems()} until it is fixed.
     *
     * @param source   a file or URL
     * @param interval how often it is read again
     * @param fallback what serves until the source first loads; null only for callers that handle
     *                 {@link #current()} being null, such as the CLI's preview
     * @return the chrome, watching
     */
    public static LiveChrome open(ConfigSource source, Duration interval, Chrome fallback) {
        LiveChrome live = new LiveChrome(Objects.requireNonNull(source), fallback);
        live.check();
        live.start(interval);
        return live;
    }

    /**
     * Loads {@code file} (which must be valid now) and follows it.
     *
     * @param file     the configuration file
     * @param interval how often it and its templates are read again
     * @return the chrome, watching
     * @throws ConfigException when the file is invalid now
     */
    public static LiveChrome watch(Path file, Duration interval) throws ConfigException {
        return open(ConfigSource.file(file), interval);
    }

    /**
     * Follows {@code file}, starting with {@code fallback} when the file is invalid now.
     *
     * @param file     the configuration file
     * @param interval how often it and its templates are read again
     * @param fallback what serves until the file is valid
     * @return the chrome, watching
     */
    public static LiveChrome watch(Path file, Duration interval, Chrome fallback) {
        return open(ConfigSource.file(file), interval, fallback);
    }

    /**
     * A chrome that never changes, such as one bundled in a jar.
     *
     * @param chrome the chrome
     * @return a live chrome without a watcher
     */
    public static LiveChrome fixed(Chrome chrome) {
        LiveChrome live = new LiveChrome(null, Objects.requireNonNull(chrome));
        logInService(live.current.get());
        return live;
    }

    /** @return the chrome in service now; null only when opened without a fallback and nothing has loaded yet */
    public Chrome current() {
        return current.get();
    }

    /** @return the problems of the last refused edit, or none when the source's configuration is in service */
    public List<ConfigProblem> problems() {
        return problems.get();
    }

    /** @return the watched source, or null for a fixed chrome */
    public ConfigSource source() {
        return source;
    }

    /** @return the watched file, or null for a fixed chrome or one that is not a local file */
    public Path file() {
        return source == null ? null : source.file();
    }

    /**
     * Called after every reload attempt that read something new, on the watcher's thread.
     *
     * @param listener receives what happened
     */
    public void onReload(Consumer<Reload> listener) {
        listeners.add(listener);
    }

    /**
     * Reads the source now, instead of waiting for the next tick, and loads it if it changed.
     * Whatever goes wrong with the configuration, even an {@link Error}, is a problem of this
     * reload, and the last good chrome stays; only a listener can make it throw.
     *
     * @return the chrome in service afterwards, with the problems of a refused edit
     */
    public synchronized Reload check() {
        if (source == null) return new Reload(current.get(), List.of());
        ConfigContent content;
        String now;
        try {
            content = source.read();
            now = ConfigLoader.version(content, templates);
        } catch (ConfigException e) {
            // closing interrupts a read in progress: that is no problem of the configuration
            if (Thread.currentThread().isInterrupted()) return new Reload(current.get(), problems.get());
            return unreadable(e.problems());
        } catch (Throwable e) {
            return unreadable(List.of(problem(e)));
        }
        if (now.equals(stamp)) return new Reload(current.get(), problems.get());
        stamp = now;
        Chrome loaded;
        try {
            ChromeConfig config = ConfigLoader.parse(content);
            templates = config.site().templates();
            stamp = config.version();
            loaded = Chrome.of(config);
        } catch (ConfigException e) {
            return refuse(e.problems());
        } catch (Throwable e) {
            // a designer's input must never stop the watcher, not even with an Error
            return refuse(List.of(problem(e)));
        }
        Reload accepted = accept(loaded);
        source.accepted(content);
        return accepted;
    }

    /** A source that cannot be read is reported once, until it fails in another way or is readable again. */
    private Reload unreadable(List<ConfigProblem> found) {
        String failure = "unreadable\n" + found;
        if (failure.equals(stamp)) return new Reload(current.get(), problems.get());
        stamp = failure;
        return refuse(found);
    }

    private ConfigProblem problem(Throwable e) {
        return new ConfigProblem(source.name(), 1, 1, ConfigProblem.ROOT, "cannot load the configuration: " + reason(e));
    }

    private Reload accept(Chrome loaded) {
        Chrome before = current.get();
        Chrome serving = loaded;
        if (before != null && before.version().equals(loaded.version()) && before.config().source().equals(loaded.config().source())) {
            serving = before;
        } else {
            current.set(loaded);
        }
        problems.set(List.of());
        logInService(serving);
        return announce(new Reload(serving, List.of()));
    }

    private Reload refuse(List<ConfigProblem> found) {
        problems.set(List.copyOf(found));
        Chrome serving = current.get();
        String kept = serving == null ? "nothing is in service until it is fixed"
                : serving.config().source() + " version " + serving.version() + " stays in service";
        LOG.log(Level.WARNING, "site-chrome: {0} has problems; {1}:\n{2}", source.name(), kept,
                found.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n")));
        return announce(new Reload(serving, problems.get()));
    }

    private Reload announce(Reload reload) {
        for (Consumer<Reload> listener : listeners) listener.accept(reload);
        return reload;
    }

    private static void logInService(Chrome chrome) {
        LOG.log(Level.INFO, "site-chrome: in service: {0} version {1}", chrome.config().source(), chrome.version());
    }

    private void start(Duration interval) {
        long millis = Math.max(50, interval.toMillis());
        watcher.scheduleWithFixedDelay(this::checkQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** One tick: whatever it throws is logged, and the next tick comes all the same. */
    private void checkQuietly() {
        try {
            check();
        } catch (Throwable e) {
            LOG.log(Level.ERROR, "site-chrome: a reload of {0} failed ({1}); the last good configuration stays in service",
                    source.name(), reason(e));
        }
    }

    private static String reason(Throwable e) {
        String message = e.getMessage();
        String name = e.getClass().getSimpleName();
        return message == null || message.isBlank() ? name : name + ": " + message.replaceAll("\\s+", " ");
    }

    @Override
    public void close() {
        if (watcher != null) watcher.shutdownNow();
    }
}
