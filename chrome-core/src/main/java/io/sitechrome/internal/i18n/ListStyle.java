package io.sitechrome.internal.i18n;

import java.util.List;

/**
 * How a language joins a list of items with "and", as CLDR's standard list pattern does: one
 * separator for two items, and a start, middle and end separator for three or more
 * ("A, B, C and D"). Read from the generated table ({@code cldr.properties}). Immutable and shared.
 *
 * @param two    the separator of a two-item list
 * @param start  the separator after the first item of a longer list
 * @param middle the separator between the items in the middle
 * @param end    the separator before the last item
 */
record ListStyle(String two, String start, String middle, String end) {

    /**
     * Reads a table entry: the four separators, in the order of the components, each between
     * {@code [} and {@code ]}.
     *
     * @param entry for example {@code [ and ][, ][, ][, and ]}
     * @return the style
     */
    static ListStyle parse(String entry) {
        String[] parts = entry.trim().split("\\]");
        if (parts.length != 4) throw new IllegalArgumentException("not a list style: " + entry);
        String[] separators = new String[4];
        for (int i = 0; i < 4; i++) {
            if (!parts[i].startsWith("[")) throw new IllegalArgumentException("not a list style: " + entry);
            separators[i] = parts[i].substring(1);
        }
        return new ListStyle(separators[0], separators[1], separators[2], separators[3]);
    }

    /**
     * Joins {@code items}.
     *
     * @param items the items, in order
     * @return the items as one phrase; the item itself for one, empty for none
     */
    String format(List<String> items) {
        int size = items.size();
        if (size == 0) return "";
        if (size == 1) return items.get(0);
        if (size == 2) return items.get(0) + two + items.get(1);
        StringBuilder out = new StringBuilder(items.get(0)).append(start);
        for (int i = 1; i < size - 1; i++) {
            out.append(items.get(i)).append(i == size - 2 ? end : middle);
        }
        return out.append(items.get(size - 1)).toString();
    }
}
