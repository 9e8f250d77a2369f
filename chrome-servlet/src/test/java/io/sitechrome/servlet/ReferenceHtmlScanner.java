package io.sitechrome.servlet;

import io.sitechrome.internal.servlet.HtmlScanner;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A slow, deliberately literal tokenizer for the fuzz tests' oracle: one character at a time
 * through the states of the WHATWG HTML tokenizer (data, tags and attributes, comments, bogus
 * comments, RCDATA, RAWTEXT, script data with its escaped and double-escaped states, PLAINTEXT),
 * noting where the insertion points are. It shares no code with {@link HtmlScanner}.
 *
 * <p>Only two simplifications: a DOCTYPE is read as a bogus comment (both end at the first
 * {@code >}), and {@code <![CDATA[} runs to {@code ]]>} as in foreign content (the fuzz pages put
 * no {@code >} in a CDATA section before a tag in it, so the HTML-content reading agrees).
 */
final class ReferenceHtmlScanner {

    record Placeholder(String name, int start, int end) {
    }

    record Result(int headEnd, int bodyTagStart, int bodyStart, int bodyEnd, List<Placeholder> placeholders) {
        boolean hasBody() {
            return bodyStart >= 0;
        }
    }

    private enum State {
        DATA, TAG_OPEN, END_TAG_OPEN, TAG_NAME, BEFORE_ATTRIBUTE_NAME, ATTRIBUTE_NAME, AFTER_ATTRIBUTE_NAME,
        BEFORE_ATTRIBUTE_VALUE, ATTRIBUTE_VALUE_DOUBLE, ATTRIBUTE_VALUE_SINGLE, ATTRIBUTE_VALUE_UNQUOTED,
        AFTER_ATTRIBUTE_VALUE_QUOTED, SELF_CLOSING_START_TAG, BOGUS_COMMENT, COMMENT_START, COMMENT_START_DASH,
        COMMENT, COMMENT_END_DASH, COMMENT_END, COMMENT_END_BANG, CDATA, TEXT, SCRIPT_DATA, SCRIPT_ESCAPE_START,
        SCRIPT_ESCAPE_START_DASH, SCRIPT_ESCAPED, SCRIPT_ESCAPED_DASH, SCRIPT_ESCAPED_DASH_DASH, SCRIPT_DOUBLE_ESCAPED,
        SCRIPT_DOUBLE_ESCAPED_DASH, SCRIPT_DOUBLE_ESCAPED_DASH_DASH, PLAINTEXT
    }

    private static final Set<String> RAWTEXT = Set.of("style", "xmp", "iframe", "noembed", "noframes", "noscript");
    private static final Set<String> RCDATA = Set.of("title", "textarea");

    private final String s;
    private int headEnd = -1;
    private int bodyTagStart = -1;
    private int bodyStart = -1;
    private int bodyEnd = -1;
    private final List<Placeholder> placeholders = new ArrayList<>();

    private ReferenceHtmlScanner(String s) {
        this.s = s;
    }

    static Result scan(String page) {
        ReferenceHtmlScanner scanner = new ReferenceHtmlScanner(page);
        scanner.run();
        return new Result(scanner.headEnd, scanner.bodyTagStart, scanner.bodyStart, scanner.bodyEnd, scanner.placeholders);
    }

