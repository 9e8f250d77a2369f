package io.sitechrome.internal.servlet;

/**
 * Tokenizes just enough HTML, as it streams by, to know which {@code </head>}, {@code <body ...>}
 * and {@code </body>} are real tags and where the {@code <!--chrome:NAME-->} placeholders are:
 * comments, bogus comments, CDATA, tags with their attributes, raw-text and RCDATA elements,
 * scripts with their escape states and {@code <plaintext>} (the WHATWG tokenizer's states, reduced
 * to what decides those). Text between tags is skipped with {@link PageText#indexOf}.
 *
 * <p>It is fed the text piece by piece ({@link #scan}) and keeps its state between pieces: a
 * construct cut by the end of a piece is resumed, or, for the few characters that decide what a
 * {@code <} starts, looked at again with more text. Positions are offsets from the start of the
 * page. {@code settled()} is the offset before which everything has been reported.
 */
public final class HtmlScanner {

    /** What the scanner reports, in page order. */
    public interface Listener {
        /**
         * An end tag {@code </head ...>}.
         *
         * @param at the page offset of its {@code <}
         */
        void headEnd(long at);

        /**
         * A start tag {@code <body ...>}.
         *
         * @param tagStart the page offset of its {@code <}
         * @param end      the page offset just after its {@code >}
         */
        void bodyStart(long tagStart, long end);

        /**
         * An end tag {@code </body ...>}.
         *
         * @param at the page offset of its {@code <}
         */
        void bodyEnd(long at);

        /**
         * A comment exactly {@code <!--chrome:NAME-->}.
         *
         * @param name  its NAME
         * @param start the page offset of its {@code <}
         * @param end   the page offset just after its {@code >}
         */
        void placeholder(String name, long start, long end);

        /** A start tag with the watched {@code id} (see {@code HtmlScanner(Listener, String)}). */
        default void watchedId() {
        }

        /**
         * A {@code <main ...>} start tag, when an id is watched.
         *
         * @param nameEnd the page offset just after its name
         * @param hasId   whether it has an {@code id} attribute
         */
        default void mainStart(long nameEnd, boolean hasId) {
        }
    }

    /** The longest placeholder name recognised; a longer one is an ordinary comment. */
    static final int MAX_PLACEHOLDER_NAME = 64;

    /** The longest name the scanner acts on ({@code plaintext}); only that many characters of a name are kept. */
    private static final int MAX_RELEVANT_NAME = 9;
    private static final long HEAD = packed("head");
    private static final long BODY = packed("body");
    private static final long MAIN = packed("main");
    private static final long SCRIPT = packed("script");
    private static final long PLAINTEXT = packed("plaintext");
    private static final long XMP = packed("xmp");
    private static final long STYLE = packed("style");
    private static final long TITLE = packed("title");
    private static final long IFRAME = packed("iframe");
    private static final long NOEMBED = packed("noembed");
    private static final long TEXTAREA = packed("textarea");
    private static final long NOFRAMES = packed("noframes");
    private static final long NOSCRIPT = packed("noscript");

    private enum State { DATA, COMMENT, CDATA, BOGUS, TAG_NAME, ATTRIBUTES, RAW_TEXT, SCRIPT, PLAINTEXT }

    private static final int BEFORE_NAME = 0;
    private static final int NAME = 1;
    private static final int AFTER_NAME = 2;
    private static final int BEFORE_VALUE = 3;
    private static final int UNQUOTED_VALUE = 4;
    private static final int QUOTED_VALUE = 5;

    private static final int SCRIPT_DATA = 0;
    private static final int ESCAPED = 1;
    private static final int DOUBLE_ESCAPED = 2;

    /** Returned by a look-ahead that needs more text than there is. */
    private static final int MORE = -2;

    private final Listener listener;
    private final String watchedId;
    /** Whether ids and {@code <main>} are still reported: until {@link #stopWatching()}. */
    private boolean watching;
    private State state = State.DATA;
    private boolean started;
    private boolean ended;

