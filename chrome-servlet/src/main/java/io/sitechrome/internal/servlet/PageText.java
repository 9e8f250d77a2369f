package io.sitechrome.internal.servlet;

import io.sitechrome.internal.render.EncodedAppendable;
import io.sitechrome.internal.render.Utf8;
import jakarta.servlet.ServletOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Set;

/**
 * The part of a page not yet sent, and its way out to the container: {@link Bytes} for a page
 * written to the output stream, {@link Chars} for one written to the writer. The scanner reads
 * it ({@link #at}, {@link #indexOf}); the decoration sends page text ({@link #send}) and markup
 * ({@link #markup()}), which is encoded once, in the page's charset, with a numeric character
 * reference for any character the charset cannot encode. Page text goes out straight from where
 * it is held (a String the application wrote is not copied); a writer's markup goes straight to the
 * container's writer, which buffers, and a stream's markup is encoded through a small buffer, which
 * grows only to collect a page whose length must be known before it is sent ({@link #collect(int)}).
 */
public abstract class PageText {

    /** Charsets in which every byte below 0x40, and every ASCII letter after a {@code <}, stands for itself. */
    private static final Set<String> ASCII_COMPATIBLE = Set.of("utf-8", "us-ascii", "iso-8859-1", "iso-8859-2",
        "iso-8859-3", "iso-8859-4", "iso-8859-5", "iso-8859-6", "iso-8859-7", "iso-8859-8", "iso-8859-9", "iso-8859-13",
        "iso-8859-15", "iso-8859-16", "windows-1250", "windows-1251", "windows-1252", "windows-1253", "windows-1254",
        "windows-1255", "windows-1256", "windows-1257", "windows-1258", "koi8-r", "koi8-u", "shift_jis", "windows-31j",
        "euc-jp", "euc-kr", "gbk", "gb18030", "big5");

    /** The most held at a time from one write; larger writes are taken in pieces of this size. */
    static final int PIECE = 32 * 1024;

    /** The output buffer's size, allocated at the first output: page text and markup gather in it and are sent when it fills. */
    private static final int OUT_CAPACITY = 16 * 1024;
    /** The least size of the array page text is copied to for counting its bytes. */
    private static final int SCRATCH = 4 * 1024;
    private static final byte[] NO_BYTES = {};
    private static final char[] NO_CHARS = {};

    final Charset charset;
    final boolean utf8;
    private final CharsetEncoder encoder;
    int length;
    boolean collecting;

