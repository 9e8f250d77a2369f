package io.sitechrome.model;

/** The skip link; a null text means the translated built-in one. */
public record SkipLink(Text text, String target) {
    public static final SkipLink DEFAULT = new SkipLink(null, "#main");
}