    private long tagStart;
    private boolean endTag;
    /** The tag name read so far, {@linkplain #pack packed}, and its length. */
    private long name;
    private int nameLength;
    private String tagName;
    private int attributeState;
    private int quote;
    private int attributeNameLength;
    private boolean attributeIsId;
    private boolean tagHasId;
    private int idMatched;
    private String rawTextElement;
    private int scriptState;

    private PageText text;
    private long base;
    private int limit;

    /**
     * A scanner of one page.
     *
     * @param listener what is told of the tags found
     */
    public HtmlScanner(Listener listener) {
        this(listener, null);
    }

    /** A scanner that also reports start tags whose {@code id} is {@code watchedId}, and {@code <main>} tags. */
    HtmlScanner(Listener listener, String watchedId) {
        this.listener = listener;
        this.watchedId = watchedId;
        this.watching = watchedId != null;
    }

    /** Ids and {@code <main>} tags need not be reported any more (the page's layout is decided): tags are stepped over faster. */
    void stopWatching() {
        watching = false;
    }

    /**
     * Scans {@code text} from index {@code from} to its end, where index 0 is page offset
     * {@code base}. Returns the index to resume from: text from there on must be offered again,
     * with more after it, on the next call.
     *
     * @param text the page text held
     * @param from the index to start from
     * @param base the page offset of index 0
     * @return the index to resume from
     */
    public int scan(PageText text, int from, long base) {
        return run(text, from, base, false);
    }

    /**
     * Scans the last of the page: nothing more will come, so a cut construct is not a tag.
     *
     * @param text the page text held
     * @param from the index to start from
     * @param base the page offset of index 0
     */
    public void finish(PageText text, int from, long base) {
        run(text, from, base, true);
    }

    /**
     * The page offset before which everything is reported, given that scanning resumes at
     * {@code resume}: a tag whose name says it may be reported is still open from its {@code <}.
     */
    long settled(long resume) {
        return (state == State.TAG_NAME || (state == State.ATTRIBUTES && tagName != null)) ? Math.min(tagStart, resume) : resume;
    }

    private int run(PageText text, int from, long base, boolean end) {
        this.text = text;
        this.base = base;
        this.limit = text.length;
        this.ended = end;
        int p = from;
        if (!started) {
            if (p >= limit) return p;
            started = true;
            if (text.at(p) == '\uFEFF') p++;
        }
        while (p < limit) {
            int next = switch (state) {
                case DATA -> data(p);
                case COMMENT -> comment(p);
                case CDATA -> cdata(p);
                case BOGUS -> bogus(p);
                case TAG_NAME -> tagName(p);
                case ATTRIBUTES -> attributes(p);
                case RAW_TEXT -> rawText(p);
                case SCRIPT -> script(p);
                case PLAINTEXT -> limit;
            };
            if (next == MORE) return p;
            if (next < 0) return -next - 3;
            p = next;
        }
        return p;
    }

    /** Waits at {@code at} for more text (the construct starting there is looked at again). */
    private static int waitAt(int at) {
        return -at - 3;
    }

    private int data(int p) {
        int lt = text.indexOf('<', p);
        for (int end; lt >= 0 && ((end = shortTagEnd(lt)) > 0 || (end = inertTagEnd(lt)) > 0); lt = text.indexOf('<', end)) {
            // most tags (<p>, <a href="...">, </div>) are stepped over here, without a change of state
        }
        if (lt < 0) return limit;
        if (lt + 1 >= limit) return ended ? limit : waitAt(lt);
        int c = text.at(lt + 1);
        if (c == '!') return declaration(lt);
        if (c == '?') {
            state = State.BOGUS;
            return lt + 2;
        }
        if (c == '/') {
            if (lt + 2 >= limit) return ended ? limit : waitAt(lt);
            int c2 = text.at(lt + 2);
            if (c2 == '>') return lt + 3;
            if (!isAsciiLetter(c2)) {
                state = State.BOGUS;
                return lt + 2;
            }
            return openTag(lt, true, lt + 2);
        }
        if (isAsciiLetter(c)) return openTag(lt, false, lt + 1);
        return lt + 1;
    }

