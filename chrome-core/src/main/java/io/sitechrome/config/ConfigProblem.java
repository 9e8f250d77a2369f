package io.sitechrome.config;

/**
 * One problem found in a configuration file, at a line and column (both 1-based),
 * on a path such as {@code header.nav[2].label}.
 *
 * <p>{@link #toString()} gives the form editors and CI logs understand:
 * {@code FILE:LINE:COLUMN: path: message}.
 *
 * @param file    the file (or URL, or template) the problem is in, as it was named
 * @param line    the 1-based line of the problem
 * @param column  the 1-based column of the problem
 * @param path    the path of the offending key or value, such as {@code header.nav[2].label},
 *                or {@link #ROOT} for the whole document
 * @param message what is wrong, in words for a designer
 */
public record ConfigProblem(String file, int line, int column, String path, String message) {

    /** The path used for problems that belong to the whole document. */
    public static final String ROOT = "(root)";

    /** Longer paths and messages (a huge key or value quoted) are cut in the middle. */
    static final int MAX_LENGTH = 400;

    /**
     * Cuts an overlong path or message in the middle and escapes line breaks and other control
     * characters in them, so that a problem always prints on one line of reasonable length.
     *
     * @param file    the file the problem is in
     * @param line    the 1-based line
     * @param column  the 1-based column
     * @param path    the path of the offending key or value
     * @param message what is wrong
     */
    public ConfigProblem {
        path = printable(shortened(path));
        message = printable(shortened(message));
    }

    private static String shortened(String text) {
        if (text == null || text.length() <= MAX_LENGTH) return text;
        int head = MAX_LENGTH * 3 / 4;
        int tail = MAX_LENGTH / 8;
        if (Character.isHighSurrogate(text.charAt(head - 1))) head--;
        if (Character.isLowSurrogate(text.charAt(text.length() - tail))) tail--;
        return text.substring(0, head) + "[... " + (text.length() - head - tail) + " characters ...]" + text.substring(text.length() - tail);
    }

    /** Line breaks and other control characters escaped, so that a problem always stays on one line. */
    private static String printable(String text) {
        if (text == null || text.codePoints().noneMatch(ConfigProblem::isUnprintable)) return text;
        StringBuilder out = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (isUnprintable(c)) out.append(String.format("\\u%04X", c));
                    else out.appendCodePoint(c);
                }
            }
        });
        return out.toString();
    }

    private static boolean isUnprintable(int c) {
        return Character.isISOControl(c) || c == 0x2028 || c == 0x2029;
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + path + ": " + message;
    }
}
