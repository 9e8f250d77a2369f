package io.sitechrome.internal.theme;

import static io.sitechrome.theme.ThemeToken.ACCENT;
import static io.sitechrome.theme.ThemeToken.BACKGROUND;
import static io.sitechrome.theme.ThemeToken.BANNER_CRITICAL_BACKGROUND;
import static io.sitechrome.theme.ThemeToken.BANNER_INFO_BACKGROUND;
import static io.sitechrome.theme.ThemeToken.BANNER_TEXT;
import static io.sitechrome.theme.ThemeToken.BANNER_WARNING_BACKGROUND;
import static io.sitechrome.theme.ThemeToken.COOKIE_BACKGROUND;
import static io.sitechrome.theme.ThemeToken.COOKIE_TEXT;
import static io.sitechrome.theme.ThemeToken.FOCUS;
import static io.sitechrome.theme.ThemeToken.FOOTER_BACKGROUND;
import static io.sitechrome.theme.ThemeToken.FOOTER_HEADING;
import static io.sitechrome.theme.ThemeToken.FOOTER_TEXT;
import static io.sitechrome.theme.ThemeToken.HEADER_BACKGROUND;
import static io.sitechrome.theme.ThemeToken.HEADER_TEXT;
import static io.sitechrome.theme.ThemeToken.HOVER_BACKGROUND;
import static io.sitechrome.theme.ThemeToken.MUTED;
import static io.sitechrome.theme.ThemeToken.ON_ACCENT;
import static io.sitechrome.theme.ThemeToken.PREFERENCES_BACKGROUND;
import static io.sitechrome.theme.ThemeToken.SUCCESS;
import static io.sitechrome.theme.ThemeToken.SUCCESS_BACKGROUND;
import static io.sitechrome.theme.ThemeToken.TEXT;

import io.sitechrome.theme.ThemeToken;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * WCAG 2.2 AA contrast of every text and background pair the chrome paints, in every state
 * (hover, focus, current, banners, buttons): 4.5:1 for text, 3:1 for the focus outline and
 * for the parts of a control that identify it. The pairs follow the stylesheet: a rule that
 * paints a token on another token has its pair here.
 */
public final class ContrastCheck {

    /** AA for text below 18.66 px bold or 24 px: every text of the chrome. */
    static final double TEXT = 4.5;
    /** AA for focus indicators and the parts of controls that identify them. */
    static final double UI = 3.0;

    /**
     * One pair the chrome paints.
     *
     * @param what       what is painted, for the message
     * @param foreground the token of the text or indicator
     * @param background the token of the surface under it
     * @param minimum    the ratio AA asks for
     */
    record Pair(String what, ThemeToken foreground, ThemeToken background, double minimum) {
    }

    /** Every pair the check measures. */
    static final List<Pair> PAIRS = pairs();

    /**
     * A pair below its minimum.
     *
     * @param path    the configured token to blame, such as {@code theme.tokens.accent}
     * @param message what is painted on what, the ratio and the minimum
     */
    public record Failure(String path, String message) {
    }

    private ContrastCheck() {
    }

    private static List<Pair> pairs() {
        List<Pair> pairs = new ArrayList<>(List.of(
                new Pair("button text", ON_ACCENT, ACCENT, TEXT),
                new Pair("skip link text", ACCENT, BACKGROUND, TEXT),
                new Pair("header text", HEADER_TEXT, HEADER_BACKGROUND, TEXT),
                new Pair("hovered drop-down item", HEADER_TEXT, HOVER_BACKGROUND, TEXT),
                new Pair("sign-up link", ACCENT, HEADER_BACKGROUND, TEXT),
                new Pair("account details text", MUTED, HEADER_BACKGROUND, TEXT),
                new Pair("cookie banner text", COOKIE_TEXT, COOKIE_BACKGROUND, TEXT),
                new Pair("cookie banner link and button", ACCENT, COOKIE_BACKGROUND, TEXT),
                new Pair("cookie preferences text", COOKIE_TEXT, PREFERENCES_BACKGROUND, TEXT),
                new Pair("cookie preferences description", MUTED, PREFERENCES_BACKGROUND, TEXT),
                new Pair("cookie preferences link and button", ACCENT, PREFERENCES_BACKGROUND, TEXT),
                new Pair("switch outline", MUTED, BACKGROUND, UI),
                new Pair("\"choices saved\" text", COOKIE_TEXT, SUCCESS_BACKGROUND, TEXT),
                new Pair("\"choices saved\" tick", SUCCESS, SUCCESS_BACKGROUND, UI),
                new Pair("footer link", FOOTER_TEXT, FOOTER_BACKGROUND, TEXT),
                new Pair("footer heading", FOOTER_HEADING, FOOTER_BACKGROUND, TEXT)));
        for (ThemeToken surface : List.of(BANNER_INFO_BACKGROUND, BANNER_WARNING_BACKGROUND, BANNER_CRITICAL_BACKGROUND)) {
            String severity = surface.tokenName().replace("banner-", "").replace("-background", "");
            pairs.add(new Pair(severity + " banner text", BANNER_TEXT, surface, TEXT));
            pairs.add(new Pair(severity + " banner link and button", ACCENT, surface, TEXT));
        }
        for (ThemeToken surface : List.of(BACKGROUND, HEADER_BACKGROUND, HOVER_BACKGROUND, FOOTER_BACKGROUND, COOKIE_BACKGROUND,
                PREFERENCES_BACKGROUND, BANNER_INFO_BACKGROUND, BANNER_WARNING_BACKGROUND, BANNER_CRITICAL_BACKGROUND)) {
            pairs.add(new Pair("focus outline", FOCUS, surface, UI));
        }
        return List.copyOf(pairs);
    }