    /**
     * The end of the tag at {@code lt} when it is a start or end tag with a name of one or two
     * characters and nothing between its name and {@code >} (such a name is never one the scanner
     * acts on); 0 otherwise, and whenever the text ends too soon to tell.
     */
    private int shortTagEnd(int lt) {
        int at = lt + 1;
        if (at + 3 >= limit) return 0;
        int c = text.at(at);
        if (c == '/') c = text.at(++at);
        if (!isAsciiLetter(c)) return 0;
        int next = text.at(at + 1);
        if (next == '>') return at + 2;
        return !isTagNameTerminator(next) && text.at(at + 2) == '>' ? at + 3 : 0;
    }

    /**
     * The end of the tag at {@code lt} when it is a start or end tag the scanner never acts on (its
     * name is none of those {@link #relevant} knows, and no attribute of it may be the watched
     * id), found by following the tokenizer's attribute states in one tight loop; 0 when it is not
     * such a tag, or the text ends before its {@code >} (the state machine then takes it, from its
     * {@code <}).
     */
    private int inertTagEnd(int lt) {
        int q = lt + 1;
        if (q + 1 >= limit) return 0;
        int c = text.at(q);
        boolean end = c == '/';
        if (end) c = text.at(++q);
        if (!isAsciiLetter(c)) return 0;
        long name = 0;
        int length = 0;
        do {
            if (length < MAX_RELEVANT_NAME) name = pack(name, c);
            length++;
            if (++q >= limit) return 0;
            c = text.at(q);
        } while (!isTagNameTerminator(c));
        if (relevant(name, length, end) != null) return 0;
        boolean idMatters = watching && !end;
        while (true) {
            if (c == '>') return q + 1;
            if (isSpace(c) || c == '/') {
                if (++q >= limit) return 0;
                c = text.at(q);
                continue;
            }
            if (idMatters && (c == 'i' || c == 'I')) return 0;
            do {
                if (++q >= limit) return 0;
                c = text.at(q);
            } while (!isAttributeNameEnd(c));
            while (isSpace(c)) {
                if (++q >= limit) return 0;
                c = text.at(q);
            }
            if (c != '=') continue;
            do {
                if (++q >= limit) return 0;
                c = text.at(q);
            } while (isSpace(c));
            if (c == '"' || c == '\'') {
                q = text.indexOf(c, q + 1);
                if (q < 0 || ++q >= limit) return 0;
                c = text.at(q);
                continue;
            }
            while (c != '>' && !isSpace(c)) {
                if (++q >= limit) return 0;
                c = text.at(q);
            }
        }
    }

    /**
     * The element a tag named {@code name} is when the scanner acts on it, otherwise null:
     * {@code name} has {@code length} characters, the first {@link #MAX_RELEVANT_NAME} of them
     * {@linkplain #pack packed}.
     */
    private String relevant(long name, int length, boolean endTag) {
        if (endTag) return length != 4 ? null : name == HEAD ? "head" : name == BODY ? "body" : null;
        return switch (length) {
            case 3 -> name == XMP ? "xmp" : null;
            case 4 -> name == BODY ? "body" : name == MAIN && watching ? "main" : null;
            case 5 -> name == STYLE ? "style" : name == TITLE ? "title" : null;
            case 6 -> name == SCRIPT ? "script" : name == IFRAME ? "iframe" : null;
            case 7 -> name == NOEMBED ? "noembed" : null;
            case 8 -> name == TEXTAREA ? "textarea" : name == NOFRAMES ? "noframes" : name == NOSCRIPT ? "noscript" : null;
            case 9 -> name == PLAINTEXT ? "plaintext" : null;
            default -> null;
        };
    }

    /**
     * Adds a tag name's character {@code c} to {@code name}: ASCII in lower case, 7 bits each, so that
     * nine characters fit in a long; a name with any other character becomes negative, and stays so
     * for the nine characters kept, so it equals no name the scanner acts on.
     */
    private static long pack(long name, int c) {
        return c < 0x80 ? name << 7 | (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c) : -1;
    }

