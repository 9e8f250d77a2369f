package io.sitechrome.servlet;

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
        HtmlInsertionPoints points = HtmlInsertionPoints.scan(page);
        if (!points.hasBody()) {
            return null;
        }
        Insertions insertions = planner.apply(points);
        return insertions == null ? null : splice(page, points, insertions);
    }

    private record Edit(int from, int to, String text) {
    }

    static String splice(String page, HtmlInsertionPoints points, Insertions insertions) {
        List<Edit> edits = new ArrayList<>();
        int headAt = points.headEnd() != HtmlInsertionPoints.NONE ? points.headEnd() : points.bodyTagStart();
        int bodyEndAt = points.bodyEnd() != HtmlInsertionPoints.NONE ? points.bodyEnd() : page.length();
        addInsertion(edits, headAt, insertions.head());
        addInsertion(edits, points.bodyStart(), insertions.bodyStart());
        addInsertion(edits, bodyEndAt, insertions.bodyEnd());
        for (HtmlInsertionPoints.Placeholder placeholder : points.placeholders()) {
            String replacement = insertions.placeholders().get(placeholder.name());
            if (replacement != null) {
                edits.add(new Edit(placeholder.start(), placeholder.end(), replacement));
            }
        }
        if (edits.isEmpty()) {
            return null;
        }
        edits.sort(Comparator.comparingInt(Edit::from));
        int capacity = page.length();
        for (Edit edit : edits) {
            capacity += edit.text().length() - (edit.to() - edit.from());
        }
        StringBuilder out = new StringBuilder(capacity);
        int copied = 0;
        for (Edit edit : edits) {
            out.append(page, copied, edit.from()).append(edit.text());
            copied = edit.to();
        }
        return out.append(page, copied, page.length()).toString();
    }

    private static void addInsertion(List<Edit> edits, int at, String text) {
        if (at >= 0 && text != null && !text.isEmpty()) {
            edits.add(new Edit(at, at, text));
        }
    }
}
