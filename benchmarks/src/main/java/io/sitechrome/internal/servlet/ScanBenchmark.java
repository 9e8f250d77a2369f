package io.sitechrome.internal.servlet;

import io.sitechrome.benchmarks.HttpTargets;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@link HtmlScanner} alone over a whole page written to the writer, in one piece: the scanner's
 * share of a decorated request. {@code lent} is a page written as one String (scanned with
 * {@code String.indexOf}), {@code held} one copied to the held array (a page written as a char[]
 * or in several writes). In this package because {@link PageText.Chars#lend} is package-private ({@code indexOf} is one {@code String.indexOf('<')} pass over the
 * same page, the floor of any scan that looks at every {@code <}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class ScanBenchmark {

    @Param({"large"})
    public String page;

    @Param({"lent", "held", "bytes"})
    public String text;

    private String html;
    private PageText chars;

    @Setup
    public void setUp() {
        html = HttpTargets.page(page);
        if (text.equals("bytes")) {
            PageText.Bytes bytes = new PageText.Bytes(null, StandardCharsets.UTF_8);
            byte[] utf8 = html.getBytes(StandardCharsets.UTF_8);
            bytes.append(utf8, 0, utf8.length);
            chars = bytes;
            return;
        }
        PageText.Chars held = new PageText.Chars(new PrintWriter(Writer.nullWriter()), StandardCharsets.UTF_8);
        if (text.equals("lent")) held.lend(html, 0, html.length());
        else held.append(html, 0, html.length());
        chars = held;
    }

    @Benchmark
    public long scan() {
        long[] found = new long[1];
        HtmlScanner scanner = new HtmlScanner(new HtmlScanner.Listener() {
            @Override
            public void headEnd(long at) {
                found[0] += at;
            }

            @Override
            public void bodyStart(long tagStart, long end) {
                found[0] += end;
            }

            @Override
            public void bodyEnd(long at) {
                found[0] += at;
            }

            @Override
            public void placeholder(String name, long start, long end) {
                found[0] += start;
            }
        });
        scanner.finish(chars, scanner.scan(chars, 0, 0), 0);
        return found[0];
    }

    @Benchmark
    public int indexOf() {
        int count = 0;
        for (int at = html.indexOf('<'); at >= 0; at = html.indexOf('<', at + 1)) count++;
        return count;
    }
}
