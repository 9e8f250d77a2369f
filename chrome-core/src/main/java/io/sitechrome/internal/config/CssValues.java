package io.sitechrome.internal.config;

import java.util.Locale;
import java.util.regex.Pattern;

/** What a theme token may hold, so that tokens can go into a stylesheet verbatim. */
final class CssValues {

    private static final Pattern SAFE_VALUE = Pattern.compile("[A-Za-z0-9 ,.%'\"#()+*/-]{1,200}");
    private CssValues() {
    }

    /**
     * Why a value given to a colour token is refused.
     *
     * @param value the value, which {@code Colour.parse} could not read
     * @return a message: not a colour, or one that cannot be checked for contrast ({@code currentcolor}, {@code var()})
     */
    static String colourProblem(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("currentcolor") || v.startsWith("var(")) {
            return "'" + value + "' cannot be checked for contrast; give the colour itself (such as #0067b8, rgb(0 103 184) or navy)";
        }
        return "'" + value + "' is not a CSS colour (such as #0067b8, rgb(0 103 184), hsl(206 100% 36%) or navy)";
    }

    /**
     * A non-colour token: lengths, numbers and font stacks, never anything that could leave the
     * declaration. Brackets must balance and quotes close, or the rest of the stylesheet would
     * become part of the value.
     *
     * @param value the token's value
     * @return true when it may go into the stylesheet as it is
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
