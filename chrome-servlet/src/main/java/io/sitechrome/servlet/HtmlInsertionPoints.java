package io.sitechrome.servlet;

import java.util.ArrayList;
import java.util.List;

/**
 * Where chrome can be inserted into a page, found by one forward pass that tokenizes just enough
 * HTML (comments, declarations, tags with their attributes, raw-text and RCDATA elements) to
 * know which {@code <body>}, {@code </head>} and {@code </body>} are real tags.
 * Indices refer to the scanned {@code CharSequence}; absent points are {@link #NONE}.
 */
final class HtmlInsertionPoints {

    static final int NONE = -1;

    /** A {@code <!--chrome:NAME-->} comment occupying {@code [start, end)}. */
    record Placeholder(String name, int start, int end) {
    }

    private static final String[] RAW_TEXT_ELEMENTS = {
        "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript"
    };

    private final int headEnd;
    private final int bodyTagStart;
    private final int bodyStart;
    private final int bodyEnd;
    private final List<Placeholder> placeholders;

    private HtmlInsertionPoints(int headEnd, int bodyTagStart, int bodyStart, int bodyEnd,
                                List<Placeholder> placeholders) {
        this.headEnd = headEnd;
        this.bodyTagStart = bodyTagStart;
        this.bodyStart = bodyStart;
        this.bodyEnd = bodyEnd;
        this.placeholders = placeholders;
    }

    static HtmlInsertionPoints scan(CharSequence page) {
        return new Scanner(page).run();
    }

    boolean hasBody() {
        return bodyStart != NONE;
    }

    /** Index of the {@code <} of the first {@code </head} end tag that precedes the body. */
    int headEnd() {
        return headEnd;
    }

    /** Index of the {@code <} of the opening {@code <body} tag. */
    int bodyTagStart() {
        return bodyTagStart;
    }

    /** Index just after the {@code >} of the opening {@code <body ...>} tag. */
    int bodyStart() {
        return bodyStart;
    }

    /** Index of the {@code <} of the last {@code </body} end tag after the body start. */
    int bodyEnd() {
        return bodyEnd;
    }

    List<Placeholder> placeholders() {
        return placeholders;
    }

    private static final class Scanner {
        private final CharSequence s;
        private final String string;
        private final int n;
        private int headEnd = NONE;
        private int bodyTagStart = NONE;
        private int bodyStart = NONE;
        private int bodyEnd = NONE;
        private List<Placeholder> placeholders = List.of();

        Scanner(CharSequence page) {
            this.s = page;
            this.string = page instanceof String str ? str : null;
            this.n = page.length();
        }

        HtmlInsertionPoints run() {
            int i = n > 0 && s.charAt(0) == '\uFEFF' ? 1 : 0;
            while (i < n) {
                int lt = indexOf('<', i);
                if (lt < 0) {
                    break;
                }
                i = markup(lt);
            }
            return new HtmlInsertionPoints(headEnd, bodyTagStart, bodyStart, bodyEnd, placeholders);
        }

        /** Consumes the construct starting at {@code lt} and returns where scanning resumes. */
        private int markup(int lt) {
            int p = lt + 1;
            if (p >= n) {
                return n;
            }
            char c = s.charAt(p);
            if (c == '!') {
                return declaration(lt);
            }
            if (c == '?') {
                return after('>', p);
            }
            if (c == '/') {
                return endTag(lt);
            }
            if (isAsciiLetter(c)) {
                return startTag(lt);
            }
            return p;
        }

        private int declaration(int lt) {
            if (startsWith(lt, "<!--")) {
                return comment(lt);
            }
            if (startsWith(lt, "<![CDATA[")) {
                int close = indexOf("]]>", lt + 9);
                return close < 0 ? n : close + 3;
            }
            return after('>', lt + 2);
        }

        private int comment(int lt) {
            int p = lt + 4;
            if (startsWith(p, ">")) {
                return p + 1;
            }
            if (startsWith(p, "->")) {
                return p + 2;
            }
            int placeholderEnd = placeholder(lt);
            if (placeholderEnd != NONE) {
                return placeholderEnd;
            }
            while (true) {
                int dashes = indexOf("--", p);
                if (dashes < 0) {
                    return n;
                }
                if (startsWith(dashes + 2, ">")) {
                    return dashes + 3;
                }
                if (startsWith(dashes + 2, "!>")) {
                    return dashes + 4;
                }
                p = dashes + 1;
            }
        }

