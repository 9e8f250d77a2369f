package io.sitechrome.internal.i18n;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How a language writes a number in messages, as ICU's default decimal format does: up to three
 * fraction digits (rounded half-even), its own grouping and decimal separators, groups of three
 * or, as in Hindi, a first group of three and then groups of two, and its own minus sign.
 * Read from the generated table ({@code cldr.properties}). Immutable and shared.
 */
final class NumberStyle {

    /** Fraction digits shown at most, as in ICU's pattern {@code #,##0.###}. */
    static final int MAX_FRACTION_DIGITS = 3;

    private final String grouping;
    private final String decimal;
    private final int primaryGroup;
    private final int secondaryGroup;
    private final String minus;

    private NumberStyle(String grouping, String decimal, int primaryGroup, int secondaryGroup, String minus) {
        this.grouping = grouping;
        this.decimal = decimal;
        this.primaryGroup = primaryGroup;
        this.secondaryGroup = secondaryGroup;
        this.minus = minus;
    }

    /**
     * Reads a table entry: grouping separator, decimal separator, primary group size, secondary
     * group size (0 for the same as the primary) and minus sign, separated by spaces.
     *
     * @param entry for example {@code , . 3 0 -}
     * @return the style
     */
    static NumberStyle parse(String entry) {
        String[] fields = entry.trim().split(" ");
        if (fields.length != 5) throw new IllegalArgumentException("not a number style: " + entry);
        int primary = Integer.parseInt(fields[2]);
        int secondary = Integer.parseInt(fields[3]);
        return new NumberStyle(fields[0], fields[1], primary, secondary == 0 ? primary : secondary, fields[4]);
    }

    /**
     * The number as it is shown: rounded to {@value #MAX_FRACTION_DIGITS} fraction digits,
     * trailing zeros dropped. Plural rules see this value.
     *
     * @param number any number
     * @return the displayed value
     */
    static BigDecimal displayed(Number number) {
        BigDecimal value = number instanceof BigDecimal d ? d : new BigDecimal(number.toString());
        value = value.setScale(MAX_FRACTION_DIGITS, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    /**
     * Writes {@code number} in this style, as {@link #displayed} rounds it.
     *
     * @param number any number
     * @return for example {@code 1,234.5}, {@code 12,34,567} or {@code -0} (for -0.0001, as ICU writes it)
     */
    String format(Number number) {
        BigDecimal value = number instanceof BigDecimal d ? d : new BigDecimal(number.toString());
        return format(value, value.signum() < 0);
    }

    /**
     * Writes {@code number} in this style, as {@link #displayed} rounds it.
     *
     * @param number any number
     * @param negative whether to write a minus sign, for a negative number rounded to 0
     * @return the number in this style
     */
    String format(BigDecimal number, boolean negative) {
        String plain = displayed(number).abs().toPlainString();
        int dot = plain.indexOf('.');
        String digits = dot < 0 ? plain : plain.substring(0, dot);
        StringBuilder out = new StringBuilder();
        int end = digits.length();
        int group = primaryGroup;
        while (end > group) {
            out.insert(0, grouping + digits.substring(end - group, end));
            end -= group;
            group = secondaryGroup;
        }
        out.insert(0, digits, 0, end);
        if (dot >= 0) out.append(decimal).append(plain, dot + 1, plain.length());
        if (negative) out.insert(0, minus);
        return out.toString();
    }
}
