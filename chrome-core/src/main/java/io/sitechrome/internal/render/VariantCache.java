package io.sitechrome.internal.render;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rendered segments by variant, holding at most a budget of characters. When the budget is
 * spent it either keeps no more variants (for the variants visitors share, which the
 * configuration bounds) or starts over (for the variants visitors make up, so that a flood of
 * made-up variants costs renders, never memory, and the popular ones soon come back).
 */
final class VariantCache {

    /** What an entry costs besides its text: the map entry, the variant and the segment arrays, in characters. */
    private static final int ENTRY_OVERHEAD = 64;

    private final long maxChars;
    private final boolean startOverWhenFull;
    private volatile Map<Variant, Segments> entries = new ConcurrentHashMap<>();
    private long chars;

    VariantCache(long maxChars, boolean startOverWhenFull) {
        this.maxChars = maxChars;
        this.startOverWhenFull = startOverWhenFull;
    }

    /** The segments kept for {@code variant}, or null. */
    Segments get(Variant variant) {
        return entries.get(variant);
    }

    /** Keeps {@code segments} for {@code variant} if the budget allows. */
    synchronized void put(Variant variant, Segments segments) {
        long cost = segments.chars() + ENTRY_OVERHEAD;
        if (cost > maxChars) return;
        if (chars + cost > maxChars) {
            if (!startOverWhenFull) return;
            entries = new ConcurrentHashMap<>();
            chars = 0;
        }
        if (entries.putIfAbsent(variant, segments) == null) chars += cost;
    }

    /** The characters the kept entries cost. */
    synchronized long chars() {
        return chars;
    }
}
