package io.sitechrome.internal.i18n;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A language's CLDR plural rules, such as {@code one: i = 1 and v = 0}, read from the
 * generated table ({@code cldr.properties}) and evaluated on the operands of a number
 * (n, i, v, w, f, t; c and e are always 0, as nothing here uses compact notation).
 * Immutable and shared.
 */
final class PluralRules {

    private final List<Rule> rules;

    private PluralRules(List<Rule> rules) {
        this.rules = rules;
    }

    /**
     * Parses rules in CLDR syntax, separated by semicolons; samples after {@code @} are ignored.
     *
     * @param text for example {@code one: i = 1 and v = 0; other:}
     * @return the rules
     * @throws IllegalArgumentException if {@code text} is not in that syntax
     */
    static PluralRules parse(String text) {
        List<Rule> rules = new ArrayList<>();
        for (String part : text.split(";")) {
            if (part.isBlank()) continue;
            String rule = part.contains("@") ? part.substring(0, part.indexOf('@')) : part;
            int colon = rule.indexOf(':');
            if (colon < 0) throw new IllegalArgumentException("not a plural rule: " + part);
            String keyword = rule.substring(0, colon).trim();
            String condition = rule.substring(colon + 1).trim();
            if (!keyword.equals("other")) rules.add(new Rule(keyword, parseOr(condition)));
        }
        return new PluralRules(List.copyOf(rules));
    }

    /**
     * The plural category of {@code number} as it is displayed.
     *
     * @param number a number with exactly the fraction digits it is shown with (1.50 has v = 2)
     * @return zero, one, two, few, many or other
     */
    String select(BigDecimal number) {
        Operands operands = new Operands(number.abs());
        for (Rule rule : rules) {
            if (rule.condition.matches(operands)) return rule.keyword;
        }
        return "other";
    }

    private record Rule(String keyword, Condition condition) {
    }

    private interface Condition {
        boolean matches(Operands operands);
    }

    private static Condition parseOr(String text) {
        List<Condition> alternatives = new ArrayList<>();
        for (String and : text.split(" or ")) alternatives.add(parseAnd(and));
        return operands -> alternatives.stream().anyMatch(c -> c.matches(operands));
    }

    private static Condition parseAnd(String text) {
        List<Condition> all = new ArrayList<>();
        for (String relation : text.split(" and ")) all.add(parseRelation(relation.trim()));
        return operands -> all.stream().allMatch(c -> c.matches(operands));
    }

    /** {@code operand [% modulus] (= | !=) ranges}, ranges being values and {@code low..high} separated by commas. */
    private static Condition parseRelation(String text) {
        boolean negated = text.contains("!=");
        String[] sides = text.split(negated ? "!=" : "=", 2);
        if (sides.length != 2) throw new IllegalArgumentException("not a plural relation: " + text);
        String[] expression = sides[0].trim().split("%");
        char operand = expression[0].trim().toLowerCase(Locale.ROOT).charAt(0);
        if ("niftvwce".indexOf(operand) < 0 || expression[0].trim().length() != 1) {
            throw new IllegalArgumentException("unknown plural operand in " + text);
        }
        BigDecimal modulus = expression.length > 1 ? new BigDecimal(expression[1].trim()) : null;
        List<BigDecimal[]> ranges = new ArrayList<>();
        for (String range : sides[1].split(",")) {
            String[] bounds = range.trim().split("\\.\\.");
            ranges.add(new BigDecimal[] {new BigDecimal(bounds[0].trim()), new BigDecimal(bounds[bounds.length - 1].trim())});
        }
        return operands -> {
            BigDecimal value = operands.get(operand);
            if (modulus != null) value = value.remainder(modulus);
            boolean inRange = false;
            boolean whole = value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
            for (BigDecimal[] range : ranges) {
                inRange |= whole && value.compareTo(range[0]) >= 0 && value.compareTo(range[1]) <= 0;
            }
            return inRange != negated;
        };
    }

    /** The CLDR operands of a non-negative number. */
    private record Operands(BigDecimal n, BigDecimal i, int v, BigDecimal f, BigDecimal t) {

        Operands(BigDecimal number) {
            this(number, integerPart(number), Math.max(number.scale(), 0), fraction(number, false), fraction(number, true));
        }

        BigDecimal get(char operand) {
            return switch (operand) {
                case 'n' -> n;
                case 'i' -> i;
                case 'v' -> BigDecimal.valueOf(v);
                case 'w' -> BigDecimal.valueOf(t.signum() == 0 ? 0 : fractionText(n, true).length());
                case 'f' -> f;
                case 't' -> t;
                default -> BigDecimal.ZERO;
            };
        }

        private static BigDecimal integerPart(BigDecimal number) {
            return new BigDecimal(number.toBigInteger());
        }

        private static BigDecimal fraction(BigDecimal number, boolean withoutTrailingZeros) {
            String digits = fractionText(number, withoutTrailingZeros);
            return digits.isEmpty() ? BigDecimal.ZERO : new BigDecimal(digits);
        }

        private static String fractionText(BigDecimal number, boolean withoutTrailingZeros) {
            if (number.scale() <= 0) return "";
            String plain = number.toPlainString();
            String digits = plain.substring(plain.indexOf('.') + 1);
            return withoutTrailingZeros ? digits.replaceAll("0+$", "") : digits;
        }
    }
}
