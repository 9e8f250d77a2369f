package io.sitechrome.internal.render;

/** Byte counts of text in UTF-8, for Content-Length without encoding twice. */
public final class Utf8 {

    private Utf8() {
    }

    /**
     * The number of bytes {@code text} takes in UTF-8.
     *
     * @param text the text
     * @return the byte count, or -1 when it holds an unpaired surrogate
     */
    public static long length(CharSequence text) {
        return length(text, 0, text.length());
    }

    /**
     * The number of bytes {@code text[from, to)} takes in UTF-8.
     *
     * @param text the text
     * @param from the first character counted
     * @param to   the end of the counted characters, exclusive
     * @return the byte count, or -1 when the range holds an unpaired surrogate (or ends in half a pair)
     */
    public static long length(CharSequence text, int from, int to) {
        long total = 0;
        int n = to;
        for (int i = from; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                total += 1;
            } else if (c < 0x800) {
                total += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                total += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                return -1;
            } else {
                total += 3;
            }
        }
        return total;
    }

    /**
     * The number of bytes {@code text[from, to)} takes in UTF-8; runs of ASCII are counted eight
     * characters at a time.
     *
     * @param text the characters
     * @param from the first character counted
     * @param to   the end of the counted characters, exclusive
     * @return the byte count, or -1 when the range holds an unpaired surrogate (or ends in half a pair)
     */
    public static long length(char[] text, int from, int to) {
        long total = 0;
        int i = from;
        while (i < to) {
            if (i + 8 <= to && (text[i] | text[i + 1] | text[i + 2] | text[i + 3]
                    | text[i + 4] | text[i + 5] | text[i + 6] | text[i + 7]) < 0x80) {
                total += 8;
                i += 8;
                continue;
            }
            char c = text[i];
            if (c < 0x80) {
                total += 1;
            } else if (c < 0x800) {
                total += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(text[i + 1])) {
                total += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                return -1;
            } else {
                total += 3;
            }
            i++;
        }
        return total;
    }
}
