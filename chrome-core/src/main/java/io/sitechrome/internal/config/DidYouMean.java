package io.sitechrome.internal.config;

import java.util.Collection;
import java.util.Locale;

/** Suggests the nearest known word for a misspelt one. */
final class DidYouMean {

    private DidYouMean() {
    }

    /**
     * A suggestion for a misspelt word.
     *
     * @param word  the word as written
     * @param known the words that would be right there
     * @return {@code "; did you mean 'label'?"}, or an empty string when nothing is close
     */
    static String suggest(String word, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = distance(word.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        int tolerance = Math.max(2, word.length() / 3);
        if (best != null && bestDistance <= tolerance) return "; did you mean '" + best + "'?";
        String lower = word.toLowerCase(Locale.ROOT);
        for (String candidate : known) {
            if (lower.length() >= 3 && candidate.toLowerCase(Locale.ROOT).startsWith(lower)) return "; did you mean '" + candidate + "'?";
        }
        return "";
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
