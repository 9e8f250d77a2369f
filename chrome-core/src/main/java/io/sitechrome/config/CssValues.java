package io.sitechrome.config;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** What a theme token may hold, so that tokens can go into a stylesheet verbatim. */
final class CssValues {

    private static final Set<String> COLOUR_TOKENS = Set.of("accent", "text", "background", "muted", "border",
            "banner-info", "banner-warning", "banner-critical", "focus");
    private static final Pattern HEX = Pattern.compile("#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})");
    private static final Pattern FUNCTION = Pattern.compile("(?:rgba?|hsla?)\\(\\s*[0-9.]+%?(?:\\s*[,/ ]\\s*[0-9.]+%?){2,3}\\s*\\)");
    private static final Pattern SAFE_VALUE = Pattern.compile("[A-Za-z0-9 ,.%'\"#()+*/-]{1,200}");
    private static final Set<String> NAMED = Set.of("transparent", "currentcolor", "black", "silver", "gray", "grey", "white",
            "maroon", "red", "purple", "fuchsia", "green", "lime", "olive", "yellow", "navy", "blue", "teal", "aqua", "orange",
            "aliceblue", "antiquewhite", "aquamarine", "azure", "beige", "bisque", "blanchedalmond", "blueviolet", "brown",
            "burlywood", "cadetblue", "chartreuse", "chocolate", "coral", "cornflowerblue", "cornsilk", "crimson", "cyan",
            "darkblue", "darkcyan", "darkgoldenrod", "darkgray", "darkgreen", "darkgrey", "darkkhaki", "darkmagenta",
            "darkolivegreen", "darkorange", "darkorchid", "darkred", "darksalmon", "darkseagreen", "darkslateblue",
            "darkslategray", "darkslategrey", "darkturquoise", "darkviolet", "deeppink", "deepskyblue", "dimgray", "dimgrey",
            "dodgerblue", "firebrick", "floralwhite", "forestgreen", "gainsboro", "ghostwhite", "gold", "goldenrod",
            "greenyellow", "honeydew", "hotpink", "indianred", "indigo", "ivory", "khaki", "lavender", "lavenderblush",
            "lawngreen", "lemonchiffon", "lightblue", "lightcoral", "lightcyan", "lightgoldenrodyellow", "lightgray",
            "lightgreen", "lightgrey", "lightpink", "lightsalmon", "lightseagreen", "lightskyblue", "lightslategray",
            "lightslategrey", "lightsteelblue", "lightyellow", "limegreen", "linen", "magenta", "mediumaquamarine",
            "mediumblue", "mediumorchid", "mediumpurple", "mediumseagreen", "mediumslateblue", "mediumspringgreen",
            "mediumturquoise", "mediumvioletred", "midnightblue", "mintcream", "mistyrose", "moccasin", "navajowhite",
            "oldlace", "olivedrab", "orangered", "orchid", "palegoldenrod", "palegreen", "paleturquoise", "palevioletred",
            "papayawhip", "peachpuff", "peru", "pink", "plum", "powderblue", "rebeccapurple", "rosybrown", "royalblue",
            "saddlebrown", "salmon", "sandybrown", "seagreen", "seashell", "sienna", "skyblue", "slateblue", "slategray",
            "slategrey", "snow", "springgreen", "steelblue", "tan", "thistle", "tomato", "turquoise", "violet", "wheat",
            "whitesmoke", "yellowgreen");

    private CssValues() {
    }

    static boolean isColourToken(String name) {
        return COLOUR_TOKENS.contains(name) || name.endsWith("color") || name.endsWith("colour");
    }

    static boolean isColour(String value) {
        String v = value.trim();
        return HEX.matcher(v).matches() || FUNCTION.matcher(v).matches() || NAMED.contains(v.toLowerCase(Locale.ROOT));
    }

    /**
     * A non-colour token: lengths, numbers and font stacks, never anything that could leave the
     * declaration. Brackets must balance and quotes close, or the rest of the stylesheet would
     * become part of the value.
     */
    static boolean isSafeValue(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return SAFE_VALUE.matcher(value).matches() && !lower.contains("url(") && !lower.contains("expression(")
                && !lower.contains("/*") && isBalanced(value);
    }

    /** Parentheses nest and close outside quoted strings, and every quoted string is closed. */
    private static boolean isBalanced(String value) {
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth < 0) {
                return false;
            }
        }
        return depth == 0 && quote == 0;
    }
}
