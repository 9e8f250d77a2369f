package io.sitechrome.render;

/** Byte counts of text in UTF-8, for Content-Length without encoding twice. */
public final class Utf8 {

    private Utf8() {
    }

    /** The number of bytes {@code text} takes in UTF-8, or -1 when it holds an unpaired surrogate. */
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
     * The number of bytes {@code text[from, to)} takes in UTF-8.
     *
     * @param text the characters
     * @param from the first character counted
     * @param to   the end of the counted characters, exclusive
     * @return the byte count, or -1 when the range holds an unpaired surrogate (or ends in half a pair)
     */
    public static long length(char[] text, int from, int to) {
        long total = 0;
        for (int i = from; i < to; i++) {
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
        }
        return total;
    }
}
