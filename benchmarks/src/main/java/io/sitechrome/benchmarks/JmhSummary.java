package io.sitechrome.benchmarks;

import io.sitechrome.render.Chrome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a JMH CSV result file (run-jmh.sh writes benchmarks/target/jmh-results.csv) and prints
 * the ratios the targets are stated in, with the absolute figures beside them, and the gzipped
 * size of the chrome's stylesheet and script. Exits 1 when a target is missed.
 *
 * <pre>java -cp benchmarks.jar io.sitechrome.benchmarks.JmhSummary benchmarks/target/jmh-results.csv</pre>
 */
public final class JmhSummary {

    private JmhSummary() {
    }

    record Score(double value, double error, String unit) {
        String show() {
            return String.format(Locale.ROOT, "%,.1f ± %,.1f %s", value, error, unit);
        }
    }

    public static void main(String[] args) throws IOException {
        Map<String, Score> scores = read(Path.of(args[0]));
        List<String[]> rows = new ArrayList<>();
        boolean ok = true;

        Score chrome = scores.get("RenderBenchmark.chrome");
        Score floor = scores.get("RenderBenchmark.floor");
        Score naive = scores.get("RenderBenchmark.naive");
        if (chrome != null && floor != null) {
            double ratio = chrome.value() / floor.value();
            ok &= ratio <= 3;
            rows.add(row("chrome / floor (time per render)", ratio, "<= 3", ratio <= 3,
                    "chrome " + chrome.show() + ", floor " + floor.show()));
        }
        if (chrome != null && naive != null) {
            double ratio = naive.value() / chrome.value();
            ok &= ratio >= 10;
            rows.add(row("naive / chrome (time per render)", ratio, ">= 10", ratio >= 10,
                    "naive " + naive.show() + ", chrome " + chrome.show()));
        }
        Score alloc = scores.get("RenderBenchmark.chrome:gc.alloc.rate.norm");
        if (alloc != null) {
            ok &= alloc.value() <= 1024;
            rows.add(new String[] {"allocation per chrome render", String.format(Locale.ROOT, "%.0f B", alloc.value()), "<= 1024 B",
                    alloc.value() <= 1024 ? "met" : "MISSED", "naive " + show(scores.get("RenderBenchmark.naive:gc.alloc.rate.norm"))
                    + ", floor " + show(scores.get("RenderBenchmark.floor:gc.alloc.rate.norm"))});
        }
        Chrome reference = Reference.chrome();
        int assets = reference.stylesheet().gzipped().length + reference.script().gzipped().length;
        ok &= assets <= 20 * 1024;
        rows.add(new String[] {"stylesheet + script, gzipped", String.format(Locale.ROOT, "%.1f KiB", assets / 1024.0), "<= 20 KiB",
                assets <= 20 * 1024 ? "met" : "MISSED", "css " + reference.stylesheet().gzipped().length + " B of "
                + reference.stylesheet().bytes().length + ", js " + reference.script().gzipped().length + " B of "
                + reference.script().bytes().length});
        Score cold = scores.get("LoadBenchmark.cold");
        Score reload = scores.get("LoadBenchmark.reload");
        if (cold != null) rows.add(new String[] {"load + compile + first render (cold)", cold.show(), "", "", ""});
        if (reload != null) rows.add(new String[] {"reload (LiveChrome: read, load, swap)", reload.show(), "", "", ""});

        System.out.println("| measure | result | target | | absolute |");
        System.out.println("|---|---|---|---|---|");
        for (String[] r : rows) System.out.println("| " + String.join(" | ", r) + " |");
        if (!ok) System.exit(1);
    }

    private static String[] row(String name, double ratio, String target, boolean met, String absolute) {
        return new String[] {name, String.format(Locale.ROOT, "%.2f×", ratio), target, met ? "met" : "MISSED", absolute};
    }

    private static String show(Score score) {
        return score == null ? "?" : String.format(Locale.ROOT, "%,.0f B", score.value());
    }

    /** Benchmark (short name, with its secondary metric if any) to score. */
    static Map<String, Score> read(Path csv) throws IOException {
        Map<String, Score> scores = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = cells(line);
            scores.put(shortName(cells.get(0)), new Score(number(cells.get(4)), number(cells.get(5)), cells.get(6)));
        }
        return scores;
    }

    private static String shortName(String full) {
        int colon = full.indexOf(':');
        String method = colon < 0 ? full : full.substring(0, colon);
        String[] parts = method.split("\\.");
        String base = parts[parts.length - 2] + "." + parts[parts.length - 1];
        return colon < 0 ? base : base + full.substring(colon);
    }

    private static double number(String cell) {
        return cell.isEmpty() || cell.equals("NaN") ? Double.NaN : Double.parseDouble(cell);
    }

    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else cell.append(c);
        }
        cells.add(cell.toString());
        return cells;
    }
}