        /** Records {@code <!--chrome:NAME-->} at {@code lt}; returns its end or NONE. */
        private int placeholder(int lt) {
            int nameStart = lt + 4 + "chrome:".length();
            if (!startsWith(lt + 4, "chrome:")) {
                return NONE;
            }
            int p = nameStart;
            while (p < n && (isLowerAsciiLetter(s.charAt(p)) || s.charAt(p) == '-')) {
                p++;
            }
            int nameEnd = p - 2;
            if (p >= n || s.charAt(p) != '>' || nameEnd <= nameStart
                    || s.charAt(p - 1) != '-' || s.charAt(p - 2) != '-') {
                return NONE;
            }
            if (placeholders.isEmpty()) {
                placeholders = new ArrayList<>();
            }
            placeholders.add(new Placeholder(s.subSequence(nameStart, nameEnd).toString(), lt, p + 1));
            return p + 1;
        }

        private int startTag(int lt) {
            int nameStart = lt + 1;
            int nameEnd = tagNameEnd(nameStart);
            int tagEnd = afterAttributes(nameEnd);
            if (tagEnd == NONE) {
                return n;
            }
            if (named(nameStart, nameEnd, "body")) {
                if (bodyStart == NONE) {
                    bodyTagStart = lt;
                    bodyStart = tagEnd;
                }
            } else if (named(nameStart, nameEnd, "plaintext")) {
                return n;
            } else if (named(nameStart, nameEnd, "script")) {
                return afterScript(tagEnd);
            } else {
                for (String element : RAW_TEXT_ELEMENTS) {
                    if (named(nameStart, nameEnd, element)) {
                        return afterRawText(element, tagEnd);
                    }
                }
            }
            return tagEnd;
        }

        private int endTag(int lt) {
            int nameStart = lt + 2;
            if (nameStart >= n) {
                return n;
            }
            char c = s.charAt(nameStart);
            if (c == '>') {
                return nameStart + 1;
            }
            if (!isAsciiLetter(c)) {
                return after('>', nameStart);
            }
            int nameEnd = tagNameEnd(nameStart);
            int tagEnd = afterAttributes(nameEnd);
            if (tagEnd == NONE) {
                return n;
            }
            if (named(nameStart, nameEnd, "head")) {
                if (headEnd == NONE && bodyStart == NONE) {
                    headEnd = lt;
                }
            } else if (named(nameStart, nameEnd, "body") && bodyStart != NONE) {
                bodyEnd = lt;
            }
            return tagEnd;
        }

        /** Skips raw text up to and including the matching end tag. */
        private int afterRawText(String element, int from) {
            int p = from;
            while (true) {
                int lt = indexOf('<', p);
                if (lt < 0) {
                    return n;
                }
                int nameStart = lt + 2;
                int nameEnd = nameStart + element.length();
                if (startsWith(lt + 1, "/") && nameEnd < n && named(nameStart, nameEnd, element)
                        && isTagNameTerminator(s.charAt(nameEnd))) {
                    int tagEnd = afterAttributes(nameEnd);
                    return tagEnd == NONE ? n : tagEnd;
                }
                p = lt + 1;
            }
        }

        private static final int SCRIPT_DATA = 0;
        private static final int ESCAPED = 1;
        private static final int DOUBLE_ESCAPED = 2;

        /**
         * Skips script data up to and including its end tag. Inside an old-style {@code <!-- -->}
         * wrapper, a {@code <script>} opens a nested part in which {@code </script>} does not end
         * the element (the tokenizer's escaped and double-escaped states).
         */
        private int afterScript(int from) {
            int state = SCRIPT_DATA;
            int p = from;
            while (p < n) {
                if (state != DOUBLE_ESCAPED && startsWith(p, "</") && isScriptName(p + 2)) {
                    int tagEnd = afterAttributes(p + 8);
                    return tagEnd == NONE ? n : tagEnd;
                }
                if (state == SCRIPT_DATA && startsWith(p, "<!--")) {
                    state = ESCAPED;
                    p += 2;
                } else if (state != SCRIPT_DATA && startsWith(p, "-->")) {
                    state = SCRIPT_DATA;
                    p += 3;
                } else if (state == ESCAPED && startsWith(p, "<") && isScriptName(p + 1)) {
                    state = DOUBLE_ESCAPED;
                    p += 7;
                } else if (state == DOUBLE_ESCAPED && startsWith(p, "</") && isScriptName(p + 2)) {
                    state = ESCAPED;
                    p += 8;
                } else {
                    p++;
                }
            }
            return n;
        }

