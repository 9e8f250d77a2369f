package io.sitechrome.internal.i18n;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A message in the part of ICU's MessageFormat syntax the chrome's strings use: named
 * arguments {@code {name}}, numbers {@code {n, number}} (and {@code {n, number, integer}}),
 * {@code {n, plural, offset:1 =0 {...} one {# item} other {# items}}} and
 * {@code {x, select, a {...} other {...}}}, with apostrophes quoting as ICU's default mode does:
 * {@code ''} is one apostrophe, and an apostrophe before a brace (or before {@code #} in a
 * plural) starts literal text up to the next single apostrophe; a closing brace outside any argument
 * is literal text too, as in ICU. Other argument types (dates,
 * choice, ordinals) are refused. Parsed once; formatting is thread-safe.
 */
final class IcuMessage {

    private final List<Part> parts;

    private IcuMessage(List<Part> parts) {
        this.parts = parts;
    }

    /**
     * Parses {@code pattern}.
     *
     * @param pattern a message such as {@code Signed in as {name}}
     * @return the parsed message
     * @throws IllegalArgumentException if the pattern is not valid, with the reason
     */
    static IcuMessage parse(String pattern) {
        Parser parser = new Parser(pattern);
        List<Part> parts = parser.message(false, false);
        return new IcuMessage(parts);
    }

    /**
     * Formats the message.
     *
     * @param arguments values by name: numbers are written in the language's style, anything
     *     else as its {@code toString()}; a missing argument is written as {@code {name}}, as ICU does
     * @param language the plural rules and number style to use
     * @return the text
     * @throws IllegalArgumentException if a plural argument is not a number
     */
    String format(Map<String, ?> arguments, LanguageRules language) {
        StringBuilder out = new StringBuilder();
        append(parts, arguments, language, null, out);
        return out.toString();
    }

    private static void append(List<Part> parts, Map<String, ?> arguments, LanguageRules language, String pound, StringBuilder out) {
        for (Part part : parts) {
            if (part instanceof Text text) {
                out.append(text.text());
            } else if (part instanceof Pound) {
                out.append(pound);
            } else if (part instanceof Argument argument) {
                Object value = arguments.get(argument.name());
                if (value == null && !arguments.containsKey(argument.name())) out.append('{').append(argument.name()).append('}');
                else if (value instanceof Number number) out.append(language.numbers().format(number));
                else out.append(value);
            } else if (part instanceof NumberArgument argument) {
                BigDecimal number = number(arguments, argument.name());
                out.append(language.numbers().format(argument.integer() ? number.setScale(0, RoundingMode.HALF_EVEN) : number, number.signum() < 0));
            } else if (part instanceof Plural plural) {
                appendPlural(plural, arguments, language, out);
            } else if (part instanceof Select select) {
                Object value = arguments.get(select.name());
                if (!(value instanceof String keyword)) throw new IllegalArgumentException("'" + value + "' is not a String");
                append(select.cases().getOrDefault(keyword, select.cases().get("other")), arguments, language, pound, out);
            }
        }
    }

    /** The case for the exact value (=N), else for its plural category, else other; # is the number less the offset. */
    private static void appendPlural(Plural plural, Map<String, ?> arguments, LanguageRules language, StringBuilder out) {
        BigDecimal number = number(arguments, plural.name());
        List<Part> chosen = null;
        for (Map.Entry<BigDecimal, List<Part>> exact : plural.explicit().entrySet()) {
            if (chosen == null && exact.getKey().compareTo(number) == 0) chosen = exact.getValue();
        }
        BigDecimal less = number.subtract(plural.offset());
        if (chosen == null) {
            chosen = plural.cases().getOrDefault(language.plurals().select(NumberStyle.displayed(less)), plural.cases().get("other"));
        }
        append(chosen, arguments, language, language.numbers().format(less), out);
    }

    private static BigDecimal number(Map<String, ?> arguments, String name) {
        Object value = arguments.get(name);
        if (!(value instanceof Number number)) throw new IllegalArgumentException("'" + value + "' is not a Number");
        return number instanceof BigDecimal d ? d : new BigDecimal(number.toString());
    }

    private sealed interface Part permits Text, Pound, Argument, NumberArgument, Plural, Select {
    }

    private record Text(String text) implements Part {
    }

    /** {@code #} in a plural case: the number, less the offset. */
    private record Pound() implements Part {
    }

    private record Argument(String name) implements Part {
    }

    private record NumberArgument(String name, boolean integer) implements Part {
    }

    private record Plural(String name, BigDecimal offset, Map<BigDecimal, List<Part>> explicit, Map<String, List<Part>> cases) implements Part {
    }

    private record Select(String name, Map<String, List<Part>> cases) implements Part {
    }

    private static final class Parser {
        private final String pattern;
        private int index;

        Parser(String pattern) {
            this.pattern = pattern;
        }

        /** Message text up to the closing brace of a nested message, or to the end. */
        List<Part> message(boolean inPlural, boolean nested) {
            List<Part> parts = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            while (index < pattern.length()) {
                char c = pattern.charAt(index);
                if (c == '\'') {
                    quote(text, inPlural);
                } else if (c == '{') {
                    flush(text, parts);
                    parts.add(argument());
                } else if (c == '}' && nested) {
                    flush(text, parts);
                    return List.copyOf(parts);
                } else if (c == '#' && inPlural) {
                    flush(text, parts);
                    parts.add(new Pound());
                    index++;
                } else {
                    text.append(c);
                    index++;
                }
            }
            if (nested) throw error("unmatched '{'");
            flush(text, parts);
            return List.copyOf(parts);
        }

        private void quote(StringBuilder text, boolean inPlural) {
            char next = index + 1 < pattern.length() ? pattern.charAt(index + 1) : 0;
            if (next == '\'') {
                text.append('\'');
                index += 2;
            } else if (next == '{' || next == '}' || (inPlural && next == '#')) {
                index++;
                while (index < pattern.length()) {
                    char c = pattern.charAt(index);
                    if (c == '\'') {
                        if (index + 1 < pattern.length() && pattern.charAt(index + 1) == '\'') {
                            text.append('\'');
                            index += 2;
                            continue;
                        }
                        index++;
                        return;
                    }
                    text.append(c);
                    index++;
                }
            } else {
                text.append('\'');
                index++;
            }
        }

        private Part argument() {
            int start = index++;
            skipSpace();
            String name = word();
            if (name.isEmpty()) throw error("an argument needs a name", start);
            skipSpace();
            if (take('}')) return new Argument(name);
            if (!take(',')) throw error("bad argument syntax", start);
            skipSpace();
            String type = word();
            skipSpace();
            switch (type) {
                case "plural" -> {
                    expect(',');
                    return plural(name, start);
                }
                case "select" -> {
                    expect(',');
                    return new Select(name, cases(false, null, start));
                }
                case "number" -> {
                    boolean integer = false;
                    if (take(',')) {
                        skipSpace();
                        String style = word();
                        if (!style.equals("integer")) throw error("unsupported number style '" + style + "' (use integer or none)", start);
                        integer = true;
                        skipSpace();
                    }
                    expect('}');
                    return new NumberArgument(name, integer);
                }
                default -> throw error("unsupported argument type '" + type + "' (use plural, select or number)", start);
            }
        }

        private Plural plural(String name, int start) {
            skipSpace();
            BigDecimal offset = BigDecimal.ZERO;
            if (pattern.startsWith("offset:", index)) {
                index += "offset:".length();
                skipSpace();
                offset = decimal(start);
            }
            Map<BigDecimal, List<Part>> explicit = new LinkedHashMap<>();
            Map<String, List<Part>> cases = cases(true, explicit, start);
            return new Plural(name, offset, explicit, cases);
        }

        /** Selector {message} pairs up to the argument's closing brace; explicit values (=N) go to {@code explicit}. */
        private Map<String, List<Part>> cases(boolean inPlural, Map<BigDecimal, List<Part>> explicit, int start) {
            Map<String, List<Part>> cases = new LinkedHashMap<>();
            while (true) {
                skipSpace();
                if (index >= pattern.length()) throw error("unmatched '{'", start);
                if (take('}')) break;
                BigDecimal value = null;
                String keyword = null;
                if (inPlural && take('=')) value = decimal(start);
                else keyword = word();
                if (keyword != null && keyword.isEmpty()) throw error("expected a selector such as one or other", index);
                skipSpace();
                if (!take('{')) throw error("expected '{' after the selector", index);
                List<Part> message = message(inPlural, true);
                index++;
                if (value != null) explicit.putIfAbsent(value, message);
                else cases.putIfAbsent(keyword, message);
            }
            if (!cases.containsKey("other")) throw error("a plural or select argument needs an 'other' case", start);
            return Map.copyOf(cases);
        }

        private BigDecimal decimal(int start) {
            int from = index;
            while (index < pattern.length() && "+-.0123456789eE".indexOf(pattern.charAt(index)) >= 0) index++;
            try {
                return new BigDecimal(pattern.substring(from, index));
            } catch (NumberFormatException e) {
                throw error("expected a number", from);
            }
        }

        /** A name or keyword: anything up to white space or syntax characters. */
        private String word() {
            int from = index;
            while (index < pattern.length() && !isSpace(pattern.charAt(index)) && "{},=:#'".indexOf(pattern.charAt(index)) < 0) index++;
            return pattern.substring(from, index);
        }

        private void expect(char c) {
            skipSpace();
            if (!take(c)) throw error("expected '" + c + "'", index);
            skipSpace();
        }

        private boolean take(char c) {
            if (index < pattern.length() && pattern.charAt(index) == c) {
                index++;
                return true;
            }
            return false;
        }

        private void skipSpace() {
            while (index < pattern.length() && isSpace(pattern.charAt(index))) index++;
        }

        private static boolean isSpace(char c) {
            return Character.isWhitespace(c) || c == '\u0085' || c == '\u200E' || c == '\u200F' || c == '\u2028' || c == '\u2029';
        }

        private static void flush(StringBuilder text, List<Part> parts) {
            if (text.length() > 0) parts.add(new Text(text.toString()));
            text.setLength(0);
        }

        private IllegalArgumentException error(String reason) {
            return error(reason, index);
        }

        private IllegalArgumentException error(String reason, int at) {
            return new IllegalArgumentException(reason + " at character " + (at + 1));
        }
    }
}
