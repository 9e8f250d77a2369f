package io.sitechrome.theme;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every theme token the stylesheet reads, each a CSS custom property {@code --chrome-NAME}, with
 * its default. A default is a value, another token's value ({@code =text}), or a mix of two
 * colour tokens as {@code color-mix(in srgb, ...)} makes it ({@code mix(text 5%, background)}),
 * so a designer who sets only {@code background} and {@code text} gets every surface in the
 * same palette. Tokens are listed after the tokens their defaults read.
 */
public enum ThemeToken {
    /** {@code --chrome-background} (a colour): page surface behind the chrome: skip link, switches; by default {@code #ffffff}. */
    BACKGROUND("background", Kind.COLOUR, "#ffffff", "page surface behind the chrome: skip link, switches"),
    /** {@code --chrome-text} (a colour): main text; by default {@code #1a1a1a}. */
    TEXT("text", Kind.COLOUR, "#1a1a1a", "main text"),
    /** {@code --chrome-muted} (a colour): secondary text: account details, consent descriptions, switch outlines; by default {@code mix(text 76%, background)}. */
    MUTED("muted", Kind.COLOUR, "mix(text 76%, background)", "secondary text: account details, consent descriptions, switch outlines"),
    /** {@code --chrome-accent} (a colour): buttons, links in banners and cookie controls, the sign-up link, the unread badge; by default {@code #0067b8}. */
    ACCENT("accent", Kind.COLOUR, "#0067b8", "buttons, links in banners and cookie controls, the sign-up link, the unread badge"),
    /** {@code --chrome-on-accent} (a colour): text on accent: button labels, the unread count; by default the value of {@code background}. */
    ON_ACCENT("on-accent", Kind.COLOUR, "=background", "text on accent: button labels, the unread count"),
    /** {@code --chrome-focus} (a colour): focus outline; by default the value of {@code accent}. */
    FOCUS("focus", Kind.COLOUR, "=accent", "focus outline"),
    /** {@code --chrome-border} (a colour): separators and panel borders (decorative); by default {@code mix(text 18%, background)}. */
    BORDER("border", Kind.COLOUR, "mix(text 18%, background)", "separators and panel borders (decorative)"),
    /** {@code --chrome-header-background} (a colour): header and its drop-down panels; by default the value of {@code background}. */
    HEADER_BACKGROUND("header-background", Kind.COLOUR, "=background", "header and its drop-down panels"),
    /** {@code --chrome-header-text} (a colour): header links, brand name, drop-down items; by default the value of {@code text}. */
    HEADER_TEXT("header-text", Kind.COLOUR, "=text", "header links, brand name, drop-down items"),
    /** {@code --chrome-hover-background} (a colour): hovered drop-down item; by default {@code mix(header-text 7%, header-background)}. */
    HOVER_BACKGROUND("hover-background", Kind.COLOUR, "mix(header-text 7%, header-background)", "hovered drop-down item"),
    /** {@code --chrome-footer-background} (a colour): footer; by default {@code mix(text 5%, background)}. */
    FOOTER_BACKGROUND("footer-background", Kind.COLOUR, "mix(text 5%, background)", "footer"),
    /** {@code --chrome-footer-text} (a colour): footer links and copyright; by default the value of {@code muted}. */
    FOOTER_TEXT("footer-text", Kind.COLOUR, "=muted", "footer links and copyright"),
    /** {@code --chrome-footer-heading} (a colour): footer column headings, the current language; by default the value of {@code text}. */
    FOOTER_HEADING("footer-heading", Kind.COLOUR, "=text", "footer column headings, the current language"),
    /** {@code --chrome-cookie-background} (a colour): cookie banner; by default {@code mix(text 5%, background)}. */
    COOKIE_BACKGROUND("cookie-background", Kind.COLOUR, "mix(text 5%, background)", "cookie banner"),
    /** {@code --chrome-cookie-text} (a colour): cookie banner and preferences text; by default the value of {@code text}. */
    COOKIE_TEXT("cookie-text", Kind.COLOUR, "=text", "cookie banner and preferences text"),
    /** {@code --chrome-preferences-background} (a colour): cookie preferences; by default the value of {@code cookie-background}. */
    PREFERENCES_BACKGROUND("preferences-background", Kind.COLOUR, "=cookie-background", "cookie preferences"),
    /** {@code --chrome-success} (a colour): the tick and stripe of the "choices saved" confirmation; by default {@code #107c10}. */
    SUCCESS("success", Kind.COLOUR, "#107c10", "the tick and stripe of the \"choices saved\" confirmation"),
    /** {@code --chrome-success-background} (a colour): the confirmation's surface; by default {@code mix(success 12%, background)}. */
    SUCCESS_BACKGROUND("success-background", Kind.COLOUR, "mix(success 12%, background)", "the confirmation's surface"),
    /** {@code --chrome-banner-text} (a colour): notice banner text; by default the value of {@code text}. */
    BANNER_TEXT("banner-text", Kind.COLOUR, "=text", "notice banner text"),
    /** {@code --chrome-banner-info} (a colour): stripe of info banners; by default {@code #0067b8}. */
    BANNER_INFO("banner-info", Kind.COLOUR, "#0067b8", "stripe of info banners"),
    /** {@code --chrome-banner-info-background} (a colour): info banners; by default {@code mix(banner-info 7%, background)}. */
    BANNER_INFO_BACKGROUND("banner-info-background", Kind.COLOUR, "mix(banner-info 7%, background)", "info banners"),
    /** {@code --chrome-banner-warning} (a colour): stripe of warning banners; by default {@code #a15c00}. */
    BANNER_WARNING("banner-warning", Kind.COLOUR, "#a15c00", "stripe of warning banners"),
    /** {@code --chrome-banner-warning-background} (a colour): warning banners; by default {@code mix(banner-warning 9%, background)}. */
    BANNER_WARNING_BACKGROUND("banner-warning-background", Kind.COLOUR, "mix(banner-warning 9%, background)", "warning banners"),
    /** {@code --chrome-banner-critical} (a colour): stripe of critical banners; by default {@code #c50f1f}. */
    BANNER_CRITICAL("banner-critical", Kind.COLOUR, "#c50f1f", "stripe of critical banners"),
    /** {@code --chrome-banner-critical-background} (a colour): critical banners; by default {@code mix(banner-critical 8%, background)}. */
    BANNER_CRITICAL_BACKGROUND("banner-critical-background", Kind.COLOUR, "mix(banner-critical 8%, background)", "critical banners"),
    /** {@code --chrome-font} (a font stack): text font family; by default {@code "Segoe UI", SegoeUI, system-ui, -apple-system, "Helvetica Neue", Arial, sans-serif}. */
    FONT("font", Kind.FONT, "\"Segoe UI\", SegoeUI, system-ui, -apple-system, \"Helvetica Neue\", Arial, sans-serif", "text font family"),
    /** {@code --chrome-heading-font} (a font stack): font family of headings, the brand name and banner titles; by default the value of {@code font}. */
    HEADING_FONT("heading-font", Kind.FONT, "=font", "font family of headings, the brand name and banner titles"),
    /** {@code --chrome-header-height} (a length): minimum height of the header bar; by default {@code 3.375rem}. */
    HEADER_HEIGHT("header-height", Kind.SIZE, "3.375rem", "minimum height of the header bar"),
    /** {@code --chrome-logo-height} (a length): height of the logo (its width follows); by default {@code 1.5rem}. */
    LOGO_HEIGHT("logo-height", Kind.SIZE, "1.5rem", "height of the logo (its width follows)"),
    /** {@code --chrome-content-max-width} (a length): widest the chrome's content gets (backgrounds stay full width); by default {@code 100rem}. */
    CONTENT_MAX_WIDTH("content-max-width", Kind.SIZE, "100rem", "widest the chrome's content gets (backgrounds stay full width)"),
    /** {@code --chrome-footer-column-min-width} (a length): narrowest a footer column gets before columns wrap; by default {@code 10rem}. */
    FOOTER_COLUMN_MIN_WIDTH("footer-column-min-width", Kind.SIZE, "10rem", "narrowest a footer column gets before columns wrap"),
    /** {@code --chrome-radius} (a length): corner radius of buttons and panels; by default {@code 2px}. */
    RADIUS("radius", Kind.SIZE, "2px", "corner radius of buttons and panels");

