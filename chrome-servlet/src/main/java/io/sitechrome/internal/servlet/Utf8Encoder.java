package io.sitechrome.internal.servlet;

/**
 * Encodes the characters of a page written to the writer into UTF-8, write by write, for a page
 * that is decorated and sent as bytes (see {@link DecoratingResponse#getWriter()}). A high
 * surrogate that ends one write waits for the low one that starts the next; an unpaired surrogate
 * becomes what the container's own writer makes of it ({@link #unpairedSurrogate}).
 */
final class Utf8Encoder {

    private static final byte[] QUESTION_MARK = {'?'};
    private static final byte[] REPLACEMENT_CHARACTER = {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD};

    private final byte[] unpaired;
    /** A high surrogate that ended the last write, or 0. */
    private char pending;

    /** @param unpaired what an unpaired surrogate becomes, at most 3 bytes */
    Utf8Encoder(byte[] unpaired) {
        this.unpaired = unpaired;
    }

    /**
     * What the writer of the container {@code serverInfo} names makes of an unpaired surrogate in
     * UTF-8: Jetty's writer the replacement character U+FFFD, Tomcat's (the JDK's encoder) {@code ?}.
     *
     * @param serverInfo {@code ServletContext.getServerInfo()}
     * @return the bytes an unpaired surrogate becomes
     */
    static byte[] unpairedSurrogate(String serverInfo) {
        return serverInfo != null && serverInfo.regionMatches(true, 0, "jetty", 0, 5) ? REPLACEMENT_CHARACTER : QUESTION_MARK;
    }

    /**
     * The most bytes {@link #encode} writes for {@code chars} characters.
     *
     * @param chars how many characters are encoded
     * @return the room they need
     */
    static int maxBytes(int chars) {
        return 3 * chars + 4;
    }

    /**
     * Encodes {@code src[from, to)} into {@code dst} from {@code at}, which has room for
     * {@link #maxBytes}{@code (to - from)} bytes.
     *
     * @return the index after the last byte written
     */
    int encode(char[] src, int from, int to, byte[] dst, int at) {
        int i = from;
        if (pending != 0 && i < to) {
            if (Character.isLowSurrogate(src[i])) {
                at = fourBytes(Character.toCodePoint(pending, src[i++]), dst, at);
            } else {
                at = unpaired(dst, at);
            }
            pending = 0;
        }
        while (i < to) {
            while (i + 8 <= to && (src[i] | src[i + 1] | src[i + 2] | src[i + 3] | src[i + 4] | src[i + 5] | src[i + 6] | src[i + 7]) < 0x80) {
                for (int k = 0; k < 8; k++) dst[at + k] = (byte) src[i + k];
                i += 8;
                at += 8;
            }
            if (i == to) break;
            char c = src[i++];
            if (c < 0x80) {
                dst[at++] = (byte) c;
            } else if (c < 0x800) {
                dst[at++] = (byte) (0xC0 | c >> 6);
                dst[at++] = (byte) (0x80 | (c & 0x3F));
            } else if (!Character.isSurrogate(c)) {
                dst[at++] = (byte) (0xE0 | c >> 12);
                dst[at++] = (byte) (0x80 | (c >> 6 & 0x3F));
                dst[at++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i == to) {
                pending = c;
            } else if (Character.isHighSurrogate(c) && Character.isLowSurrogate(src[i])) {
                at = fourBytes(Character.toCodePoint(c, src[i++]), dst, at);
            } else {
                at = unpaired(dst, at);
            }
        }
        return at;
    }

    /**
     * The page ends: a high surrogate still waiting is written as an unpaired one.
     *
     * @return the index after the last byte written (room for 3 bytes is needed)
     */
    int finish(byte[] dst, int at) {
        if (pending == 0) return at;
        pending = 0;
        return unpaired(dst, at);
    }

    private int unpaired(byte[] dst, int at) {
        for (byte b : unpaired) dst[at++] = b;
        return at;
    }

    /** Whether a high surrogate waits for the next write. */
    boolean pending() {
        return pending != 0;
    }

    private static int fourBytes(int codePoint, byte[] dst, int at) {
        dst[at++] = (byte) (0xF0 | codePoint >> 18);
        dst[at++] = (byte) (0x80 | (codePoint >> 12 & 0x3F));
        dst[at++] = (byte) (0x80 | (codePoint >> 6 & 0x3F));
        dst[at++] = (byte) (0x80 | (codePoint & 0x3F));
        return at;
    }
}