    PageText(Charset charset) {
        this.charset = charset;
        this.utf8 = charset.equals(StandardCharsets.UTF_8);
        this.encoder = utf8 ? null : charset.newEncoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** The charset a Content-Type declares, UTF-8 when it declares none, or null when it is unknown here. */
    static Charset declaredCharset(String contentType, String characterEncoding) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).contains("charset=") || characterEncoding == null) {
            return StandardCharsets.UTF_8;
        }
        return lookup(characterEncoding);
    }

    static Charset lookup(String name) {
        if (name == null) return null;
        try {
            return Charset.forName(name.trim());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    /** Whether markup can be found in the page's bytes without decoding them. */
    static boolean asciiCompatible(Charset charset) {
        return charset.equals(StandardCharsets.UTF_8) || ASCII_COMPATIBLE.contains(charset.name().toLowerCase(Locale.ROOT));
    }

    abstract int at(int index);

    /** The index of the first {@code c} (ASCII) at or after {@code from}, or -1. */
    abstract int indexOf(int c, int from);

    /** The ASCII text in {@code [from, to)}. */
    abstract String string(int from, int to);

    /** Sends the page text in {@code [from, to)}. */
    abstract void send(int from, int to) throws IOException;

    /** Drops the first {@code count} units, which have been sent. */
    abstract void drop(int count);

    /** Where markup is written: encoded into the output as it is appended. */
    abstract Appendable markup();

    /** Whether each unit of this text is a byte of UTF-8, so that page offsets count bytes sent. */
    boolean utf8Units() {
        return false;
    }

    /** Whether markup is counted as it is sent (a page measured for its length): then {@link #markup(long)} saves that work. */
    boolean countsMarkup() {
        return false;
    }

    /**
     * Where markup of {@code utf8Bytes} bytes in UTF-8 is written; a known length (not -1) is
     * taken as it is instead of counting the markup's characters.
     */
    Appendable markup(long utf8Bytes) {
        return markup();
    }

    /** Sends what the output holds; with {@code container}, flushes the container too. */
    abstract void flush(boolean container) throws IOException;

    /**
     * From now on output is collected until {@link #sendCollected()}, so that its length is known
     * first; an output that can measure what the container's buffer holds may send some of it.
     *
     * @param containerBuffer the container's buffer size in bytes
     * @throws IOException when what was sent before cannot be
     */
    void collect(int containerBuffer) throws IOException {
        collecting = true;
    }

    /**
     * The length of the whole page in bytes, once it is collected: {@code sentUnits} units were
     * sent before collecting began. -1 when this output cannot tell (the container then measures).
     */
    abstract long pageBytes(long sentUnits);

    /** The layout is decided; unless the page is being collected, its length will not be needed. */
    void decided() {
    }

    void sendCollected() throws IOException {
        collecting = false;
        flush(false);
    }

    /** The page is done with this text: its arrays go back to the {@link BufferPool}, and nothing more is sent. */
    abstract void release();

    /** Encodes a character the charset cannot hold as a numeric character reference. */
    static String reference(int codePoint) {
        return "&#" + codePoint + ';';
    }

    boolean canEncode(char c) {
        return utf8 || c < 0x80 || encoder.canEncode(c);
    }

    boolean canEncode(CharSequence pair) {
        return utf8 || encoder.canEncode(pair);
    }

    /** A page written to the output stream; it is scanned as bytes, without decoding. */
    static final class Bytes extends PageText {

        private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
        private static final long ONES = 0x0101010101010101L;
        private static final long HIGHS = 0x8080808080808080L;

        private final ServletOutputStream real;
        private final CharsetEncoder markupEncoder;
        private final Markup markup = new Markup();
        private byte[] held = NO_BYTES;
        private byte[] out = NO_BYTES;
        private int outLength;
        private CharsetDecoder validator;
        private CharBuffer validated;

        Bytes(ServletOutputStream real, Charset charset) {
            super(charset);
            this.real = real;
            this.markupEncoder = charset.equals(StandardCharsets.UTF_8) ? null : charset.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        }

        @Override
        boolean utf8Units() {
            return utf8;
        }

        void append(byte[] bytes, int off, int len) {
            grow(len);
            System.arraycopy(bytes, off, held, length, len);
            length += len;
        }

        /** Holds {@code chars[off, off + len)}, encoded in UTF-8 by {@code encoder} (a page written to the writer). */
        void append(char[] chars, int off, int len, Utf8Encoder encoder) {
            grow(Utf8Encoder.maxBytes(len));
            length = encoder.encode(chars, off, off + len, held, length);
        }

        /** The page ends: what {@code encoder} still holds is written too. */
        void finish(Utf8Encoder encoder) {
            grow(3);
            length = encoder.finish(held, length);
        }

        private void grow(int len) {
            if (length + len > held.length) {
                byte[] larger = BufferPool.BYTES.take(Math.max(length + len, held.length * 2));
                System.arraycopy(held, 0, larger, 0, length);
                BufferPool.BYTES.give(held);
                held = larger;
            }
        }

        /**
         * Checks that the bytes from {@code from} on are UTF-8, for a page that does not declare
         * its charset. Returns the index up to which they are (a sequence cut by the end of the
         * text is checked again with what follows), or -1 when they are not.
         */
        int validUtf8(int from) {
            if (validator == null) {
                validator = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
                validated = CharBuffer.allocate(512);
            }
            ByteBuffer in = ByteBuffer.wrap(held, from, length - from);
            while (true) {
                validated.clear();
                CoderResult result = validator.decode(in, validated, false);
                if (result.isError()) return -1;
                if (result.isUnderflow()) return in.position();
            }
        }

        @Override
        int at(int index) {
            return held[index] & 0xFF;
        }

        /** Eight bytes at a time: the first byte of a word that equals {@code c} is its lowest zero after xor. */
        @Override
        int indexOf(int c, int from) {
            byte[] bytes = held;
            int end = length;
            long pattern = ONES * c;
            int i = from;
            for (; i + 8 <= end; i += 8) {
                long word = (long) LONGS.get(bytes, i) ^ pattern;
                long zeros = (word - ONES) & ~word & HIGHS;
                if (zeros != 0) return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
            }
            for (; i < end; i++) {
                if (bytes[i] == c) return i;
            }
            return -1;
        }

        @Override
        String string(int from, int to) {
            return new String(held, from, to - from, StandardCharsets.ISO_8859_1);
        }

        @Override
        void send(int from, int to) throws IOException {
            emit(held, from, to - from);
        }

        /**
         * Sends {@code bytes[off, off + len)}: gathered in the output with what came before while it
         * fits (or always, while collecting), so that the container gets few writes (a container may
         * send each larger write to the network at once); a piece at least as large as the output
         * goes on by itself.
         */
        private void emit(byte[] bytes, int off, int len) throws IOException {
            if (len <= 0) return;
            if (!collecting && outLength + len > out.length) {
                flush(false);
                if (len >= OUT_CAPACITY) {
                    real.write(bytes, off, len);
                    return;
                }
            }
            reserve(len);
            System.arraycopy(bytes, off, out, outLength, len);
            outLength += len;
        }

        @Override
        void drop(int count) {
            System.arraycopy(held, count, held, 0, length - count);
            length -= count;
        }

        @Override
        Appendable markup() {
            return markup;
        }

        @Override
        void flush(boolean container) throws IOException {
            if (!collecting && outLength > 0) {
                real.write(out, 0, outLength);
                outLength = 0;
            }
            if (container) real.flush();
        }

        /** What was sent before goes on first, so that the output holds only what is collected. */
        @Override
        void collect(int containerBuffer) throws IOException {
            flush(false);
            super.collect(containerBuffer);
        }

        @Override
        long pageBytes(long sentUnits) {
            return sentUnits + outLength;
        }

        private void reserve(int len) {
            if (outLength + len > out.length) {
                if (!collecting && outLength > 0) {
                    try {
                        flush(false);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    if (len <= out.length) return;
                }
                byte[] larger = BufferPool.BYTES.take(Math.max(outLength + len, Math.max(out.length * 2, OUT_CAPACITY)));
                System.arraycopy(out, 0, larger, 0, outLength);
                BufferPool.BYTES.give(out);
                out = larger;
            }
        }

        @Override
        void release() {
            BufferPool.BYTES.give(held);
            BufferPool.BYTES.give(out);
            held = NO_BYTES;
            out = NO_BYTES;
            length = 0;
            outLength = 0;
        }

        private void put(int b) {
            if (outLength == out.length) reserve(1);
            out[outLength++] = (byte) b;
        }

        /**
         * Encodes appended characters into the output: UTF-8 by hand, other charsets with references
         * for what they lack; markup already in UTF-8 is copied as it is to a UTF-8 page.
         */
        private final class Markup implements EncodedAppendable {

            @Override
            public void appendEncoded(String text, byte[] utf8) throws IOException {
                if (markupEncoder != null) {
                    append(text, 0, text.length());
                    return;
                }
                emit(utf8, 0, utf8.length);
            }

            @Override
            public Appendable append(CharSequence csq) {
                return append(csq, 0, csq.length());
            }

            @Override
            public Appendable append(CharSequence csq, int start, int end) {
                if (markupEncoder == null) {
                    for (int i = start; i < end; i++) {
                        char c = csq.charAt(i);
                        if (c < 0x80) {
                            put(c);
                        } else if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(csq.charAt(i + 1))) {
                            utf8(Character.toCodePoint(c, csq.charAt(++i)));
                        } else {
                            utf8(Character.isSurrogate(c) ? '?' : c);
                        }
                    }
                } else {
                    encode(csq, start, end);
                }
                return this;
            }

            @Override
            public Appendable append(char c) {
                if (markupEncoder == null && c < 0x80) {
                    put(c);
                    return this;
                }
                return append(String.valueOf(c), 0, 1);
            }

            private void utf8(int codePoint) {
                if (codePoint < 0x800) {
                    put(0xC0 | codePoint >> 6);
                } else if (codePoint < 0x10000) {
                    put(0xE0 | codePoint >> 12);
                    put(0x80 | (codePoint >> 6 & 0x3F));
                } else {
                    put(0xF0 | codePoint >> 18);
                    put(0x80 | (codePoint >> 12 & 0x3F));
                    put(0x80 | (codePoint >> 6 & 0x3F));
                }
                put(0x80 | (codePoint & 0x3F));
            }

            private void encode(CharSequence csq, int start, int end) {
                CharBuffer in = CharBuffer.wrap(csq, start, end);
                markupEncoder.reset();
                while (true) {
                    reserve(Math.max(16, (int) ((in.remaining()) * markupEncoder.maxBytesPerChar())));
                    ByteBuffer target = ByteBuffer.wrap(out, outLength, out.length - outLength);
                    CoderResult result = markupEncoder.encode(in, target, true);
                    outLength = target.position();
                    if (result.isUnderflow()) {
                        reserve(16);
                        target = ByteBuffer.wrap(out, outLength, out.length - outLength);
                        markupEncoder.flush(target);
                        outLength = target.position();
                        return;
                    }
                    if (result.isError()) {
                        int codePoint = Character.codePointAt(in, 0);
                        in.position(in.position() + (result.length()));
                        for (char c : reference(Character.isValidCodePoint(codePoint) ? codePoint : '?').toCharArray()) put(c);
                    }
                }
            }
        }
    }

    /**
     * A page written to the writer; the container's writer encodes it, markup included. Nothing is
     * buffered here: page text and markup go straight to the container's writer, which buffers.
     */
    public static final class Chars extends PageText {

        private final PrintWriter real;
        private final Markup markup = new Markup();
        private final Counted counted = new Counted();
        /**
         * Whether the bytes sent are still counted, so that a page complete before its layout is
         * decided gets its Content-Length (a container measures a page only while it fits in its
         * buffer): in UTF-8 and single-byte charsets, until the layout is decided.
         */
        private boolean measuring;
        private long sentBytes;
        /** Where page text is copied to be counted; taken when first needed. */
        private char[] scratch;
        /** The container's buffer size while the page is collected; 0 when all of it is collected. */
        private int room;
        /** The page's end while it is collected and no longer fits the container's buffer, {@code collected[0, collectedLength)}; null otherwise. */
        private char[] collected;
        private int collectedLength;
        private char[] held = NO_CHARS;
        /** While a String the application wrote is the text: it is {@code lent[lentFrom, lentFrom + length)}. */
        private String lent;
        private int lentFrom;

        /**
         * The text of a page written to the writer.
         *
         * @param real    the container's writer
         * @param charset the page's charset
         */
        public Chars(PrintWriter real, Charset charset) {
            super(charset);
            this.real = real;
            this.measuring = utf8 || charset.newEncoder().maxBytesPerChar() == 1.0f;
        }

        /**
         * Takes {@code string} as the text without copying it, when nothing is held: it is scanned
         * with {@link String#indexOf(int, int)}, which the JVM vectorises, sent from where it is,
         * and what is left unsent stays in it (a String does not change) until more text joins it.
         */
        boolean lend(String string, int off, int len) {
            if (length > 0) {
                own();
                return false;
            }
            lent = string;
            lentFrom = off;
            length = len;
            return true;
        }

        /** Copies what is left of a lent String into the held array, before other text is appended to it. */
        private void own() {
            if (lent == null) return;
            String string = lent;
            int from = lentFrom;
            int len = length;
            lent = null;
            length = 0;
            append(string, from, len);
        }

        void append(char[] chars, int off, int len) {
            own();
            grow(len);
            System.arraycopy(chars, off, held, length, len);
            length += len;
        }

        /**
         * Holds characters the application wrote.
         *
         * @param string the characters
         * @param off    the index of the first one
         * @param len    how many
         */
        public void append(String string, int off, int len) {
            own();
            grow(len);
            string.getChars(off, off + len, held, length);
            length += len;
        }

        private void grow(int len) {
            if (length + len > held.length) {
                char[] larger = BufferPool.CHARS.take(Math.max(length + len, held.length * 2));
                System.arraycopy(held, 0, larger, 0, length);
                BufferPool.CHARS.give(held);
                held = larger;
            }
        }

        /** Room for {@code len} more collected characters. */
        private void collecting(int len) {
            if (collectedLength + len > collected.length) {
                char[] larger = BufferPool.CHARS.take(Math.max(collectedLength + len, collected.length * 2));
                System.arraycopy(collected, 0, larger, 0, collectedLength);
                BufferPool.CHARS.give(collected);
                collected = larger;
            }
        }

        @Override
        void release() {
            BufferPool.CHARS.give(held);
            BufferPool.CHARS.give(collected);
            BufferPool.CHARS.give(scratch);
            scratch = null;
            held = NO_CHARS;
            collected = null;
            collectedLength = 0;
            lent = null;
            length = 0;
        }

        @Override
        int at(int index) {
            return lent != null ? lent.charAt(lentFrom + index) : held[index];
        }

        @Override
        int indexOf(int c, int from) {
            if (lent != null) {
                int at = lent.indexOf(c, lentFrom + from) - lentFrom;
                return at >= 0 && at < length ? at : -1;
            }
            char[] chars = held;
            for (int i = from, end = length; i < end; i++) {
                if (chars[i] == c) return i;
            }
            return -1;
        }

        @Override
        String string(int from, int to) {
            return lent != null ? lent.substring(lentFrom + from, lentFrom + to) : new String(held, from, to - from);
        }

        @Override
        void send(int from, int to) {
            int len = to - from;
            if (len <= 0) return;
            if (lent != null) {
                out(lent, lentFrom + from, lentFrom + to);
            } else {
                out(held, from, to);
            }
        }

        @Override
        void drop(int count) {
            length -= count;
            if (lent != null) {
                lentFrom += count;
                if (length == 0) lent = null;
            } else {
                System.arraycopy(held, count, held, 0, length);
            }
        }

        @Override
        Appendable markup() {
            return markup;
        }

        @Override
        void flush(boolean container) {
            if (container) real.flush();
        }

        @Override
        boolean countsMarkup() {
            return measuring && utf8 && collected == null;
        }

        /** Markup of a known length that fits the container's buffer goes straight on, counted as a whole. */
        @Override
        Appendable markup(long utf8Bytes) {
            if (utf8Bytes < 0 || !countsMarkup() || sentBytes < 0 || (collecting && sentBytes + utf8Bytes >= room)) {
                return markup;
            }
            count(utf8Bytes);
            return counted;
        }

        /**
         * The page is complete and needs its length: what still fits in the container's buffer
         * ({@code containerBuffer} bytes, what was sent included) goes straight on, counted, so
         * the container holds it uncommitted; from the first output that would not fit, the rest
         * is collected, so that it is measured before it is sent.
         */
        @Override
        void collect(int containerBuffer) throws IOException {
            super.collect(containerBuffer);
            room = measuring && sentBytes >= 0 ? containerBuffer : 0;
        }

        @Override
        void decided() {
            if (!collecting) measuring = false;
        }

        @Override
        long pageBytes(long sentUnits) {
            if (!measuring || sentBytes < 0) return -1;
            long rest = collected == null ? 0 : utf8 ? Utf8.length(collected, 0, collectedLength) : collectedLength;
            return rest < 0 ? -1 : sentBytes + rest;
        }

        @Override
        void sendCollected() throws IOException {
            char[] page = collected;
            collected = null;
            super.sendCollected();
            if (page != null) {
                real.write(page, 0, collectedLength);
                BufferPool.CHARS.give(page);
            }
            collectedLength = 0;
        }

        /** The bytes {@code text[from, to)} takes when sent, if they are counted; 0 otherwise. */
        private long bytes(CharSequence text, int from, int to) {
            if (!measuring) return 0;
            if (!utf8) return to - from;
            return text instanceof String string ? utf8Length(string, from, to) : Utf8.length(text, from, to);
        }

        /**
         * The UTF-8 length of {@code string[from, to)}, counted over copies of it in a scratch
         * array: {@link String#getChars} copies fast, and a loop over an array compiles tighter
         * than one through {@link CharSequence#charAt}. A chunk never ends inside a surrogate pair.
         */
        private long utf8Length(String string, int from, int to) {
            if (scratch == null) scratch = BufferPool.CHARS.take(SCRATCH);
            long total = 0;
            for (int at = from; at < to; ) {
                int end = Math.min(to, at + scratch.length);
                if (end < to && Character.isHighSurrogate(string.charAt(end - 1))) end--;
                string.getChars(at, end, scratch, 0);
                long chunk = Utf8.length(scratch, 0, end - at);
                if (chunk < 0) return -1;
                total += chunk;
                at = end;
            }
            return total;
        }

        /**
         * Whether output of {@code bytes} bytes ({@code len} characters) is collected rather than
         * sent: while the page is collected, once output stops fitting in the container's buffer.
         * When it is, there is room for it in {@link #collected}.
         */
        private boolean collects(long bytes, int len) {
            if (!collecting) return false;
            if (collected == null) {
                if (bytes >= 0 && sentBytes >= 0 && sentBytes + bytes < room) return false;
                collected = BufferPool.CHARS.take(Math.max(OUT_CAPACITY, len));
                collectedLength = 0;
            }
            collecting(len);
            return true;
        }

        /** Sends {@code text[from, to)} on to the container's writer, or collects it. */
        private void out(CharSequence text, int from, int to) {
            if (to <= from) return;
            long bytes = collected == null ? bytes(text, from, to) : 0;
            if (collects(bytes, to - from)) {
                if (text instanceof String string) {
                    string.getChars(from, to, collected, collectedLength);
                } else if (text instanceof StringBuilder builder) {
                    builder.getChars(from, to, collected, collectedLength);
                } else {
                    for (int i = from; i < to; i++) collected[collectedLength + i - from] = text.charAt(i);
                }
                collectedLength += to - from;
                return;
            }
            if (text instanceof String string) {
                real.write(string, from, to - from);
            } else {
                real.append(text, from, to);
            }
            if (measuring) count(bytes);
        }

        /** Sends {@code chars[from, to)} on to the container's writer, or collects it. */
        private void out(char[] chars, int from, int to) {
            if (to <= from) return;
            long bytes = collected == null && measuring ? utf8 ? Utf8.length(chars, from, to) : to - from : 0;
            if (collects(bytes, to - from)) {
                System.arraycopy(chars, from, collected, collectedLength, to - from);
                collectedLength += to - from;
                return;
            }
            real.write(chars, from, to - from);
            if (measuring) count(bytes);
        }

        /** Sends one character on, or collects it. */
        private void out(char c) {
            long bytes = Character.isSurrogate(c) ? -1 : !utf8 || c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            if (collects(bytes, 1)) {
                collected[collectedLength++] = c;
                return;
            }
            real.write(c);
            if (measuring) count(bytes);
        }

        /** Adds {@code bytes} sent; -1 (half a surrogate pair in one write) gives the count up. */
        private void count(long bytes) {
            if (sentBytes >= 0) sentBytes = bytes < 0 ? -1 : sentBytes + bytes;
        }

        /** Writes UTF-8 markup whose length is counted already straight to the container's writer. */
        private final class Counted implements Appendable {

            @Override
            public Appendable append(CharSequence csq) {
                return append(csq, 0, csq.length());
            }

            @Override
            public Appendable append(CharSequence csq, int start, int end) {
                if (csq instanceof String string) {
                    real.write(string, start, end - start);
                } else {
                    real.append(csq, start, end);
                }
                return this;
            }

            @Override
            public Appendable append(char c) {
                real.write(c);
                return this;
            }
        }

        /** Writes characters the writer's charset can encode, in runs, and references for the others. */
        private final class Markup implements Appendable {

            @Override
            public Appendable append(CharSequence csq) {
                return append(csq, 0, csq.length());
            }

            @Override
            public Appendable append(CharSequence csq, int start, int end) {
                int run = start;
                for (int i = start; i < end && !utf8; i++) {
                    char c = csq.charAt(i);
                    if (canEncode(c)) continue;
                    boolean pair = Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(csq.charAt(i + 1));
                    if (pair && canEncode(csq.subSequence(i, i + 2))) {
                        i++;
                        continue;
                    }
                    out(csq, run, i);
                    String reference = reference(pair ? Character.toCodePoint(c, csq.charAt(i + 1)) : Character.isSurrogate(c) ? '?' : c);
                    out(reference, 0, reference.length());
                    if (pair) i++;
                    run = i + 1;
                }
                out(csq, run, end);
                return this;
            }

            @Override
            public Appendable append(char c) {
                if (canEncode(c)) {
                    out(c);
                } else {
                    String reference = reference(Character.isSurrogate(c) ? '?' : c);
                    out(reference, 0, reference.length());
                }
                return this;
            }
        }
    }
}