    /** What a token's value is. */
    public enum Kind {
        /** A colour, checked for contrast. */
        COLOUR,
        /** A font stack. */
        FONT,
        /** A length. */
        SIZE
    }

    private static final Map<String, ThemeToken> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(ThemeToken::tokenName, Function.identity()));

    private final String tokenName;
    private final Kind kind;
    private final String defaultValue;
    private final String purpose;

    ThemeToken(String tokenName, Kind kind, String defaultValue, String purpose) {
        this.tokenName = tokenName;
        this.kind = kind;
        this.defaultValue = defaultValue;
        this.purpose = purpose;
    }

    /**
     * The token's name in the configuration.
     *
     * @return the name, such as {@code banner-info-background}
     */
    public String tokenName() {
        return tokenName;
    }

    /**
     * The custom property the stylesheet reads.
     *
     * @return {@code --chrome-} and the token's name, such as {@code --chrome-accent}
     */
    public String property() {
        return "--chrome-" + tokenName;
    }

    /**
     * Whether the value is a colour, a font stack or a length.
     *
     * @return the kind of value the token takes
     */
    public Kind kind() {
        return kind;
    }

    /**
     * The value the token takes when the theme does not give one.
     *
     * @return a value, {@code =other} for another token's value, or {@code mix(a N%, b)} for a mix of two colour tokens
     */
    public String defaultValue() {
        return defaultValue;
    }

    /**
     * What the token paints, for the documentation.
     *
     * @return a short phrase, such as {@code "focus outline"}
     */
    public String purpose() {
        return purpose;
    }

    /**
     * The token with a given name.
     *
     * @param name a token name from the configuration, such as {@code accent}
     * @return the token called {@code name}, or null when there is none
     */
    public static ThemeToken byName(String name) {
        return BY_NAME.get(name);
    }

    /**
     * Every token name, each token after the tokens its default reads.
     *
     * @return the names in declaration order
     */
    public static List<String> names() {
        return Arrays.stream(values()).map(ThemeToken::tokenName).toList();
    }
}