        /** Whether {@code script}, in any case and followed by a tag name terminator, starts at {@code at}. */
        private boolean isScriptName(int at) {
            return at + 6 < n && named(at, at + 6, "script") && isTagNameTerminator(s.charAt(at + 6));
        }

        private int tagNameEnd(int from) {
            int p = from;
            while (p < n && !isTagNameTerminator(s.charAt(p))) {
                p++;
            }
            return p;
        }

        private static final int BEFORE_NAME = 0;
        private static final int NAME = 1;
        private static final int AFTER_NAME = 2;
        private static final int BEFORE_VALUE = 3;
        private static final int UNQUOTED_VALUE = 4;

        /**
         * Follows the tokenizer's attribute states from just after a tag name.
         * Returns the index after the closing {@code >}, or NONE when the page ends inside the tag.
         */
        private int afterAttributes(int from) {
            int state = BEFORE_NAME;
            for (int p = from; p < n; p++) {
                char c = s.charAt(p);
                if (c == '>') {
                    return p + 1;
                }
                switch (state) {
                    case BEFORE_NAME -> {
                        if (!isSpace(c) && c != '/') {
                            state = NAME;
                        }
                    }
                    case NAME -> {
                        if (isSpace(c)) {
                            state = AFTER_NAME;
                        } else if (c == '/') {
                            state = BEFORE_NAME;
                        } else if (c == '=') {
                            state = BEFORE_VALUE;
                        }
                    }
                    case AFTER_NAME -> {
                        if (c == '=') {
                            state = BEFORE_VALUE;
                        } else if (c == '/') {
                            state = BEFORE_NAME;
                        } else if (!isSpace(c)) {
                            state = NAME;
                        }
                    }
                    case BEFORE_VALUE -> {
                        if (c == '"' || c == '\'') {
                            int close = indexOf(c, p + 1);
                            if (close < 0) {
                                return NONE;
                            }
                            p = close;
                            state = BEFORE_NAME;
                        } else if (!isSpace(c)) {
                            state = UNQUOTED_VALUE;
                        }
                    }
                    default -> {
                        if (isSpace(c)) {
                            state = BEFORE_NAME;
                        }
                    }
                }
            }
            return NONE;
        }

        private int after(char c, int from) {
            int at = indexOf(c, from);
            return at < 0 ? n : at + 1;
        }

        private int indexOf(char c, int from) {
            if (string != null) {
                return string.indexOf(c, from);
            }
            for (int p = from; p < n; p++) {
                if (s.charAt(p) == c) {
                    return p;
                }
            }
            return -1;
        }

        private int indexOf(String literal, int from) {
            if (string != null) {
                return string.indexOf(literal, from);
            }
            for (int p = Math.max(from, 0); p <= n - literal.length(); p++) {
                if (startsWith(p, literal)) {
                    return p;
                }
            }
            return -1;
        }

        private boolean startsWith(int at, String literal) {
            if (at < 0 || at + literal.length() > n) {
                return false;
            }
            for (int k = 0; k < literal.length(); k++) {
                if (s.charAt(at + k) != literal.charAt(k)) {
                    return false;
                }
            }
            return true;
        }

        /** Whether {@code [start, end)} is {@code lowerName} in ASCII case-insensitive comparison. */
        private boolean named(int start, int end, String lowerName) {
            if (end - start != lowerName.length() || end > n) {
                return false;
            }
            for (int k = 0; k < lowerName.length(); k++) {
                char c = s.charAt(start + k);
                if (c >= 'A' && c <= 'Z') {
                    c = (char) (c + ('a' - 'A'));
                }
                if (c != lowerName.charAt(k)) {
                    return false;
                }
            }
            return true;
        }

        private static boolean isTagNameTerminator(char c) {
            return isSpace(c) || c == '/' || c == '>';
        }

        private static boolean isSpace(char c) {
            return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
        }

        private static boolean isAsciiLetter(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }

        private static boolean isLowerAsciiLetter(char c) {
            return c >= 'a' && c <= 'z';
        }
    }
}
