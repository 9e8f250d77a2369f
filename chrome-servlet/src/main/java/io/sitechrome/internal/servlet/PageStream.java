package io.sitechrome.internal.servlet;

import io.sitechrome.internal.render.Utf8;
import io.sitechrome.servlet.ChromeObserver;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One page on its way out, decorated as it streams. The application's output is scanned once
 * ({@link HtmlScanner}) and passes on as soon as nothing before it can change; what is held is
 * only what a pending decision needs:
 * <ol>
 * <li><em>Seeking</em>: until the {@code <body ...>} tag, text passes through up to the first
 *     point that may change ({@code </head>} or a placeholder). A page without a body is never
 *     decorated: at its end, or once {@code seekLimit} units are held, the held rest goes out
 *     unchanged.</li>
 * <li><em>Placing</em>: from the {@code <body ...>} tag until the page ends, the application
 *     flushes, or {@code holdLimit} units are held, placeholders may still claim their
 *     components (a page's {@code <!--chrome:header-->} a little way into the body). Then the
 *     layout is decided: the decorator learns which placeholders there were, the response gets
 *     its headers, and the head and body-start markup go out in place.</li>
 * <li><em>Streaming</em>: text passes straight on; a placeholder is offered to the decorator when
 *     it is met; from each {@code </body>} tag the rest is held, so that the body-end markup goes
 *     before the last one (one followed by more than {@code holdLimit} units is not the last).</li>
 * </ol>
 * When the decorator names a {@linkplain PageDecorator#skipTarget() skip target} that no element of
 * the page seen so far has when the layout is decided, the first {@code <main>} without an id gets
 * it, or, without one, an empty target goes right after the body-start markup.
 * A page that ends while placing is complete before anything decorated is sent, so its exact
 * length goes in Content-Length (a writer's page too, in UTF-8 and single-byte charsets, however
 * large the container's buffer); one decided earlier is sent with the container's chunked encoding.
 * With {@code giveUpOnOverflow} (the {@code max-buffer-bytes} setting), a page that needs more
 * than {@code holdLimit} held before its layout is decided goes out undecorated instead.
 */
public final class PageStream implements HtmlScanner.Listener {

    private enum Phase { SEEKING, PLACING, STREAMING, PASSING }

    /**
     * The most characters encoded onto the held bytes at a time: their bytes (at most three each)
     * and what the placement window holds stay within the arrays the {@link BufferPool} keeps.
     */
    private static final int ENCODED_PIECE = 8 * 1024;

    private record Placeholder(String name, long start, long end) {
    }

    /** Markup for {@code point} at {@code at}, replacing the page text up to {@code end}; or {@code literal} markup of the filter's own. */
    private record Edit(long at, long end, PageDecorator.Point point, String placeholder, String literal) {

        Edit(long at, long end, PageDecorator.Point point, String placeholder) {
            this(at, end, point, placeholder, null);
        }

        static Edit literal(long at, String markup) {
            return new Edit(at, at, null, null, markup);
        }
    }

    private final PageText text;
    private final PageDecorator decorator;
    private final DecoratingResponse response;
    private final HtmlScanner scanner;
    private final String skipTarget;
    private final int seekLimit;
    private final int holdLimit;
    private final boolean giveUpOnOverflow;
    private final boolean validateUtf8;
    private final Utf8Encoder encoder;
    private final List<Edit> edits = new ArrayList<>(4);
    private List<Placeholder> placeholders = List.of();
    private Phase phase = Phase.SEEKING;
    private long base;
    private int resume;
    private long validated;
    private long headEnd = -1;
    private long bodyTagStart = -1;
    private long bodyStart = -1;
    private long bodyEnd = -1;
    private boolean targetFound;
    private boolean mainSeen;
    private long mainWithoutId = -1;

    /**
     * @param validateUtf8 the page declares no charset: it is decorated as UTF-8 only if it is UTF-8 up to the decision
     * @param encoder      for a page written to the writer and held as bytes, what encodes its characters; otherwise null
     */
    PageStream(PageText text, PageDecorator decorator, DecoratingResponse response, int seekLimit, int holdLimit,
               boolean giveUpOnOverflow, boolean validateUtf8, Utf8Encoder encoder) {
        this.encoder = encoder;
        this.seekLimit = seekLimit;
        this.text = text;
        this.decorator = decorator;
        this.response = response;
        this.holdLimit = holdLimit;
        this.giveUpOnOverflow = giveUpOnOverflow;
        this.validateUtf8 = validateUtf8;
        this.skipTarget = decorator.skipTarget();
        this.scanner = new HtmlScanner(this, skipTarget);
    }

    /** Whether the page goes out unchanged from now on, straight to the container. */
    boolean passing() {
        return phase == Phase.PASSING;
    }

    void write(byte[] bytes, int off, int len) throws IOException {
        PageText.Bytes held = (PageText.Bytes) text;
        for (int at = off, end = off + len; at < end && !passing(); ) {
            int piece = Math.min(PageText.PIECE, end - at);
            held.append(bytes, at, piece);
            written();
            at += piece;
            if (passing() && at < end) response.passOn(bytes, at, end - at);
        }
    }

    void write(char[] chars, int off, int len) throws IOException {
        for (int at = off, end = off + len; at < end && !passing(); ) {
            int piece = Math.min(encoder != null ? ENCODED_PIECE : PageText.PIECE, end - at);
            if (encoder != null) {
                ((PageText.Bytes) text).append(chars, at, piece, encoder);
            } else {
                ((PageText.Chars) text).append(chars, at, piece);
            }
            written();
            at += piece;
            if (passing() && at < end) response.passOn(chars, at, end - at);
        }
    }

    void write(String string, int off, int len) throws IOException {
        if (encoder != null) {
            writeEncoded(string, off, len);
            return;
        }
        PageText.Chars held = (PageText.Chars) text;
        if (held.lend(string, off, len)) {
            written();
            return;
        }
        for (int at = off, end = off + len; at < end && !passing(); ) {
            int piece = Math.min(PageText.PIECE, end - at);
            held.append(string, at, piece);
            written();
            at += piece;
            if (passing() && at < end) response.passOn(string, at, end - at);
        }
    }

    /** Encodes {@code string[off, off + len)} onto the held bytes, a piece at a time through a borrowed array. */
    private void writeEncoded(String string, int off, int len) throws IOException {
        PageText.Bytes held = (PageText.Bytes) text;
        char[] piece = BufferPool.CHARS.take(Math.min(len, ENCODED_PIECE));
        try {
            for (int at = off, end = off + len; at < end; ) {
                if (passing()) {
                    response.passOn(string, at, end - at);
                    return;
                }
                int n = Math.min(ENCODED_PIECE, end - at);
                string.getChars(at, at + n, piece, 0);
                held.append(piece, 0, n, encoder);
                written();
                at += n;
            }
        } finally {
            BufferPool.CHARS.give(piece);
        }
    }

    /** The application flushed: what is decided goes out, and the layout is decided if the body has begun. */
    void flush() throws IOException {
        if (phase == Phase.PLACING) {
            decide();
            release();
        }
        text.flush(true);
    }

    /** The page is complete: decorates the rest and sends it. */
    void finish() throws IOException {
        if (phase == Phase.PASSING) {
            text.flush(false);
            text.release();
            return;
        }
        if (encoder != null) ((PageText.Bytes) text).finish(encoder);
        scanner.finish(text, resume, base);
        resume = text.length;
        if (validateUtf8 && phase != Phase.STREAMING && validUpTo() != text.length) {
            pass(ChromeObserver.Reason.CHARSET);
            return;
        }
        if (phase == Phase.SEEKING) {
            pass(ChromeObserver.Reason.NO_BODY);
            return;
        }
        long end = base + text.length;
        boolean complete = phase == Phase.PLACING;
        if (complete) {
            text.collect(response.getBufferSize());
            decide();
        }
        insertEdit(new Edit(bodyEnd >= 0 ? bodyEnd : end, bodyEnd >= 0 ? bodyEnd : end, PageDecorator.Point.BODY_END, null));
        long known = complete ? knownLength(end) : -1;
        if (known >= 0) {
            response.decoratedLength(known);
            text.sendCollected();
        }
        long sentBefore = base;
        sendUntil(end);
        if (complete && known < 0) {
            response.decoratedLength(text.pageBytes(sentBefore));
            text.sendCollected();
        }
        text.flush(false);
        text.release();
    }

    /**
     * The length in bytes of the decorated page that ends at {@code end}, worked out before it is
     * sent, so that it goes out without being collected first: for a page held as UTF-8 bytes
     * (offsets are byte counts) whose markup has known lengths; -1 otherwise (it is measured).
     */
    private long knownLength(long end) {
        if (!text.utf8Units()) return -1;
        long total = end;
        for (Edit edit : edits) {
            long markup = edit.literal() != null ? Utf8.length(edit.literal()) : decorator.utf8Length(edit.point(), edit.placeholder());
            if (markup < 0) return -1;
            total += markup - (edit.end() - edit.at());
        }
        return total;
    }

    /** Stops decorating a page that has not been decided yet (an error, a redirect): what is held goes out unchanged. */
    void giveUp(ChromeObserver.Reason reason) throws IOException {
        if (phase == Phase.SEEKING || phase == Phase.PLACING) pass(reason);
    }

    private void written() throws IOException {
        resume = scanner.scan(text, resume, base);
        if (validateUtf8 && phase != Phase.STREAMING) {
            int valid = validUpTo();
            if (valid < 0) {
                pass(ChromeObserver.Reason.CHARSET);
                return;
            }
            validated = base + valid;
        }
        release();
    }

    private int validUpTo() {
        return ((PageText.Bytes) text).validUtf8((int) (validated - base));
    }

    /** Sends what is decided, and decides what has waited too long. */
    private void release() throws IOException {
        long end = base + text.length;
        long until = scanner.settled(base + resume);
        if (phase == Phase.STREAMING) {
            if (bodyEnd >= 0 && end - bodyEnd > holdLimit) bodyEnd = -1;
            if (bodyEnd >= 0) until = Math.min(until, bodyEnd);
        } else {
            until = Math.min(until, firstChange());
            if (validateUtf8) until = Math.min(until, validated);
            if (end - until > (phase == Phase.SEEKING ? seekLimit : holdLimit)) {
                if (phase == Phase.SEEKING || giveUpOnOverflow) {
                    pass(phase == Phase.SEEKING ? ChromeObserver.Reason.NO_BODY : ChromeObserver.Reason.OVER_CAP);
                } else {
                    decide();
                    release();
                }
                return;
            }
        }
        sendUntil(until);
    }

    /** The first offset where the page may change, while its layout is not decided. */
    private long firstChange() {
        long first = Long.MAX_VALUE;
        if (headEnd >= 0) first = headEnd;
        if (bodyTagStart >= 0) first = Math.min(first, bodyTagStart);
        if (!placeholders.isEmpty()) first = Math.min(first, placeholders.get(0).start());
        return first;
    }

    /** Fixes the layout: placeholders met so far claim their markup first, then the head and body start get theirs. */
    private void decide() throws IOException {
        for (Placeholder placeholder : placeholders) {
            if (decorator.fills(placeholder.name())) {
                edits.add(new Edit(placeholder.start(), placeholder.end(), PageDecorator.Point.PLACEHOLDER, placeholder.name()));
            }
        }
        placeholders = List.of();
        long head = headEnd >= 0 ? headEnd : bodyTagStart;
        int at = 0;
        while (at < edits.size() && edits.get(at).at() < head) at++;
        edits.add(at, new Edit(head, head, PageDecorator.Point.HEAD, null));
        while (at < edits.size() && edits.get(at).at() < bodyStart) at++;
        edits.add(at, new Edit(bodyStart, bodyStart, PageDecorator.Point.BODY_START, null));
        if (skipTarget != null && !targetFound) {
            if (mainWithoutId >= 0) {
                insertEdit(Edit.literal(mainWithoutId, " id=\"" + escape(skipTarget) + "\""));
            } else {
                edits.add(at + 1, Edit.literal(bodyStart, "<div id=\"" + escape(skipTarget) + "\" tabindex=\"-1\"></div>"));
            }
            targetFound = true;
        }
        phase = Phase.STREAMING;
        scanner.stopWatching();
        text.decided();
        response.decorating(text.charset);
    }

    /** Adds {@code edit} after the edits at or before its place. */
    private void insertEdit(Edit edit) {
        int at = 0;
        while (at < edits.size() && edits.get(at).at() <= edit.at()) at++;
        edits.add(at, edit);
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }

    private void pass(ChromeObserver.Reason reason) throws IOException {
        phase = Phase.PASSING;
        edits.clear();
        placeholders = List.of();
        response.passing(reason);
        sendUntil(base + text.length);
        text.flush(false);
        text.release();
    }

    /** Sends the page up to {@code until}, with the markup of every edit before it. */
    private void sendUntil(long until) throws IOException {
        long at = base;
        while (!edits.isEmpty()) {
            Edit edit = edits.get(0);
            if (edit.at() > until || edit.end() > until) break;
            text.send((int) (at - base), (int) (edit.at() - base));
            if (edit.literal() != null) {
                text.markup().append(edit.literal());
            } else {
                Appendable out = text.countsMarkup()
                    ? text.markup(decorator.utf8Length(edit.point(), edit.placeholder())) : text.markup();
                decorator.write(edit.point(), edit.placeholder(), out);
            }
            at = edit.end();
            edits.remove(0);
        }
        if (until > at) {
            text.send((int) (at - base), (int) (until - base));
            at = until;
        }
        int sent = (int) (at - base);
        if (sent > 0) {
            text.drop(sent);
            base = at;
            resume -= sent;
        }
    }

    @Override
    public void headEnd(long at) {
        if (headEnd < 0 && bodyStart < 0) headEnd = at;
    }

    @Override
    public void bodyStart(long tagStart, long end) {
        if (bodyStart >= 0) return;
        bodyTagStart = tagStart;
        bodyStart = end;
        if (phase == Phase.SEEKING) phase = Phase.PLACING;
    }

    @Override
    public void bodyEnd(long at) {
        if (bodyStart >= 0) bodyEnd = at;
    }

    @Override
    public void watchedId() {
        targetFound = true;
    }

    @Override
    public void mainStart(long nameEnd, boolean hasId) {
        if (mainSeen || bodyStart < 0) return;
        mainSeen = true;
        if (!hasId && !targetFound) mainWithoutId = nameEnd;
    }

    @Override
    public void placeholder(String name, long start, long end) {
        if (phase == Phase.STREAMING) {
            if (decorator.fills(name)) edits.add(new Edit(start, end, PageDecorator.Point.PLACEHOLDER, name));
            return;
        }
        if (placeholders.isEmpty()) placeholders = new ArrayList<>(2);
        placeholders.add(new Placeholder(name, start, end));
    }
}