    private static long packed(String lowerName) {
        long name = 0;
        for (int i = 0; i < lowerName.length(); i++) name = pack(name, lowerName.charAt(i));
        return name;
    }

    private int declaration(int lt) {
        int comment = startsWith(lt, "<!--");
        int cdata = startsWith(lt, "<![CDATA[");
        if (comment == MORE || cdata == MORE) return waitAt(lt);
        if (comment == 1) return commentStart(lt);
        if (cdata == 1) {
            state = State.CDATA;
            return lt + 9;
        }
        state = State.BOGUS;
        return lt + 2;
    }

    private int commentStart(int lt) {
        int p = lt + 4;
        int empty = startsWith(p, ">");
        int dash = startsWith(p, "->");
        if (empty == MORE || dash == MORE) return waitAt(lt);
        if (empty == 1) return p + 1;
        if (dash == 1) return p + 2;
        int placeholder = placeholder(lt);
        if (placeholder == MORE) return waitAt(lt);
        if (placeholder >= 0) return placeholder;
        state = State.COMMENT;
        return p;
    }

    /** Reports {@code <!--chrome:NAME-->} at {@code lt}; returns its end, -1 when it is not one, or MORE. */
    private int placeholder(int lt) {
        int prefix = startsWith(lt + 4, "chrome:");
        if (prefix != 1) return prefix == MORE ? MORE : -1;
        int nameStart = lt + 4 + "chrome:".length();
        int p = nameStart;
        while (p < limit && p - nameStart <= MAX_PLACEHOLDER_NAME + 2) {
            int c = text.at(p);
            if (!(c >= 'a' && c <= 'z') && c != '-') break;
            p++;
        }
        if (p >= limit) return ended ? -1 : MORE;
        int nameEnd = p - 2;
        if (text.at(p) != '>' || nameEnd <= nameStart || text.at(p - 1) != '-' || text.at(p - 2) != '-'
                || nameEnd - nameStart > MAX_PLACEHOLDER_NAME) {
            return -1;
        }
        listener.placeholder(text.string(nameStart, nameEnd), base + lt, base + p + 1);
        return p + 1;
    }

    private int comment(int p) {
        int q = p;
        while (true) {
            int dash = text.indexOf('-', q);
            if (dash < 0) return limit;
            int close = startsWith(dash, "--");
            if (close == MORE) return ended ? limit : waitAt(dash);
            if (close == 1) {
                int gt = startsWith(dash + 2, ">");
                int bang = startsWith(dash + 2, "!>");
                if (gt == MORE || bang == MORE) return ended ? limit : waitAt(dash);
                if (gt == 1) {
                    state = State.DATA;
                    return dash + 3;
                }
                if (bang == 1) {
                    state = State.DATA;
                    return dash + 4;
                }
            }
            q = dash + 1;
        }
    }

    private int cdata(int p) {
        int q = p;
        while (true) {
            int bracket = text.indexOf(']', q);
            if (bracket < 0) return limit;
            int close = startsWith(bracket, "]]>");
            if (close == MORE) return ended ? limit : waitAt(bracket);
            if (close == 1) {
                state = State.DATA;
                return bracket + 3;
            }
            q = bracket + 1;
        }
    }

    private int bogus(int p) {
        int gt = text.indexOf('>', p);
        if (gt < 0) return limit;
        state = State.DATA;
        return gt + 1;
    }

    private int openTag(int lt, boolean end, int nameStart) {
        tagStart = base + lt;
        endTag = end;
        name = 0;
        nameLength = 0;
        tagName = null;
        state = State.TAG_NAME;
        return tagName(nameStart);
    }

    private int tagName(int p) {
        int q = p;
        while (q < limit) {
            int c = text.at(q);
            if (isTagNameTerminator(c)) {
                tagName = relevant(name, nameLength, endTag);
                tagHasId = false;
                attributeIsId = false;
                attributeState = BEFORE_NAME;
                state = State.ATTRIBUTES;
                return c == '>' ? tagEnd(q + 1) : attributes(q);
            }
            if (nameLength < MAX_RELEVANT_NAME) name = pack(name, c);
            nameLength++;
            q++;
        }
        return limit;
    }

