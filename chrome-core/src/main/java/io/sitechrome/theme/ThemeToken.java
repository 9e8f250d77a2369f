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
    BACKGROUND("background", Kind.COLOUR, "#ffffff", "page surface behind the chrome: skip link, switches"),
    TEXT("text", Kind.COLOUR, "#1a1a1a", "main text"),
    MUTED("muted", Kind.COLOUR, "mix(text 76%, background)", "secondary text: account details, consent descriptions, switch outlines"),
    ACCENT("accent", Kind.COLOUR, "#0067b8", "buttons, links in banners and cookie controls, the sign-up link, the unread badge"),
    ON_ACCENT("on-accent", Kind.COLOUR, "=background", "text on accent: button labels, the unread count"),
    FOCUS("focus", Kind.COLOUR, "=accent", "focus outline"),
    BORDER("border", Kind.COLOUR, "mix(text 18%, background)", "separators and panel borders (decorative)"),
    HEADER_BACKGROUND("header-background", Kind.COLOUR, "=background", "header and its drop-down panels"),
    HEADER_TEXT("header-text", Kind.COLOUR, "=text", "header links, brand name, drop-down items"),
    HOVER_BACKGROUND("hover-background", Kind.COLOUR, "mix(header-text 7%, header-background)", "hovered drop-down item"),
    FOOTER_BACKGROUND("footer-background", Kind.COLOUR, "mix(text 5%, background)", "footer"),
    FOOTER_TEXT("footer-text", Kind.COLOUR, "=muted", "footer links and copyright"),
    FOOTER_HEADING("footer-heading", Kind.COLOUR, "=text", "footer column headings, the current language"),
    COOKIE_BACKGROUND("cookie-background", Kind.COLOUR, "mix(text 5%, background)", "cookie banner"),
    COOKIE_TEXT("cookie-text", Kind.COLOUR, "=text", "cookie banner and preferences text"),
    PREFERENCES_BACKGROUND("preferences-background", Kind.COLOUR, "=cookie-background", "cookie preferences"),
    SUCCESS("success", Kind.COLOUR, "#107c10", "the tick and stripe of the \"choices saved\" confirmation"),
    SUCCESS_BACKGROUND("success-background", Kind.COLOUR, "mix(success 12%, background)", "the confirmation's surface"),
    BANNER_TEXT("banner-text", Kind.COLOUR, "=text", "notice banner text"),
    BANNER_INFO("banner-info", Kind.COLOUR, "#0067b8", "stripe of info banners"),
    BANNER_INFO_BACKGROUND("banner-info-background", Kind.COLOUR, "mix(banner-info 7%, background)", "info banners"),
    BANNER_WARNING("banner-warning", Kind.COLOUR, "#a15c00", "stripe of warning banners"),
    BANNER_WARNING_BACKGROUND("banner-warning-background", Kind.COLOUR, "mix(banner-warning 9%, background)", "warning banners"),
    BANNER_CRITICAL("banner-critical", Kind.COLOUR, "#c50f1f", "stripe of critical banners"),
    BANNER_CRITICAL_BACKGROUND("banner-critical-background", Kind.COLOUR, "mix(banner-critical 8%, background)", "critical banners"),
    FONT("font", Kind.FONT, "\"Segoe UI\", SegoeUI, system-ui, -apple-system, \"Helvetica Neue\", Arial, sans-serif", "text font family"),
    HEADING_FONT("heading-font", Kind.FONT, "=font", "font family of headings, the brand name and banner titles"),
    HEADER_HEIGHT("header-height", Kind.SIZE, "3.375rem", "minimum height of the header bar"),
    LOGO_HEIGHT("logo-height", Kind.SIZE, "1.5rem", "height of the logo (its width follows)"),
    CONTENT_MAX_WIDTH("content-max-width", Kind.SIZE, "100rem", "widest the chrome's content gets (backgrounds stay full width)"),
    FOOTER_COLUMN_MIN_WIDTH("footer-column-min-width", Kind.SIZE, "10rem", "narrowest a footer column gets before columns wrap"),
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

    /** The token's name in the configuration, such as {@code banner-info-background}. */
    public String tokenName() {
        return tokenName;
    }

    /** The custom property the stylesheet reads, such as {@code --chrome-accent}. */
    public String property() {
        return "--chrome-" + tokenName;
    }

    /** Whether the value is a colour, a font stack or a length. */
    public Kind kind() {
        return kind;
    }

    /** The default: a value, {@code =other}, or {@code mix(a N%, b)}. */
    public String defaultValue() {
        return defaultValue;
    }

    /** What the token paints, for the documentation. */
    public String purpose() {
        return purpose;
    }

    /** The token called {@code name}, or null. */
    public static ThemeToken byName(String name) {
        return BY_NAME.get(name);
    }

    /** Every token name, in the order above. */
    public static List<String> names() {
        return Arrays.stream(values()).map(ThemeToken::tokenName).toList();
    }
}
