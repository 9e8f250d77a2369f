package io.sitechrome.render;

/** Byte counts of text in UTF-8, for Content-Length without encoding twice. */
public final class Utf8 {

    private Utf8() {
    }

    /** The number of bytes {@code text} takes in UTF-8, or -1 when it holds an unpaired surrogate. */
    public static long length(CharSequence text) {
        long total = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
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
}
