package io.sitechrome.model;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Design tokens, each becoming a CSS custom property {@code --chrome-NAME}. The tokens are
 * kept in the order of their names, so the stylesheet (and its content-hashed name) is the
 * same in every JVM whatever order the tokens were given in.
 */
public record Theme(Map<String, String> tokens) {

    public static final Theme EMPTY = new Theme(Map.of());

    public Theme {
        tokens = Collections.unmodifiableSortedMap(new TreeMap<>(tokens));
    }
}
