package io.sitechrome.servlet;

import io.sitechrome.internal.servlet.HtmlScanner;
import io.sitechrome.internal.servlet.PageText;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Where {@link HtmlScanner} finds the insertion points of a whole page, fed to it in one piece or in pieces. */
record ScannedPage(int headEnd, int bodyTagStart, int bodyStart, int bodyEnd, List<Placeholder> placeholders) {

    static final int NONE = -1;

    /** A {@code <!--chrome:NAME-->} comment occupying {@code [start, end)}. */
    record Placeholder(String name, int start, int end) {
    }

    boolean hasBody() {
        return bodyStart != NONE;
    }

    static ScannedPage scan(CharSequence page) {
        return scan(page, null);
    }

    /** Scans {@code page} given to the scanner in pieces of random sizes when {@code pieces} is given. */
    static ScannedPage scan(CharSequence page, Random pieces) {
        int[] points = {NONE, NONE, NONE, NONE};
        List<Placeholder> placeholders = new ArrayList<>();
        HtmlScanner scanner = new HtmlScanner(new HtmlScanner.Listener() {
            @Override
            public void headEnd(long at) {
                if (points[0] == NONE && points[2] == NONE) points[0] = (int) at;
            }

            @Override
            public void bodyStart(long tagStart, long end) {
                if (points[2] != NONE) return;
                points[1] = (int) tagStart;
                points[2] = (int) end;
            }

            @Override
            public void bodyEnd(long at) {
                if (points[2] != NONE) points[3] = (int) at;
            }

            @Override
            public void placeholder(String name, long start, long end) {
                placeholders.add(new Placeholder(name, (int) start, (int) end));
            }
        });
        PageText.Chars text = new PageText.Chars(new PrintWriter(new StringWriter()), java.nio.charset.StandardCharsets.UTF_8);
        String string = page.toString();
        int resume = 0;
        for (int at = 0; at < string.length(); ) {
            int end = pieces == null ? string.length() : Math.min(string.length(), at + 1 + pieces.nextInt(16));
            text.append(string, at, end - at);
            resume = scanner.scan(text, resume, 0);
            at = end;
        }
        scanner.finish(text, resume, 0);
        return new ScannedPage(points[0], points[1], points[2], points[3], placeholders);
    }
}
