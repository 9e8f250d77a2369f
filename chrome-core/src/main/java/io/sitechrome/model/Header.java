package io.sitechrome.model;

import java.util.List;

/** The header's navigation, its action links and the optional chat link. */
public record Header(List<NavItem> nav, List<Link> actions, Link chat) {

    public static final Header EMPTY = new Header(List.of(), List.of(), null);

    public Header {
        nav = List.copyOf(nav);
        actions = List.copyOf(actions);
    }
}
