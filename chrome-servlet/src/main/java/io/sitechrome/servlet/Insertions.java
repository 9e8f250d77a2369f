package io.sitechrome.servlet;

import java.util.HashMap;
import java.util.Map;

/**
 * Markup to splice into one page: before {@code </head>}, right after {@code <body ...>},
 * before the last {@code </body>}, and in place of named {@code <!--chrome:NAME-->} placeholders
 * (placeholders without an entry stay as they are). Null or empty markup inserts nothing.
 */
record Insertions(Markup head, Markup bodyStart, Markup bodyEnd, Map<String, Markup> placeholders) {

    Insertions {
        placeholders = placeholders == null ? Map.of() : placeholders;
    }

    /** Insertions of fixed text. */
    Insertions(String head, String bodyStart, String bodyEnd, Map<String, String> placeholders) {
        this(Markup.of(head), Markup.of(bodyStart), Markup.of(bodyEnd), texts(placeholders));
    }

    private static Map<String, Markup> texts(Map<String, String> placeholders) {
        if (placeholders == null) return null;
        Map<String, Markup> texts = new HashMap<>();
        placeholders.forEach((name, text) -> texts.put(name, Markup.of(text)));
        return texts;
    }
}
