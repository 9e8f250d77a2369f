package io.sitechrome.model;

import java.util.Map;

/** Design tokens, each becoming a CSS custom property {@code --chrome-NAME}. */
public record Theme(Map<String, String> tokens) {

    public static final Theme EMPTY = new Theme(Map.of());

    public Theme {
        tokens = Map.copyOf(tokens);
    }
}