    /** Follows the tokenizer's attribute states up to the tag's {@code >}. */
    private int attributes(int p) {
        int q = p;
        while (q < limit) {
            if (attributeState == QUOTED_VALUE) {
                int close = text.indexOf(quote, q);
                if (attributeIsId) matchId(q, close < 0 ? limit : close);
                if (close < 0) return limit;
                valueEnd();
                attributeState = BEFORE_NAME;
                q = close + 1;
                continue;
            }
            int c = text.at(q);
            if (attributeState == NAME && !attributeIsId) {
                while (!isAttributeNameEnd(c)) {
                    if (++q >= limit) return limit;
                    c = text.at(q);
                }
            }
            if (c == '>') {
                if (attributeState == UNQUOTED_VALUE) valueEnd();
                if (attributeState == NAME) nameEnd(NAME);
                return tagEnd(q + 1);
            }
            switch (attributeState) {
                case BEFORE_NAME -> {
                    if (!isSpace(c) && c != '/') nameStart(c);
                }
                case NAME -> {
                    if (isSpace(c)) attributeState = nameEnd(AFTER_NAME);
                    else if (c == '/') attributeState = nameEnd(BEFORE_NAME);
                    else if (c == '=') attributeState = nameEnd(BEFORE_VALUE);
                    else nameChar(c);
                }
                case AFTER_NAME -> {
                    if (c == '=') attributeState = BEFORE_VALUE;
                    else if (c == '/') attributeState = BEFORE_NAME;
                    else if (!isSpace(c)) nameStart(c);
                }
                case BEFORE_VALUE -> {
                    if (c == '"' || c == '\'') {
                        quote = c;
                        attributeState = QUOTED_VALUE;
                    } else if (!isSpace(c)) {
                        attributeState = UNQUOTED_VALUE;
                        if (attributeIsId) matchId(q, q + 1);
                    }
                }
                default -> {
                    if (isSpace(c)) {
                        valueEnd();
                        attributeState = BEFORE_NAME;
                    } else if (attributeIsId) {
                        matchId(q, q + 1);
                    }
                }
            }
            q++;
        }
        return limit;
    }

    private void nameStart(int c) {
        attributeState = NAME;
        attributeNameLength = 1;
        attributeIsId = watching && !endTag && (c == 'i' || c == 'I');
        idMatched = 0;
    }

    private void nameChar(int c) {
        attributeNameLength++;
        attributeIsId &= attributeNameLength == 2 && (c == 'd' || c == 'D');
    }

    /** The attribute's name ends; it is {@code id} when it is exactly those two letters. */
    private int nameEnd(int next) {
        attributeIsId &= attributeNameLength == 2;
        tagHasId |= attributeIsId;
        return next;
    }

    /** Compares the id value's characters in {@code [from, to)} with the watched id; -1 once they differ. */
    private void matchId(int from, int to) {
        for (int p = from; p < to && idMatched >= 0; p++) {
            idMatched = idMatched < watchedId.length() && text.at(p) == watchedId.charAt(idMatched) ? idMatched + 1 : -1;
        }
    }

    private void valueEnd() {
        if (attributeIsId && idMatched == watchedId.length()) listener.watchedId();
        attributeIsId = false;
    }

    private int tagEnd(int end) {
        String element = tagName;
        tagName = null;
        state = State.DATA;
        if (element == null) return end;
        if (endTag) {
            if (element.equals("head")) listener.headEnd(tagStart);
            else listener.bodyEnd(tagStart);
            return end;
        }
        switch (element) {
            case "body" -> listener.bodyStart(tagStart, base + end);
            case "main" -> listener.mainStart(tagStart + 5, tagHasId);
            case "plaintext" -> state = State.PLAINTEXT;
            case "script" -> {
                scriptState = SCRIPT_DATA;
                state = State.SCRIPT;
            }
            default -> {
                rawTextElement = element;
                state = State.RAW_TEXT;
            }
        }
        return end;
    }

