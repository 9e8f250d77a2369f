package io.sitechrome.model;

import java.util.List;

/**
 * The header's navigation, its action links, the optional chat link and the optional label
 * of the "More" drop-down that holds the nav entries that do not fit on one row (null: the
 * built-in, translated "More").
 *
 * @param nav     the top navigation entries, in order
 * @param actions the action links after the navigation (such as "Host a meeting"), in order
 * @param chat    the chat link, which shows the visitor's unread count; or null for none
 * @param more    the label of the "More" drop-down, or null for the built-in one
 */
public record Header(List<NavItem> nav, List<Link> actions, Link chat, Text more) {

    /** A header with no navigation, actions, chat link or label of its own. */
    public static final Header EMPTY = new Header(List.of(), List.of(), null, null);

    /**
     * Copies the lists, so the header stays immutable.
     *
     * @param nav     the navigation entries; not null
     * @param actions the action links; not null
     * @param chat    the chat link, or null
     * @param more    the "More" label, or null
     */
    public Header {
        nav = List.copyOf(nav);
        actions = List.copyOf(actions);
    }
}
