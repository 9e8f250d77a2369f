package io.sitechrome.internal.theme;

import io.sitechrome.theme.ThemeToken;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value of every theme token in one colour scheme: what the designer set, else the default
 * worked out from the other tokens. For each token it also remembers which configured token
 * (such as {@code theme.tokens.background}) it came from, so that a problem can point at a line
 * the designer wrote.
 */
public final class Palette {

    private static final Pattern SAME_AS = Pattern.compile("=([a-z-]+)");
    private static final Pattern MIX = Pattern.compile("mix\\(([a-z-]+) ([0-9]+)%, ([a-z-]+)\\)");

    private final Map<ThemeToken, String> values;
    private final Map<ThemeToken, String> origins;

    private Palette(Map<ThemeToken, String> values, Map<ThemeToken, String> origins) {
        this.values = values;
        this.origins = origins;
    }

    /**
     * The light palette: {@code tokens} over the defaults.
     *
     * @param tokens the configured tokens ({@code theme.tokens}); unknown names and colours that
     *     cannot be read are left to the loader's other checks and ignored here
     * @return every token's value
     */
    public static Palette light(Map<String, String> tokens) {
        return resolve(tokens, "theme.tokens", Map.of(), null);
    }

    /**
     * The dark palette: {@code dark} over the light {@code tokens} over the defaults. A token set in
     * neither is worked out again from the dark values (a footer background mixed from the dark
     * text and background).
     *
     * @param tokens the configured light tokens
     * @param dark   the configured dark tokens ({@code theme.dark})
     * @return every token's value in dark mode
     */
    public static Palette dark(Map<String, String> tokens, Map<String, String> dark) {
        return resolve(dark, "theme.dark", tokens, "theme.tokens");
    }

    private static Palette resolve(Map<String, String> set, String setPath, Map<String, String> under, String underPath) {
        Map<ThemeToken, String> values = new LinkedHashMap<>();
        Map<ThemeToken, String> origins = new LinkedHashMap<>();
        for (ThemeToken token : ThemeToken.values()) {
            String name = token.tokenName();
            if (usable(token, set.get(name))) {
                values.put(token, set.get(name));
                origins.put(token, setPath + "." + name);
            } else if (usable(token, under.get(name))) {
                values.put(token, under.get(name));
                origins.put(token, underPath + "." + name);
            } else {
                derive(token, values, origins);
            }
        }
        return new Palette(values, origins);
    }

    private static boolean usable(ThemeToken token, String value) {
        return value != null && (token.kind() != ThemeToken.Kind.COLOUR || Colour.parse(value) != null);
    }

    private static void derive(ThemeToken token, Map<ThemeToken, String> values, Map<ThemeToken, String> origins) {
        String rule = token.defaultValue();
        Matcher same = SAME_AS.matcher(rule);
        Matcher mix = MIX.matcher(rule);
        if (same.matches()) {
            ThemeToken base = ThemeToken.byName(same.group(1));
            values.put(token, values.get(base));
            if (origins.containsKey(base)) origins.put(token, origins.get(base));
        } else if (mix.matches()) {
            ThemeToken first = ThemeToken.byName(mix.group(1));
            ThemeToken second = ThemeToken.byName(mix.group(3));
            double weight = Integer.parseInt(mix.group(2)) / 100.0;
            Colour surface = Colour.parse(values.get(second));
            Colour mixed = Colour.parse(values.get(first)).over(surface.over(Colour.WHITE)).mix(weight, surface);
            values.put(token, mixed.hex());
            String origin = origins.containsKey(second) ? origins.get(second) : origins.get(first);
            if (origin != null) origins.put(token, origin);
        } else {
            values.put(token, rule);
        }
    }

    /**
     * The token's value in this palette.
     *
     * @param token a theme token
     * @return the value set, inherited or derived, as CSS; a derived mix as {@code #rrggbb}
     */
    public String value(ThemeToken token) {
        return values.get(token);
    }

    /**
     * The token's colour; every colour token of a palette has one.
     *
     * @param token a token of kind {@link ThemeToken.Kind#COLOUR}
     * @return its value as a colour, or null for a token that is not a colour
     */
    public Colour colour(ThemeToken token) {
        return Colour.parse(values.get(token));
    }

    /**
     * The configured token the value came from, directly or through the defaults that read it.
     *
     * @param token a theme token
     * @return a configuration path such as {@code theme.dark.text}, or null for a pure default
     */
    public String origin(ThemeToken token) {
        return origins.get(token);
    }

    /**
     * Whether the designer set this token in the palette's own section (not inherited, not derived).
     *
     * @param token   a theme token
     * @param section the palette's section, {@code theme.tokens} or {@code theme.dark}
     * @return true when the value came from {@code section.NAME} itself
     */
    boolean setHere(ThemeToken token, String section) {
        String origin = origins.get(token);
        return origin != null && origin.equals(section + "." + token.tokenName());
    }

    /**
     * Every token's value.
     *
     * @return an unmodifiable view of the values, in {@link ThemeToken} order
     */
    public Map<ThemeToken, String> values() {
        return java.util.Collections.unmodifiableMap(values);
    }
}
