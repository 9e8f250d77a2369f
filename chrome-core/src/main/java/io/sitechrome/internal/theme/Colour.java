package io.sitechrome.internal.theme;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An sRGB colour as a theme token gives it ({@code #rgb}, {@code #rgba}, {@code #rrggbb},
 * {@code #rrggbbaa}, {@code rgb()}, {@code rgba()}, {@code hsl()}, {@code hsla()}, a CSS named
 * colour or {@code transparent}), with what a contrast check needs: relative luminance, the WCAG
 * contrast ratio, alpha compositing and the mix {@code color-mix(in srgb, ...)} makes.
 *
 * @param red   0 to 255
 * @param green 0 to 255
 * @param blue  0 to 255
 * @param alpha 0 (transparent) to 1 (opaque)
 */
public record Colour(double red, double green, double blue, double alpha) {

    /** Opaque white: what is assumed to lie under the chrome's page background. */
    public static final Colour WHITE = new Colour(255, 255, 255, 1);

    private static final Pattern HEX = Pattern.compile("#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})");
    private static final String COMPONENT = "([0-9]*\\.?[0-9]+%?)";
    private static final String SEPARATOR = "(?:\\s*,\\s*|\\s+)";
    private static final Pattern FUNCTION = Pattern.compile("(rgba?|hsla?)\\(\\s*" + COMPONENT + SEPARATOR + COMPONENT
            + SEPARATOR + COMPONENT + "(?:\\s*[,/]\\s*" + COMPONENT + ")?\\s*\\)");
    /** The CSS named colours, as Chromium computes them. */
    private static final String NAMED_TABLE =
            "black 000000 silver c0c0c0 gray 808080 grey 808080 white ffffff maroon 800000 red ff0000 purple 800080 "
            + "fuchsia ff00ff green 008000 lime 00ff00 olive 808000 yellow ffff00 navy 000080 blue 0000ff teal 008080 "
            + "aqua 00ffff orange ffa500 aliceblue f0f8ff antiquewhite faebd7 aquamarine 7fffd4 azure f0ffff "
            + "beige f5f5dc bisque ffe4c4 blanchedalmond ffebcd blueviolet 8a2be2 brown a52a2a burlywood deb887 "
            + "cadetblue 5f9ea0 chartreuse 7fff00 chocolate d2691e coral ff7f50 cornflowerblue 6495ed cornsilk fff8dc "
            + "crimson dc143c cyan 00ffff darkblue 00008b darkcyan 008b8b darkgoldenrod b8860b darkgray a9a9a9 "
            + "darkgreen 006400 darkgrey a9a9a9 darkkhaki bdb76b darkmagenta 8b008b darkolivegreen 556b2f "
            + "darkorange ff8c00 darkorchid 9932cc darkred 8b0000 darksalmon e9967a darkseagreen 8fbc8f "
            + "darkslateblue 483d8b darkslategray 2f4f4f darkslategrey 2f4f4f darkturquoise 00ced1 darkviolet 9400d3 "
            + "deeppink ff1493 deepskyblue 00bfff dimgray 696969 dimgrey 696969 dodgerblue 1e90ff firebrick b22222 "
            + "floralwhite fffaf0 forestgreen 228b22 gainsboro dcdcdc ghostwhite f8f8ff gold ffd700 goldenrod daa520 "
            + "greenyellow adff2f honeydew f0fff0 hotpink ff69b4 indianred cd5c5c indigo 4b0082 ivory fffff0 "
            + "khaki f0e68c lavender e6e6fa lavenderblush fff0f5 lawngreen 7cfc00 lemonchiffon fffacd "
            + "lightblue add8e6 lightcoral f08080 lightcyan e0ffff lightgoldenrodyellow fafad2 lightgray d3d3d3 "
            + "lightgreen 90ee90 lightgrey d3d3d3 lightpink ffb6c1 lightsalmon ffa07a lightseagreen 20b2aa "
            + "lightskyblue 87cefa lightslategray 778899 lightslategrey 778899 lightsteelblue b0c4de "
            + "lightyellow ffffe0 limegreen 32cd32 linen faf0e6 magenta ff00ff mediumaquamarine 66cdaa "
            + "mediumblue 0000cd mediumorchid ba55d3 mediumpurple 9370db mediumseagreen 3cb371 mediumslateblue 7b68ee "
            + "mediumspringgreen 00fa9a mediumturquoise 48d1cc mediumvioletred c71585 midnightblue 191970 "
            + "mintcream f5fffa mistyrose ffe4e1 moccasin ffe4b5 navajowhite ffdead oldlace fdf5e6 olivedrab 6b8e23 "
            + "orangered ff4500 orchid da70d6 palegoldenrod eee8aa palegreen 98fb98 paleturquoise afeeee "
            + "palevioletred db7093 papayawhip ffefd5 peachpuff ffdab9 peru cd853f pink ffc0cb plum dda0dd "
            + "powderblue b0e0e6 rebeccapurple 663399 rosybrown bc8f8f royalblue 4169e1 saddlebrown 8b4513 "
            + "salmon fa8072 sandybrown f4a460 seagreen 2e8b57 seashell fff5ee sienna a0522d skyblue 87ceeb "
            + "slateblue 6a5acd slategray 708090 slategrey 708090 snow fffafa springgreen 00ff7f steelblue 4682b4 "
            + "tan d2b48c thistle d8bfd8 tomato ff6347 turquoise 40e0d0 violet ee82ee wheat f5deb3 whitesmoke f5f5f5 "
            + "yellowgreen 9acd32";
    private static final Map<String, String> NAMED = named();

    /**
     * Reads a colour value.
     *
     * @param value a token's value
     * @return the colour, or null when the value is none of the forms above (such as
     *     {@code currentcolor}, whose value depends on where it is used)
     */
    public static Colour parse(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("transparent")) return new Colour(0, 0, 0, 0);
        String named = NAMED.get(v);
        if (named != null) v = "#" + named;
        if (HEX.matcher(v).matches()) return hex(v.substring(1));
        Matcher function = FUNCTION.matcher(v);
        if (!function.matches()) return null;
        double alpha = function.group(5) == null ? 1 : component(function.group(5), 1);
        if (function.group(1).startsWith("rgb")) {
            return new Colour(component(function.group(2), 255), component(function.group(3), 255),
                    component(function.group(4), 255), alpha);
        }
        String hue = function.group(2);
        if (hue.endsWith("%")) return null;
        return hsl(Double.parseDouble(hue), component(function.group(3), 100) / 100, component(function.group(4), 100) / 100, alpha);
    }

    /**
     * The WCAG 2.2 relative luminance of this colour's opaque part (its alpha is ignored).
     *
     * @return 0 for black to 1 for white
     */
    public double luminance() {
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue);
    }

    /**
     * The WCAG 2.2 contrast ratio of two opaque colours.
     *
     * @param a one colour
     * @param b the other
     * @return 1 to 21
     */
    public static double contrast(Colour a, Colour b) {
        double la = a.luminance();
        double lb = b.luminance();
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /**
     * This colour painted over {@code below}.
     *
     * @param below an opaque colour
     * @return the opaque colour seen
     */
    public Colour over(Colour below) {
        return new Colour(red * alpha + below.red * (1 - alpha), green * alpha + below.green * (1 - alpha),
                blue * alpha + below.blue * (1 - alpha), 1);
    }

    /**
     * What {@code color-mix(in srgb, this W%, other)} gives, for colours without transparency.
     *
     * @param weight this colour's share, 0 to 1
     * @param other  the other colour
     * @return the mix
     */
    public Colour mix(double weight, Colour other) {
        return new Colour(red * weight + other.red * (1 - weight), green * weight + other.green * (1 - weight),
                blue * weight + other.blue * (1 - weight), alpha * weight + other.alpha * (1 - weight));
    }

    /**
     * The colour in CSS hex notation, each channel rounded.
     *
     * @return {@code #rrggbb}, or {@code #rrggbbaa} when not opaque
     */
    public String hex() {
        String rgb = String.format(Locale.ROOT, "#%02x%02x%02x", round(red), round(green), round(blue));
        return alpha >= 1 ? rgb : rgb + String.format(Locale.ROOT, "%02x", round(alpha * 255));
    }

    private static Colour hex(String digits) {
        String full = digits.length() <= 4 ? digits.replaceAll("(.)", "$1$1") : digits;
        int alpha = full.length() == 8 ? Integer.parseInt(full.substring(6, 8), 16) : 255;
        return new Colour(Integer.parseInt(full.substring(0, 2), 16), Integer.parseInt(full.substring(2, 4), 16),
                Integer.parseInt(full.substring(4, 6), 16), alpha / 255.0);
    }

    private static Colour hsl(double hue, double saturation, double lightness, double alpha) {
        double h = hue % 360;
        double chroma = (1 - Math.abs(2 * lightness - 1)) * saturation;
        double x = chroma * (1 - Math.abs((h / 60) % 2 - 1));
        double m = lightness - chroma / 2;
        double[] rgb = h < 60 ? new double[] {chroma, x, 0} : h < 120 ? new double[] {x, chroma, 0}
                : h < 180 ? new double[] {0, chroma, x} : h < 240 ? new double[] {0, x, chroma}
                : h < 300 ? new double[] {x, 0, chroma} : new double[] {chroma, 0, x};
        return new Colour((rgb[0] + m) * 255, (rgb[1] + m) * 255, (rgb[2] + m) * 255, alpha);
    }

    /** A component: a percentage of {@code whole}, or a number; either clamped to 0..whole as CSS does. */
    private static double component(String text, double whole) {
        boolean percent = text.endsWith("%");
        double number = Double.parseDouble(percent ? text.substring(0, text.length() - 1) : text);
        return Math.max(0, Math.min(whole, percent ? number / 100 * whole : number));
    }

    private static double linear(double component) {
        double c = component / 255;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static int round(double component) {
        return (int) Math.round(component);
    }

    private static Map<String, String> named() {
        String[] words = NAMED_TABLE.split(" ");
        Map<String, String> named = new HashMap<>();
        for (int i = 0; i < words.length; i += 2) named.put(words[i], words[i + 1]);
        return Map.copyOf(named);
    }
}
