package io.sitechrome.servlet;

import java.util.Map;

/**
 * Markup to splice into one page: before {@code </head>}, right after {@code <body ...>},
 * before the last {@code </body>}, and in place of named {@code <!--chrome:NAME-->} placeholders
 * (placeholders without an entry stay as they are). Null or empty strings insert nothing.
 */
record Insertions(String head, String bodyStart, String bodyEnd, Map<String, String> placeholders) {

    Insertions {
        placeholders = placeholders == null ? Map.of() : placeholders;
    }
}
