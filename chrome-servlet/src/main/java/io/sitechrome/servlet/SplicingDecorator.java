package io.sitechrome.servlet;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Scans a page for its insertion points, asks a planner what to put there and splices it in.
 * Pages without a {@code <body>} tag are left unchanged. When the page has no {@code </head>},
 * head markup goes right before {@code <body}; with no {@code </body>}, body-end markup is appended.
 */
final class SplicingDecorator implements PageDecorator {

    private final Function<HtmlInsertionPoints, Insertions> planner;

    /** The planner sees which placeholders the page has; it returns null to leave the page alone. */
    SplicingDecorator(Function<HtmlInsertionPoints, Insertions> planner) {
        this.planner = planner;
    }

    @Override
    public String decorate(String page) {
        Spliced spliced = plan(page);
        return spliced == null ? null : spliced.text().toString();
    }

    /** The decorated page in a builder of exactly its size, which saves copying it into a String. */
    @Override
    public StringBuilder decorate(String page, HttpServletResponse response) {
        Spliced spliced = plan(page);
        return spliced == null ? null : spliced.text();
    }

    /** The page and its edits, written out as they are when that is all that is asked for. */
    @Override
    public DecoratedPage decoratedPage(String page, HttpServletResponse response) {
        return plan(page);
    }

    private Spliced plan(String page) {
        HtmlInsertionPoints points = HtmlInsertionPoints.scan(page);
        if (!points.hasBody()) {
            return null;
        }
        Insertions insertions = planner.apply(points);
        if (insertions == null) {
            return null;
        }
        List<Edit> edits = new ArrayList<>();
        int headAt = points.headEnd() != HtmlInsertionPoints.NONE ? points.headEnd() : points.bodyTagStart();
        int bodyEndAt = points.bodyEnd() != HtmlInsertionPoints.NONE ? points.bodyEnd() : page.length();
        addInsertion(edits, headAt, insertions.head());
        addInsertion(edits, points.bodyStart(), insertions.bodyStart());
        addInsertion(edits, bodyEndAt, insertions.bodyEnd());
        for (HtmlInsertionPoints.Placeholder placeholder : points.placeholders()) {
            Markup replacement = insertions.placeholders().get(placeholder.name());
            if (replacement != null) {
                edits.add(new Edit(placeholder.start(), placeholder.end(), replacement));
            }
        }
        if (edits.isEmpty()) {
            return null;
        }
        edits.sort(Comparator.comparingInt(Edit::from));
        return new Spliced(page, edits);
    }

    private static void addInsertion(List<Edit> edits, int at, Markup markup) {
        if (at >= 0 && markup != null && !markup.isEmpty()) {
            edits.add(new Edit(at, at, markup));
        }
    }

    private record Edit(int from, int to, Markup markup) {
    }

    /** A page and its edits, in page order. */
    private static final class Spliced implements DecoratedPage {

        private final String page;
        private final List<Edit> edits;
        private StringBuilder text;

        Spliced(String page, List<Edit> edits) {
            this.page = page;
            this.edits = edits;
        }

        /** The decorated page, built once. */
        StringBuilder text() {
            if (text == null) {
                int capacity = page.length();
                for (Edit edit : edits) {
                    capacity += edit.markup().sizeHint() - (edit.to() - edit.from());
                }
                StringBuilder out = new StringBuilder(Math.max(capacity, 16));
                write(out);
                text = out;
            }
            return text;
        }

        /** In UTF-8, counted from the page and the markup's own lengths without building the page. */
        @Override
        public long length(Charset charset) {
            if (text == null && charset.equals(StandardCharsets.UTF_8)) {
                long length = PageCodec.encodedLength(page, charset);
                for (Edit edit : edits) {
                    long inserted = edit.markup().utf8Length();
                    long removed = PageCodec.encodedLength(page.subSequence(edit.from(), edit.to()), charset);
                    length = length < 0 || inserted < 0 || removed < 0 ? -1 : length + inserted - removed;
                }
                if (length >= 0) {
                    return length;
                }
            }
            return PageCodec.encodedLength(text(), charset);
        }

        @Override
        public void writeTo(PrintWriter out) {
            if (text != null) {
                PageCodec.write(text, out);
            } else {
                write(out);
            }
        }

        private void write(Appendable out) {
            try {
                int copied = 0;
                for (Edit edit : edits) {
                    appendPage(out, copied, edit.from());
                    edit.markup().appendTo(out);
                    copied = edit.to();
                }
                appendPage(out, copied, page.length());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void appendPage(Appendable out, int from, int to) throws IOException {
            if (out instanceof PrintWriter writer) {
                writer.write(page, from, to - from);
            } else {
                out.append(page, from, to);
            }
        }
    }
}