    private void run() {
        State state = State.DATA;
        int tagStart = -1;
        boolean endTag = false;
        StringBuilder tagName = new StringBuilder();
        String textElement = null;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            switch (state) {
                case DATA -> {
                    if (c == '<') {
                        tagStart = i;
                        state = State.TAG_OPEN;
                    }
                    i++;
                }
                case TAG_OPEN -> {
                    if (c == '!') {
                        if (s.startsWith("--", i + 1)) {
                            state = State.COMMENT_START;
                            i += 3;
                        } else if (s.startsWith("[CDATA[", i + 1)) {
                            state = State.CDATA;
                            i += 8;
                        } else {
                            state = State.BOGUS_COMMENT;
                            i++;
                        }
                    } else if (c == '/') {
                        state = State.END_TAG_OPEN;
                        i++;
                    } else if (isAsciiAlpha(c)) {
                        endTag = false;
                        tagName.setLength(0);
                        state = State.TAG_NAME;
                    } else if (c == '?') {
                        state = State.BOGUS_COMMENT;
                        i++;
                    } else {
                        state = State.DATA;
                    }
                }
                case END_TAG_OPEN -> {
                    if (isAsciiAlpha(c)) {
                        endTag = true;
                        tagName.setLength(0);
                        state = State.TAG_NAME;
                    } else if (c == '>') {
                        state = State.DATA;
                        i++;
                    } else {
                        state = State.BOGUS_COMMENT;
                    }
                }
                case TAG_NAME -> {
                    if (isWhitespace(c)) {
                        state = State.BEFORE_ATTRIBUTE_NAME;
                    } else if (c == '/') {
                        state = State.SELF_CLOSING_START_TAG;
                    } else if (c == '>') {
                        state = emitTag(tagStart, i + 1, endTag, tagName.toString());
                        textElement = tagName.toString().toLowerCase(Locale.ROOT);
                    } else {
                        tagName.append(c);
                    }
                    i++;
                }
                case BEFORE_ATTRIBUTE_NAME -> {
                    if (isWhitespace(c)) {
                        i++;
                    } else if (c == '/' || c == '>') {
                        state = State.AFTER_ATTRIBUTE_NAME;
                    } else {
                        state = State.ATTRIBUTE_NAME;
                        i++;
                    }
                }
                case ATTRIBUTE_NAME -> {
                    if (isWhitespace(c) || c == '/' || c == '>') {
                        state = State.AFTER_ATTRIBUTE_NAME;
                    } else if (c == '=') {
                        state = State.BEFORE_ATTRIBUTE_VALUE;
                        i++;
                    } else {
                        i++;
                    }
                }
                case AFTER_ATTRIBUTE_NAME -> {
                    if (isWhitespace(c)) {
                        i++;
                    } else if (c == '/') {
                        state = State.SELF_CLOSING_START_TAG;
                        i++;
                    } else if (c == '=') {
                        state = State.BEFORE_ATTRIBUTE_VALUE;
                        i++;
                    } else if (c == '>') {
                        state = emitTag(tagStart, i + 1, endTag, tagName.toString());
                        textElement = tagName.toString().toLowerCase(Locale.ROOT);
                        i++;
                    } else {
                        state = State.ATTRIBUTE_NAME;
                        i++;
                    }
                }
                case BEFORE_ATTRIBUTE_VALUE -> {
                    if (isWhitespace(c)) {
                        i++;
                    } else if (c == '"') {
                        state = State.ATTRIBUTE_VALUE_DOUBLE;
                        i++;
                    } else if (c == '\'') {
                        state = State.ATTRIBUTE_VALUE_SINGLE;
                        i++;
                    } else if (c == '>') {
                        state = emitTag(tagStart, i + 1, endTag, tagName.toString());
                        textElement = tagName.toString().toLowerCase(Locale.ROOT);
                        i++;
                    } else {
                        state = State.ATTRIBUTE_VALUE_UNQUOTED;
                    }
                }
                case ATTRIBUTE_VALUE_DOUBLE -> {
                    if (c == '"') state = State.AFTER_ATTRIBUTE_VALUE_QUOTED;
                    i++;
                }
                case ATTRIBUTE_VALUE_SINGLE -> {
                    if (c == '\'') state = State.AFTER_ATTRIBUTE_VALUE_QUOTED;
                    i++;
                }
                case ATTRIBUTE_VALUE_UNQUOTED -> {
                    if (isWhitespace(c)) {
                        state = State.BEFORE_ATTRIBUTE_NAME;
                    } else if (c == '>') {
                        state = emitTag(tagStart, i + 1, endTag, tagName.toString());
                        textElement = tagName.toString().toLowerCase(Locale.ROOT);
                    }
                    i++;
                }
                case AFTER_ATTRIBUTE_VALUE_QUOTED -> {
                    if (isWhitespace(c)) {
                        state = State.BEFORE_ATTRIBUTE_NAME;
                        i++;
                    } else if (c == '/') {
                        state = State.SELF_CLOSING_START_TAG;
                        i++;
                    } else if (c == '>') {
                        state = emitTag(tagStart, i + 1, endTag, tagName.toString());
                        textElement = tagName.toString().toLowerCase(Locale.ROOT);
                        i++;
                    } else {
                        state = State.BEFORE_ATTRIBUTE_NAME;
                    }
                }
                case SELF_CLOSING_START_TAG -> {
                    if (c == '>') {
                        state = emitTag(tagStart, i + 1, endTag, tagName.toString());
                        textElement = tagName.toString().toLowerCase(Locale.ROOT);
                        i++;
                    } else {
                        state = State.BEFORE_ATTRIBUTE_NAME;
                    }
                }
                case BOGUS_COMMENT -> {
                    if (c == '>') state = State.DATA;
                    i++;
                }
                case COMMENT_START -> {
                    if (c == '-') {
                        state = State.COMMENT_START_DASH;
                        i++;
                    } else if (c == '>') {
                        state = State.DATA;
                        i++;
                    } else {
                        state = State.COMMENT;
                    }
                }
                case COMMENT_START_DASH -> {
                    if (c == '-') {
                        state = State.COMMENT_END;
                        i++;
                    } else if (c == '>') {
                        state = State.DATA;
                        i++;
                    } else {
                        state = State.COMMENT;
                    }
                }
                case COMMENT -> {
                    if (c == '-') state = State.COMMENT_END_DASH;
                    i++;
                }
                case COMMENT_END_DASH -> {
                    if (c == '-') {
                        state = State.COMMENT_END;
                        i++;
                    } else {
                        state = State.COMMENT;
                    }
                }
                case COMMENT_END -> {
                    if (c == '>') {
                        comment(tagStart, i + 1);
                        state = State.DATA;
                        i++;
                    } else if (c == '!') {
                        state = State.COMMENT_END_BANG;
                        i++;
                    } else if (c == '-') {
                        i++;
                    } else {
                        state = State.COMMENT;
                    }
                }
                case COMMENT_END_BANG -> {
                    if (c == '-') {
                        state = State.COMMENT_END_DASH;
                        i++;
                    } else if (c == '>') {
                        state = State.DATA;
                        i++;
                    } else {
                        state = State.COMMENT;
                    }
                }
                case CDATA -> {
                    if (s.startsWith("]]>", i)) {
                        state = State.DATA;
                        i += 3;
                    } else {
                        i++;
                    }
                }
                case TEXT -> {
                    int end = appropriateEndTag(i, textElement);
                    if (end >= 0) {
                        state = State.TAG_NAME;
                        tagStart = i;
                        endTag = true;
                        tagName.setLength(0);
                        tagName.append(textElement);
                        i = end;
                    } else {
                        i++;
                    }
                }
                case SCRIPT_DATA -> {
                    int end = appropriateEndTag(i, "script");
                    if (end >= 0) {
                        state = State.TAG_NAME;
                        tagStart = i;
                        endTag = true;
                        tagName.setLength(0);
                        tagName.append("script");
                        i = end;
                    } else if (s.startsWith("<!", i)) {
                        state = State.SCRIPT_ESCAPE_START;
                        i += 2;
                    } else {
                        i++;
                    }
                }
                case SCRIPT_ESCAPE_START -> {
                    if (c == '-') {
                        state = State.SCRIPT_ESCAPE_START_DASH;
                        i++;
                    } else {
                        state = State.SCRIPT_DATA;
                    }
                }
                case SCRIPT_ESCAPE_START_DASH -> {
                    if (c == '-') {
                        state = State.SCRIPT_ESCAPED_DASH_DASH;
                        i++;
                    } else {
                        state = State.SCRIPT_DATA;
                    }
                }
                case SCRIPT_ESCAPED, SCRIPT_ESCAPED_DASH, SCRIPT_ESCAPED_DASH_DASH -> {
                    int end = appropriateEndTag(i, "script");
                    if (end >= 0) {
                        state = State.TAG_NAME;
                        tagStart = i;
                        endTag = true;
                        tagName.setLength(0);
                        tagName.append("script");
                        i = end;
                    } else if (c == '<' && startsDoubleEscape(i + 1)) {
                        state = State.SCRIPT_DOUBLE_ESCAPED;
                        i += "<script".length();
                    } else if (c == '-') {
                        state = state == State.SCRIPT_ESCAPED ? State.SCRIPT_ESCAPED_DASH : State.SCRIPT_ESCAPED_DASH_DASH;
                        i++;
                    } else if (c == '>' && state == State.SCRIPT_ESCAPED_DASH_DASH) {
                        state = State.SCRIPT_DATA;
                        i++;
                    } else {
                        state = State.SCRIPT_ESCAPED;
                        i++;
                    }
                }
                case SCRIPT_DOUBLE_ESCAPED, SCRIPT_DOUBLE_ESCAPED_DASH, SCRIPT_DOUBLE_ESCAPED_DASH_DASH -> {
                    if (c == '<' && s.startsWith("/", i + 1) && startsDoubleEscape(i + 2)) {
                        state = State.SCRIPT_ESCAPED;
                        i += "</script".length();
                    } else if (c == '-') {
                        state = state == State.SCRIPT_DOUBLE_ESCAPED ? State.SCRIPT_DOUBLE_ESCAPED_DASH : State.SCRIPT_DOUBLE_ESCAPED_DASH_DASH;
                        i++;
                    } else if (c == '>' && state == State.SCRIPT_DOUBLE_ESCAPED_DASH_DASH) {
                        state = State.SCRIPT_DATA;
                        i++;
                    } else {
                        state = State.SCRIPT_DOUBLE_ESCAPED;
                        i++;
                    }
                }
                case PLAINTEXT -> i = s.length();
                default -> throw new IllegalStateException(state.name());
            }
        }
    }

    /** What follows a start or end tag ending at {@code end}; a start tag may switch the tokenizer's text mode. */
    private State emitTag(int start, int end, boolean isEndTag, String rawName) {
        String name = rawName.toLowerCase(Locale.ROOT);
        if (isEndTag) {
            if (name.equals("head") && headEnd < 0 && bodyStart < 0) headEnd = start;
            if (name.equals("body") && bodyStart >= 0) bodyEnd = start;
            return State.DATA;
        }
        if (name.equals("body") && bodyStart < 0) {
            bodyTagStart = start;
            bodyStart = end;
        }
        if (name.equals("script")) return State.SCRIPT_DATA;
        if (RAWTEXT.contains(name) || RCDATA.contains(name)) return State.TEXT;
        if (name.equals("plaintext")) return State.PLAINTEXT;
        return State.DATA;
    }

    /** A comment closed by {@code -->} spanning {@code [start, end)}: a placeholder when it is exactly {@code <!--chrome:NAME-->}. */
    private void comment(int start, int end) {
        String data = s.substring(start + 4, end - 3);
        if (!data.startsWith("chrome:")) return;
        String name = data.substring("chrome:".length());
        if (!name.isEmpty() && name.chars().allMatch(ch -> (ch >= 'a' && ch <= 'z') || ch == '-')) {
            placeholders.add(new Placeholder(name, start, end));
        }
    }

    /**
     * If an appropriate end tag for {@code element} starts at {@code lt} ({@code </}, the name in any
     * case, then whitespace, {@code /} or {@code >}), the index just after its name; else -1.
     */
    private int appropriateEndTag(int lt, String element) {
        if (!s.startsWith("</", lt)) return -1;
        int nameEnd = lt + 2 + element.length();
        if (nameEnd >= s.length()) return -1;
        if (!s.substring(lt + 2, nameEnd).toLowerCase(Locale.ROOT).equals(element)) return -1;
        char after = s.charAt(nameEnd);
        return isWhitespace(after) || after == '/' || after == '>' ? nameEnd : -1;
    }

    /** Whether {@code script} (any case) followed by whitespace, {@code /} or {@code >} starts at {@code at}. */
    private boolean startsDoubleEscape(int at) {
        int end = at + "script".length();
        if (end >= s.length()) return false;
        if (!s.substring(at, end).toLowerCase(Locale.ROOT).equals("script")) return false;
        char after = s.charAt(end);
        return isWhitespace(after) || after == '/' || after == '>';
    }

    private static boolean isWhitespace(char c) {
        return c == '\t' || c == '\n' || c == '\f' || c == ' ' || c == '\r';
    }

    private static boolean isAsciiAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
