package io.sitechrome.model;

import java.util.List;

/**
 * A top navigation entry: a link, or a drop-down when it has items.
 *
 * @param label the entry's text
 * @param href  where it links to; may be null for a drop-down
 * @param items the drop-down's links, in order; empty for a plain link
 */
public record NavItem(Text label, String href, List<Link> items) {

    /**
     * Copies {@code items}, so the entry stays immutable.
     *
     * @param label the entry's text
     * @param href  where it links to; may be null for a drop-down
     * @param items the drop-down's links, or null (taken as none) for a plain link
     */
    public NavItem {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /**
     * Whether this entry opens a drop-down rather than being a plain link.
     *
     * @return true when it has items
     */
    public boolean isDropdown() {
        return !items.isEmpty();
    }
}
