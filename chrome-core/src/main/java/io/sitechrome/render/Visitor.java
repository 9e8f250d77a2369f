package io.sitechrome.render;

/**
 * A signed-in visitor as the chrome shows them.
 *
 * @param name      the display name
 * @param avatarUrl an http(s) or site-relative image URL, or null
 * @param unread    the number of unread messages, shown on the chat link
 */
public record Visitor(String name, String avatarUrl, int unread) {

    static final int MAX_NAME_LENGTH = 200;

    /**
     * Cleans the name (control characters dropped, at most 200 code points, stripped; null becomes
     * empty) and raises a negative unread count to 0.
     *
     * @param name      the display name, possibly from an untrusted source; may be null
     * @param avatarUrl an http(s) or site-relative image URL, or null
     * @param unread    the number of unread messages
     */
    public Visitor {
        name = cleanName(name);
        unread = Math.max(0, unread);
    }

    /**
     * A visitor with a name and no avatar or messages.
     *
     * @param name the display name
     * @return the visitor
     */
    public static Visitor named(String name) {
        return new Visitor(name, null, 0);
    }

    private static String cleanName(String name) {
        if (name == null) return "";
        StringBuilder clean = new StringBuilder(Math.min(name.length(), MAX_NAME_LENGTH));
        name.codePoints().filter(c -> !Character.isISOControl(c)).limit(MAX_NAME_LENGTH).forEach(clean::appendCodePoint);
        return clean.toString().strip();
    }
}
