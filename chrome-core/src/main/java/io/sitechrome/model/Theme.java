package io.sitechrome.model;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The designer's theme tokens ({@code theme.tokens}) and their dark-mode values
 * ({@code theme.dark}), each becoming a CSS custom property {@code --chrome-NAME}; tokens not
 * given take their defaults (see {@code io.sitechrome.theme.ThemeToken}). The tokens are kept in
 * the order of their names, so the stylesheet (and its content-hashed name) is the same in every
 * JVM whatever order the tokens were given in.
 *
 * @param tokens the light (default) values given
 * @param dark   the values given for {@code prefers-color-scheme: dark}; empty for no dark mode
 */
public record Theme(Map<String, String> tokens, Map<String, String> dark) {

    /** No tokens given: every token takes its default, and there is no dark mode. */
    public static final Theme EMPTY = new Theme(Map.of(), Map.of());

    /**
     * Copies both maps, sorted by token name.
     *
     * @param tokens the light (default) values given, by token name; not null
     * @param dark   the dark-mode values given, by token name; not null
     */
    public Theme {
        tokens = Collections.unmodifiableSortedMap(new TreeMap<>(tokens));
        dark = Collections.unmodifiableSortedMap(new TreeMap<>(dark));
    }

    /**
     * A theme without dark mode.
     *
     * @param tokens the values given, by token name
     */
    public Theme(Map<String, String> tokens) {
        this(tokens, Map.of());
    }
}
