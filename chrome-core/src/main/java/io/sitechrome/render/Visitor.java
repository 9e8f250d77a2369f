package io.sitechrome.render;

import java.util.Objects;

/**
 * A signed-in visitor as the chrome shows them: a display name, an optional avatar and the number of
 * unread messages. Immutable; made with {@link #of} or {@link #named}, so that a later version can add
 * what it shows without breaking code that makes one.
 */
public final class Visitor {

    static final int MAX_NAME_LENGTH = 200;

    private final String name;
    private final String avatarUrl;
    private final int unread;

    private Visitor(String name, String avatarUrl, int unread) {
        this.name = cleanName(name);
        this.avatarUrl = avatarUrl;
        this.unread = Math.max(0, unread);
    }

    /**
     * A visitor. Cleans the name (control characters dropped, at most 200 code points, stripped; null
     * becomes empty) and raises a negative unread count to 0.
     *
     * @param name      the display name, possibly from an untrusted source; may be null
     * @param avatarUrl an http(s) or site-relative image URL, or null
     * @param unread    the number of unread messages, shown on the chat link
     * @return the visitor
     */
    public static Visitor of(String name, String avatarUrl, int unread) {
        return new Visitor(name, avatarUrl, unread);
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

    /** @return the display name, cleaned; empty when there was none */
    public String name() {
        return name;
    }

    /** @return the avatar's URL as given, or null */
    public String avatarUrl() {
        return avatarUrl;
    }

    /** @return the number of unread messages, 0 or more */
    public int unread() {
        return unread;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Visitor that && name.equals(that.name) && Objects.equals(avatarUrl, that.avatarUrl)
                && unread == that.unread;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, avatarUrl, unread);
    }

    @Override
    public String toString() {
        return "Visitor[name=" + name + ", avatarUrl=" + avatarUrl + ", unread=" + unread + "]";
    }

    private static String cleanName(String name) {
        if (name == null) return "";
        StringBuilder clean = new StringBuilder(Math.min(name.length(), MAX_NAME_LENGTH));
        name.codePoints().filter(c -> !Character.isISOControl(c)).limit(MAX_NAME_LENGTH).forEach(clean::appendCodePoint);
        return clean.toString().strip();
    }
}
