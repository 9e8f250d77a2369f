package io.sitechrome.internal.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A built-in language's plural rules and number style, from {@code cldr.properties}: a table
 * generated from ICU4J for the languages of {@link Messages#BUILT_IN}, and checked against
 * ICU4J by the tests.
 *
 * @param plurals the language's cardinal plural rules
 * @param numbers how the language writes numbers
 * @param lists   how the language joins a list with "and"
 */
record LanguageRules(PluralRules plurals, NumberStyle numbers, ListStyle lists) {

    /** The generated table's resource name, next to this class. */
    static final String RESOURCE = "cldr.properties";

    private static final Properties TABLE = load();
    private static final Map<String, LanguageRules> BY_TAG = new ConcurrentHashMap<>();

    /**
     * The rules of the built-in language that serves {@code languageTag} (see {@link Messages#forTag}).
     *
     * @param languageTag any BCP 47 tag
     * @return its rules, English's for a language without built-in strings
     */
    static LanguageRules forTag(String languageTag) {
        return BY_TAG.computeIfAbsent(Messages.builtInFor(languageTag), tag -> {
            String plurals = TABLE.getProperty(tag + ".plural");
            String numbers = TABLE.getProperty(tag + ".number");
            String lists = TABLE.getProperty(tag + ".list");
            if (plurals == null || numbers == null || lists == null) {
                throw new IllegalStateException("no CLDR data for " + tag + " in " + RESOURCE);
            }
            return new LanguageRules(PluralRules.parse(plurals), NumberStyle.parse(numbers), ListStyle.parse(lists));
        });
    }

    private static Properties load() {
        try (InputStream in = LanguageRules.class.getResourceAsStream("/io/sitechrome/i18n/" + RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
            Properties table = new Properties();
            table.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return table;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
