package io.sitechrome.model;

import java.util.List;

/**
 * The header's navigation, its action links, the optional chat link and the optional label
 * of the "More" drop-down that holds the nav entries that do not fit on one row (null: the
 * built-in, translated "More").
 */
public record Header(List<NavItem> nav, List<Link> actions, Link chat, Text more) {

    public static final Header EMPTY = new Header(List.of(), List.of(), null, null);

    public Header {
        nav = List.copyOf(nav);
        actions = List.copyOf(actions);
    }
}
