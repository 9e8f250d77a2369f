package io.sitechrome.cli;

import io.sitechrome.config.ConfigException;
import io.sitechrome.config.ConfigLoader;
import io.sitechrome.config.ConfigProblem;
import io.sitechrome.render.Chrome;
import io.sitechrome.render.LiveChrome;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.zip.CRC32;

// LiveChrome.watch needs a file that loads; until this one does, it is polled here instead.
final class ConfigWatch implements AutoCloseable {

    // chrome: the last good one, or null; generation: lets a page tell whether it is out of date
    record Snapshot(Chrome chrome, List<ConfigProblem> problems, int generation) {
        boolean valid() {
            return problems.isEmpty();
        }
    }

    private final Path file;
    private final Duration interval;
    private final List<Consumer<Snapshot>> listeners = new CopyOnWriteArrayList<>();
    private volatile Snapshot snapshot = new Snapshot(null, List.of(), 0);
    private LiveChrome live;
    private ScheduledExecutorService poller;
    private long polledStamp;
    private boolean closed;

    private ConfigWatch(Path file, Duration interval) {
        this.file = file;
        this.interval = interval;
    }

    static ConfigWatch start(Path file, Duration interval) {
        ConfigWatch watch = new ConfigWatch(file, interval);
        long stamp = stamp(file);
        if (!watch.tryToWatch()) watch.poll(stamp);
        return watch;
    }

    Snapshot snapshot() {
        return snapshot;
    }

    Path file() {
        return file;
    }

    void onChange(Consumer<Snapshot> listener) {
        listeners.add(listener);
    }

    private boolean tryToWatch() {
        LiveChrome started;
        try {
            started = ConfigFiles.watch(file, interval);
        } catch (ConfigException e) {
            publish(snapshot.chrome(), e.problems());
            return false;
        }
        synchronized (this) {
            if (closed) {
                started.close();
                return true;
            }
            live = started;
        }
        started.onReload(reload -> publish(started.current(), reload.problems()));
        publish(started.current(), List.of());
        // an edit saved while the watch was starting would otherwise wait for the next one
        started.check();
        return true;
    }

    private synchronized void poll(long initialStamp) {
        if (closed) return;
        polledStamp = initialStamp;
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "chrome-preview-poll");
            thread.setDaemon(true);
            return thread;
        });
        long millis = Math.max(50, interval.toMillis());
        poller.scheduleWithFixedDelay(this::pollOnce, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void pollOnce() {
        long now = stamp(file);
        if (now == polledStamp) return;
        polledStamp = now;
        if (tryToWatch()) {
            synchronized (this) {
                poller.shutdown();
            }
        }
    }

    private synchronized void publish(Chrome chrome, List<ConfigProblem> problems) {
        Snapshot next = new Snapshot(chrome, List.copyOf(problems), snapshot.generation() + 1);
        snapshot = next;
        for (Consumer<Snapshot> listener : listeners) listener.accept(next);
    }

    // a checksum, since timestamps miss quick rewrites
    private static long stamp(Path file) {
        if (!Files.isRegularFile(file)) return -1;
        try (InputStream in = Files.newInputStream(file)) {
            CRC32 crc = new CRC32();
            crc.update(in.readNBytes(ConfigLoader.MAX_FILE_BYTES + 1));
            return crc.getValue();
        } catch (IOException e) {
            return -2;
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (live != null) live.close();
        if (poller != null) poller.shutdownNow();
    }
}