    /** Skips raw text up to the matching end tag, whose attributes are then followed to its {@code >}. */
    private int rawText(int p) {
        int q = p;
        while (true) {
            int lt = text.indexOf('<', q);
            if (lt < 0) return limit;
            int match = endTagNamed(lt, rawTextElement);
            if (match == MORE) return ended ? limit : waitAt(lt);
            if (match == 1) return ignoredEndTag(lt + 2 + rawTextElement.length());
            q = lt + 1;
        }
    }

    /**
     * Skips script data up to its end tag. Inside an old-style {@code <!-- -->} wrapper, a
     * {@code <script>} opens a nested part in which {@code </script>} does not end the element.
     */
    private int script(int p) {
        int q = p;
        while (q < limit) {
            if (scriptState == SCRIPT_DATA) {
                q = text.indexOf('<', q);
                if (q < 0) return limit;
            } else {
                int c = text.at(q);
                if (c != '<' && c != '-') {
                    q++;
                    continue;
                }
            }
            int closing = scriptState != DOUBLE_ESCAPED ? endTagNamed(q, "script") : 0;
            int opening = scriptState == SCRIPT_DATA ? startsWith(q, "<!--") : 0;
            int dashes = scriptState != SCRIPT_DATA ? startsWith(q, "-->") : 0;
            int nested = scriptState == ESCAPED ? startTagNamed(q, "script") : 0;
            int nestedEnd = scriptState == DOUBLE_ESCAPED ? endTagNamed(q, "script") : 0;
            if (closing == MORE || opening == MORE || dashes == MORE || nested == MORE || nestedEnd == MORE) {
                return ended ? limit : waitAt(q);
            }
            if (closing == 1) return ignoredEndTag(q + 8);
            if (opening == 1) {
                scriptState = ESCAPED;
                q += 2;
            } else if (dashes == 1) {
                scriptState = SCRIPT_DATA;
                q += 3;
            } else if (nested == 1) {
                scriptState = DOUBLE_ESCAPED;
                q += 7;
            } else if (nestedEnd == 1) {
                scriptState = ESCAPED;
                q += 8;
            } else {
                q++;
            }
        }
        return limit;
    }

    private int ignoredEndTag(int nameEnd) {
        endTag = true;
        tagName = null;
        attributeState = BEFORE_NAME;
        state = State.ATTRIBUTES;
        return nameEnd;
    }

    /** Whether {@code </NAME} followed by a tag name terminator starts at {@code at}: 1, 0 or MORE. */
    private int endTagNamed(int at, String lowerName) {
        int slash = startsWith(at, "</");
        if (slash != 1) return slash;
        return namedAndTerminated(at + 2, lowerName);
    }

    private int startTagNamed(int at, String lowerName) {
        int lt = startsWith(at, "<");
        if (lt != 1) return lt;
        return namedAndTerminated(at + 1, lowerName);
    }

    private int namedAndTerminated(int at, String lowerName) {
        int n = lowerName.length();
        for (int k = 0; k < n; k++) {
            if (at + k >= limit) return ended ? 0 : MORE;
            int c = text.at(at + k);
            if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
            if (c != lowerName.charAt(k)) return 0;
        }
        if (at + n >= limit) return ended ? 0 : MORE;
        return isTagNameTerminator(text.at(at + n)) ? 1 : 0;
    }

    /** Whether {@code literal} is at {@code at}: 1, 0, or MORE when the text ends on a prefix of it. */
    private int startsWith(int at, String literal) {
        for (int k = 0; k < literal.length(); k++) {
            if (at + k >= limit) return ended ? 0 : MORE;
            if (text.at(at + k) != literal.charAt(k)) return 0;
        }
        return 1;
    }

    private static boolean isTagNameTerminator(int c) {
        return c <= '>' && (isSpace(c) || c == '/' || c == '>');
    }

    /** Whether {@code c} ends an attribute's name (the characters of a name that is not {@code id} need no other look). */
    private static boolean isAttributeNameEnd(int c) {
        return c <= '>' && (c == '=' || isTagNameTerminator(c));
    }

    private static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }

    private static boolean isAsciiLetter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
