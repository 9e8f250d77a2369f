package io.sitechrome.model;

/**
 * The skip link; a null text means the translated built-in one.
 *
 * @param text   the link's text, or null for the built-in, translated one
 * @param target the fragment it jumps to, such as {@code #main}
 */
public record SkipLink(Text text, String target) {
    /** The built-in text, jumping to {@code #main}. */
    public static final SkipLink DEFAULT = new SkipLink(null, "#main");
}