    /**
     * Checks every pair of a palette.
     *
     * @param palette the palette
     * @param section where the palette was configured: {@code theme.tokens} or {@code theme.dark}
     * @return the pairs below AA, one failure per blamed token naming its first pair and listing the others
     */
    public static List<Failure> check(Palette palette, String section) {
        Map<String, String> firsts = new LinkedHashMap<>();
        Map<String, List<String>> others = new LinkedHashMap<>();
        String mode = section.endsWith("dark") ? " in dark mode" : "";
        Colour page = palette.colour(BACKGROUND).over(Colour.WHITE);
        for (Pair pair : PAIRS) {
            Colour surface = surface(palette, pair.background(), page);
            double ratio = Colour.contrast(palette.colour(pair.foreground()).over(surface), surface);
            if (ratio >= pair.minimum()) continue;
            String path = blame(palette, pair, section);
            if (firsts.containsKey(path)) {
                List<String> also = others.computeIfAbsent(path, p -> new ArrayList<>());
                if (!also.contains(pair.what())) also.add(pair.what());
                continue;
            }
            firsts.put(path, String.format(Locale.ROOT, "%s%s: %s %s on %s %s has contrast %s:1; AA needs %s:1", pair.what(), mode,
                    pair.foreground().tokenName(), palette.value(pair.foreground()), pair.background().tokenName(),
                    palette.value(pair.background()), ratio(ratio, pair.minimum()), ratio(pair.minimum(), 0)));
        }
        List<Failure> failures = new ArrayList<>();
        firsts.forEach((path, first) -> failures.add(new Failure(path, first + also(others.getOrDefault(path, List.of())))));
        return failures;
    }

    /** {@code "; also too low: a, b, c and 4 more"}: the other pairs of the same token, briefly. */
    private static String also(List<String> others) {
        if (others.isEmpty()) return "";
        int shown = Math.min(3, others.size());
        String listed = String.join(", ", others.subList(0, shown));
        return "; also too low: " + listed + (others.size() > shown ? " and " + (others.size() - shown) + " more" : "");
    }

    /** A surface as seen: over the header background for a hovered item, over the page for the rest. */
    private static Colour surface(Palette palette, ThemeToken token, Colour page) {
        Colour colour = palette.colour(token);
        if (token == HOVER_BACKGROUND) return colour.over(palette.colour(HEADER_BACKGROUND).over(page));
        return token == BACKGROUND ? page : colour.over(page);
    }

    /**
     * The configured token to blame: one set in this section (the surface before the text), else
     * one whose default comes from a token of this section, else any the designer set.
     */
    private static String blame(Palette palette, Pair pair, String section) {
        List<ThemeToken> both = List.of(pair.background(), pair.foreground());
        for (ThemeToken token : both) {
            if (palette.setHere(token, section)) return palette.origin(token);
        }
        for (ThemeToken token : both) {
            String origin = palette.origin(token);
            if (origin != null && origin.startsWith(section + ".")) return origin;
        }
        for (ThemeToken token : both) {
            if (palette.origin(token) != null) return palette.origin(token);
        }
        return section;
    }

    /** To one decimal, or two where one would round a ratio up to its minimum (4.47 shows as 4.47, not 4.5). */
    private static String ratio(double ratio, double minimum) {
        String text = String.format(Locale.ROOT, "%.1f", ratio);
        if (ratio < minimum && Double.parseDouble(text) >= minimum) text = String.format(Locale.ROOT, "%.2f", Math.floor(ratio * 100) / 100);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }
}
