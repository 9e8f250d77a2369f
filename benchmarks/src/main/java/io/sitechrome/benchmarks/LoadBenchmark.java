package io.sitechrome.benchmarks;

import io.sitechrome.config.ConfigException;
import io.sitechrome.internal.config.ConfigLoader;
import io.sitechrome.config.LargeShapes;
import io.sitechrome.render.Chrome;
import io.sitechrome.render.ChromeRequest;
import io.sitechrome.render.Component;
import io.sitechrome.render.LiveChrome;
import io.sitechrome.render.PageChrome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Loading and compiling the reference configuration: {@code cold} builds a new chrome from the
 * file's bytes and renders every component of the reference request for the first time;
 * {@code reload} is a hot reload of an edited file through {@link LiveChrome} (read, load, then
 * swap the chrome in service). {@code worstShape} validates the generated files that are worst for
 * the loader within the documented limits ({@link LargeShapes}): run with {@code -prof gc}, its
 * {@code gc.alloc.rate.norm} is the allocation per load, to compare with the file's size.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LoadBenchmark {

    @State(Scope.Thread)
    public static class Bytes {
        byte[] bytes;
        ChromeRequest request;
        StringBuilder sink;

        @Setup
        public void setUp() {
            bytes = Reference.configBytes();
            request = Reference.request(Reference.chrome());
            sink = new StringBuilder(64 * 1024);
        }
    }

    @State(Scope.Thread)
    public static class Watched {
        byte[] bytes;
        Path file;
        LiveChrome live;
        int edits;

        @Setup
        public void setUp() throws Exception {
            bytes = Reference.configBytes();
            file = Files.createTempFile("chrome-bench", ".yaml");
            Files.write(file, bytes);
            live = LiveChrome.watch(file, Duration.ofHours(1));
        }

        /** An edit a designer could make: the same configuration with another comment, so another version. */
        @Setup(Level.Invocation)
        public void edit() throws IOException {
            String text = new String(bytes, StandardCharsets.UTF_8) + "\n# edit " + (++edits) + "\n";
            Files.write(file, text.getBytes(StandardCharsets.UTF_8));
        }

        @TearDown
        public void tearDown() throws IOException {
            live.close();
            Files.deleteIfExists(file);
        }
    }

    @State(Scope.Thread)
    public static class Shape {
        @Param({"deep", "longExplicitKey", "deepWithDuplicates"})
        String shape;
        byte[] bytes;

        @Setup
        public void setUp() {
            String yaml = switch (shape) {
                case "deep" -> LargeShapes.deep();
                case "longExplicitKey" -> LargeShapes.longExplicitKey();
                case "deepWithDuplicates" -> LargeShapes.deepWithDuplicates();
                default -> throw new IllegalArgumentException(shape);
            };
            bytes = yaml.getBytes(StandardCharsets.UTF_8);
            System.out.println("\n" + shape + ": " + bytes.length + " bytes");
        }
    }

    @Benchmark
    public int worstShape(Shape state) {
        try {
            ConfigLoader.parse(state.shape + ".yaml", state.bytes, Path.of("."));
            throw new IllegalStateException("the generated shape is expected to have problems");
        } catch (ConfigException e) {
            return e.problems().size();
        }
    }

    @Benchmark
    public StringBuilder cold(Bytes state) throws Exception {
        Chrome chrome = Chrome.of(Reference.parse(state.bytes));
        state.sink.setLength(0);
        PageChrome page = chrome.forRequest(state.request);
        for (Component component : Component.values()) page.render(component, state.sink);
        return state.sink;
    }

    @Benchmark
    public Chrome reload(Watched state) {
        LiveChrome.Reload reload = state.live.check();
        if (!reload.succeeded() || state.live.current() != reload.chrome()) {
            throw new IllegalStateException("reload failed: " + reload.problems());
        }
        return reload.chrome();
    }
}
