package io.sitechrome.model;

import java.util.List;

/** A top navigation entry: a link, or a drop-down when it has items. */
public record NavItem(Text label, String href, List<Link> items) {

    public NavItem {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public boolean isDropdown() {
        return !items.isEmpty();
    }
}
