package io.sitechrome.internal.render;

/**
 * A query parameter value encoded as {@code URLEncoder.encode(value, UTF_8)} encodes it, in
 * one pass: unreserved characters stay, a space becomes {@code +}, everything else becomes the
 * percent-encoded bytes of its UTF-8 form (an unpaired surrogate those of {@code ?}). The result
 * holds nothing that HTML escaping would change.
 */
final class QueryParam {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private QueryParam() {
    }

    static String encode(String value) {
        int n = value.length();
        int first = 0;
        while (first < n && isUnreserved(value.charAt(first))) first++;
        if (first == n) return value;
        StringBuilder out = new StringBuilder(n + 16);
        out.append(value, 0, first);
        for (int i = first; i < n; i++) {
            char c = value.charAt(i);
            if (isUnreserved(c)) {
                out.append(c);
            } else if (c == ' ') {
                out.append('+');
            } else if (c < 0x80) {
                percent(out, c);
            } else if (c < 0x800) {
                percent(out, 0xC0 | c >> 6);
                percent(out, 0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, value.charAt(++i));
                percent(out, 0xF0 | codePoint >> 18);
                percent(out, 0x80 | codePoint >> 12 & 0x3F);
                percent(out, 0x80 | codePoint >> 6 & 0x3F);
                percent(out, 0x80 | codePoint & 0x3F);
            } else if (Character.isSurrogate(c)) {
                percent(out, '?');
            } else {
                percent(out, 0xE0 | c >> 12);
                percent(out, 0x80 | c >> 6 & 0x3F);
                percent(out, 0x80 | c & 0x3F);
            }
        }
        return out.toString();
    }

    private static boolean isUnreserved(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '-' || c == '_' || c == '.' || c == '*';
    }

    private static void percent(StringBuilder out, int b) {
        out.append('%').append(HEX[b >> 4 & 0xF]).append(HEX[b & 0xF]);
    }
}
