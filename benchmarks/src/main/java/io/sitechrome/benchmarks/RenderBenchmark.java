package io.sitechrome.benchmarks;

import io.sitechrome.render.Chrome;
import io.sitechrome.render.ChromeRequest;
import io.sitechrome.internal.render.NaiveChrome;
import io.sitechrome.render.PageChrome;
import io.sitechrome.render.Placement;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Every component of one request, three ways, into the same reusable sink: {@code chrome}
 * through the public API, {@code naive} through fresh views and Mustache.java, and
 * {@code floor} copying the finished output. The setup fails the run unless all three
 * produce identical output.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RenderBenchmark {

    private Chrome chrome;
    private ChromeRequest request;
    private NaiveChrome naive;
    private char[] finished;
    private StringBuilder sink;
    private SinkWriter sinkWriter;

    @Setup
    public void setUp() throws IOException {
        chrome = Reference.chrome();
        request = Reference.request(chrome);
        naive = new NaiveChrome(chrome.config());
        sink = new StringBuilder(64 * 1024);
        sinkWriter = new SinkWriter(sink);

        String viaChrome = chrome().toString();
        String viaNaive = naive().toString();
        finished = viaChrome.toCharArray();
        String viaFloor = floor().toString();
        if (!viaChrome.equals(viaNaive)) throw new IllegalStateException("naive output differs from chrome output"
                + " at char " + firstDifference(viaChrome, viaNaive));
        if (!viaChrome.equals(viaFloor)) throw new IllegalStateException("floor output differs from chrome output");
        if (!viaChrome.contains("aria-current=\"page\"") || !viaChrome.contains("Ada Lovelace")
                || !viaChrome.contains("chrome-chat__count") || viaChrome.contains("chrome-cookies__layer")) {
            throw new IllegalStateException("the reference request is not rendered as a signed-in visitor with unread"
                    + " messages, a current nav item and consent on record");
        }
    }

    /** The public API: resolve the request, then render the three placements. */
    @Benchmark
    public StringBuilder chrome() throws IOException {
        sink.setLength(0);
        PageChrome page = chrome.forRequest(request);
        page.render(Placement.HEAD, sink);
        page.render(Placement.BODY_START, sink);
        page.render(Placement.BODY_END, sink);
        return sink;
    }

    /** A fresh view per component and request, executed by Mustache.java. */
    @Benchmark
    public StringBuilder naive() {
        sink.setLength(0);
        naive.render(request, sinkWriter);
        return sink;
    }

    /** Copying the finished output of the same request. */
    @Benchmark
    public StringBuilder floor() {
        sink.setLength(0);
        sink.append(finished, 0, finished.length);
        return sink;
    }

    static int firstDifference(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            if (a.charAt(i) != b.charAt(i)) return i;
        }
        return n;
    }
}
