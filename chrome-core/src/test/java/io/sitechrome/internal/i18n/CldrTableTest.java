package io.sitechrome.internal.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The generated plural and number table and the MessageFormat subset give what ICU4J gives, for
 * every built-in language and many numbers. ICU4J is a test dependency only.
 */
class CldrTableTest {

    static final List<String> LANGUAGES = Messages.BUILT_IN;

    /** Every category a language may have, each marked, so that a wrong category shows. */
    private static final String ALL_CATEGORIES = "{n, plural, =0 {exactly zero} =1 {exactly one} zero {Z #} one {O #} two {T #}"
            + " few {F #} many {M #} other {X #}}|{n}|{n, number}|{n, number, integer}";

    static List<Number> numbers() {
        List<Number> numbers = new ArrayList<>();
        for (int i = 0; i <= 200; i++) numbers.add(i);
        for (int i = 1000; i <= 1030; i++) numbers.add(i);
        for (long n : new long[] {1100, 1101, 1111, 2000, 2001, 2002, 2005, 10000, 10001, 12345, 100000, 101000, 1000000,
                1000001, 2000000, 1234567, 10000000, 123456789, 1000000000, 2147483647L, 9876543210L, -1, -2, -3, -5, -11, -21, -1234}) {
            numbers.add(n);
        }
        for (String d : new String[] {"0.5", "1.0", "1.5", "2.25", "0.1", "0.01", "1.25", "2.5", "3.75", "10.1", "100.5", "1.123456",
                "2.0005", "1000.5", "1234567.891", "-0.5", "-1.5", "0.999", "0.9995", "21.1", "11.5"}) {
            numbers.add(Double.parseDouble(d));
            numbers.add(new BigDecimal(d));
        }
        return numbers;
    }

    @Test
    void theCommittedTableIsWhatIcuGenerates() throws IOException {
        if (Boolean.getBoolean("cldr.write")) CldrTableGenerator.write();
        assertEquals(CldrTableGenerator.generate(), Files.readString(CldrTableGenerator.TABLE, StandardCharsets.UTF_8),
                "cldr.properties is stale or edited by hand; regenerate it with -Dcldr.write=true");
    }

    @ParameterizedTest
    @FieldSource("LANGUAGES")
    void listsAreJoinedAsIcuJoinsThem(String tag) {
        com.ibm.icu.text.ListFormatter icu = com.ibm.icu.text.ListFormatter.getInstance(ULocale.forLanguageTag(tag));
        Messages messages = Messages.forTag(tag);
        List<String> items = List.of("Analytics", "Advertising", "Functional", "Personalisation", "Social media");
        for (int size = 0; size <= items.size(); size++) {
            List<String> some = items.subList(0, size);
            assertEquals(icu.format(some), messages.list(some), tag + ", " + size + " items");
        }
    }

    @ParameterizedTest
    @FieldSource("LANGUAGES")
    void pluralCategoriesAndNumbersMatchIcu(String tag) {
        List<String> differences = new ArrayList<>();
        for (Number n : numbers()) {
            String icu = new MessageFormat(ALL_CATEGORIES, ULocale.forLanguageTag(tag)).format(Map.of("n", n));
            String ours = Messages.format(ALL_CATEGORIES, tag, Map.of("n", n));
            if (!icu.equals(ours)) differences.add(n + " (" + n.getClass().getSimpleName() + "): ICU " + icu + " but " + ours);
        }
        assertEquals(List.of(), differences);
    }

    @ParameterizedTest
    @FieldSource("LANGUAGES")
    void theBuiltInUnreadPhraseMatchesIcu(String tag) {
        Messages messages = Messages.forTag(tag);
        for (int count = 0; count <= 1100; count++) {
            String icu = new MessageFormat(messages.pattern("unread"), ULocale.forLanguageTag(tag)).format(Map.of("count", count));
            assertEquals(icu, messages.unread(count), tag + " " + count);
        }
    }

    /** Patterns both accept, with ICU's quoting, white space, offsets, nesting and missing arguments. */
    static final List<String> PATTERNS = List.of(
            "Signed in as {name}", "It''s {name}", "'{name}'", "'{'name'}'", "I'm {name}", "a '# b", "x'y", "''{name}''",
            "'{unterminated {name}", "don't '{' do '}' that", "{ name }", "{missing} and {name}",
            "{n, plural, other {'#' is #}}", "{n, plural, other {It''s # o'clock}}", "{n,plural,=1{one}other{#}}",
            "{n, plural, one {# file} other {# files}}", "{n, plural, offset:1 =0 {nobody} =1 {you} one {you and # other} other {you and # others}}",
            "{x, select, a {A} b {B {name}} other {O}}", "{x, select, a {{n, plural, one {# a} other {# as}}} other {o}}",
            "{n, plural, other {{x, select, a {# in select} other {o #}}}}", "{n, plural, =5 {five} other {'{#}'}}",
            "{n, plural, one {a} other {b}} {n, plural, one {c} other {d}}", "plain text", "", "#", "'", "''", "'''",
            "{n, plural, other {x}} }", "a } b", "{n, plural,\n  one {#}\n  other {# more}\n}");

    /** Patterns both refuse. */
    static final List<String> BROKEN = List.of("{name", "{}", "{ }", "{n, plural, one {x}}", "{x, select, a {A}}",
            "{n, plural, one {x} other {y}", "{n, plural, other {#'}", "{n, plural other {x}}", "{n, plural, one x other {y}}",
            "{n, plural, other {x}", "{n, unknowntype}", "{x, select, a {A} other {O}");

    @ParameterizedTest
    @FieldSource("PATTERNS")
    void patternsFormatAsIcuFormatsThem(String pattern) {
        for (String tag : List.of("en", "ru", "ar", "fr")) {
            for (Object n : List.of(0, 1, 2, 5, 21, 1234)) {
                for (String x : List.of("a", "b", "c")) {
                    Map<String, Object> arguments = new LinkedHashMap<>();
                    arguments.put("n", n);
                    arguments.put("x", x);
                    arguments.put("name", "Ann");
                    String icu = new MessageFormat(pattern, ULocale.forLanguageTag(tag)).format(arguments);
                    assertEquals(icu, Messages.format(pattern, tag, arguments), tag + " n=" + n + " x=" + x);
                }
            }
        }
    }

    @ParameterizedTest
    @FieldSource("BROKEN")
    void brokenPatternsAreRefusedLikeIcuRefusesThem(String pattern) {
        assertThrows(IllegalArgumentException.class, () -> new MessageFormat(pattern, ULocale.ENGLISH), "ICU refuses it");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Messages.checkPattern(pattern));
        assertTrue(e.getMessage().matches(".+ at character \\d+"), e.getMessage());
    }

    @Test
    void argumentTypesBeyondTheSubsetAreRefusedWithTheReason() {
        for (String pattern : List.of("{d, date}", "{t, time, short}", "{n, selectordinal, one {#st} other {#th}}",
                "{n, choice, 0#none|1#one}", "{n, number, currency}")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Messages.checkPattern(pattern));
            assertTrue(e.getMessage().startsWith("unsupported"), e.getMessage());
        }
    }

    @Test
    void aPluralArgumentMustBeANumberAsInIcu() {
        String pattern = "{n, plural, other {#}}";
        assertThrows(IllegalArgumentException.class, () -> new MessageFormat(pattern, ULocale.ENGLISH).format(Map.of("n", "many")));
        assertThrows(IllegalArgumentException.class, () -> Messages.format(pattern, "en", Map.of("n", "many")));
    }
}
