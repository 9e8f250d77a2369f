package io.sitechrome.internal.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The chrome's own strings (skip link, account menu, cookie banner defaults, the unread
 * count phrase) in one language. Strings are ICU MessageFormat patterns (the subset described
 * in {@link #format(String, String, Map)}), with the language's CLDR plural rules from a table
 * generated from ICU4J; ICU4J itself is not needed. Instances are immutable and shared.
 */
public final class Messages {

    /** The languages whose strings ship with the library. */
    public static final List<String> BUILT_IN = List.of("en", "ar", "bg", "cs", "da", "de", "el", "es", "et", "fi", "fr",
            "he", "hi", "hu", "id", "it", "ja", "ko", "nl", "nb", "pl", "pt-PT", "pt-BR", "ro", "ru", "sv", "tr", "uk",
            "zh-Hans", "zh-Hant");

    private static final Map<String, String> ALIASES = Map.of("iw", "he", "no", "nb", "nn", "nb", "pt", "pt-PT",
            "zh-CN", "zh-Hans", "zh-SG", "zh-Hans", "zh-TW", "zh-Hant", "zh-HK", "zh-Hant", "zh-MO", "zh-Hant", "zh", "zh-Hans");
    private static final Map<String, Messages> LOADED = new ConcurrentHashMap<>();
    private static final int CACHED_COUNTS = 100;

    private final String tag;
    private final LanguageRules rules;
    private final Properties strings;
    private final Map<String, IcuMessage> parsed = new ConcurrentHashMap<>();
    private final Messages fallback;
    private final AtomicReferenceArray<String> unreadByCount = new AtomicReferenceArray<>(CACHED_COUNTS);

    private Messages(String tag, Properties strings, Messages fallback) {
        this.tag = tag;
        this.rules = LanguageRules.forTag(tag);
        this.strings = strings;
        this.fallback = fallback;
    }

    /**
     * The strings for {@code languageTag}: the closest built-in language (zh-TW finds
     * zh-Hant, de-AT finds de), or English.
     *
     * @param languageTag a BCP 47 language tag, such as a site locale's
     * @return the shared strings of the built-in language serving that tag
     */
    public static Messages forTag(String languageTag) {
        return LOADED.computeIfAbsent(builtInFor(languageTag), Messages::load);
    }

    /**
     * Which built-in language serves a language tag.
     *
     * @param languageTag a BCP 47 language tag
     * @return the tag of the built-in language its nearest ancestor (or alias) names, or {@code en}
     */
    static String builtInFor(String languageTag) {
        for (String candidate = languageTag; !candidate.isEmpty(); candidate = parent(candidate)) {
            String alias = ALIASES.get(candidate);
            if (alias != null) return alias;
            for (String builtIn : BUILT_IN) {
                if (builtIn.equalsIgnoreCase(candidate)) return builtIn;
            }
        }
        return "en";
    }

    /**
     * The built-in language these strings are in.
     *
     * @return one of {@link #BUILT_IN}
     */
    public String tag() {
        return tag;
    }

    /**
     * The string for a key, for strings that take no arguments.
     *
     * @param key the string's key, such as {@code skipLink}
     * @return the formatted string, in this language or else English
     * @throws IllegalArgumentException when there is no built-in string with that key
     */
    public String get(String key) {
        return format(key, Map.of());
    }

    /**
     * The string for a key, with named ICU arguments such as {@code {name}}.
     *
     * @param key       the string's key, such as {@code account.signedInAs}
     * @param arguments the values of the string's arguments, by name
     * @return the formatted string, in this language or else English
     * @throws IllegalArgumentException when there is no built-in string with that key, or a plural argument
     *                                  is not a number
     */
    public String format(String key, Map<String, Object> arguments) {
        return parsed.computeIfAbsent(key, k -> IcuMessage.parse(pattern(k))).format(arguments, rules);
    }

    /**
     * The ICU pattern behind a key, unformatted.
     *
     * @param key the string's key
     * @return the pattern in this language, or else in English
     * @throws IllegalArgumentException when there is no built-in string with that key
     */
    public String pattern(String key) {
        String value = strings.getProperty(key);
        if (value != null) return value;
        if (fallback != null) return fallback.pattern(key);
        throw new IllegalArgumentException("no built-in string " + key);
    }

    /**
     * Formats a {@code pattern} (such as a designer's override) in the language {@code tag}.
     * Patterns use ICU MessageFormat syntax: {@code {name}}, {@code {n, number}},
     * {@code {n, plural, =0 {...} one {# item} other {# items}}} (with {@code offset:}),
     * {@code {x, select, a {...} other {...}}}, and ICU's apostrophe quoting. Plural rules and
     * number style are those of the built-in language serving {@code tag} (English for others).
     *
     * @param pattern the message pattern
     * @param tag the language tag
     * @param arguments the values of the pattern's arguments by name
     * @return the formatted text
     * @throws IllegalArgumentException if the pattern is not valid, or a plural argument is not a number
     */
    public static String format(String pattern, String tag, Map<String, Object> arguments) {
        return IcuMessage.parse(pattern).format(arguments, LanguageRules.forTag(tag));
    }

    /**
     * Checks that {@code pattern} is a message pattern {@link #format(String, String, Map)} accepts.
     *
     * @param pattern the pattern to check
     * @throws IllegalArgumentException with the reason, if it is not
     */
    public static void checkPattern(String pattern) {
        IcuMessage.parse(pattern);
    }

    /**
     * Joins {@code items} with "and" as this language does ("A, B and C"), following CLDR's
     * standard list pattern.
     *
     * @param items the items, in order
     * @return the joined phrase
     */
    public String list(List<String> items) {
        return rules.lists().format(items);
    }

    /**
     * The unread-count phrase, such as "3 unread messages", in this language's plural forms.
     *
     * @param count the number of unread messages
     * @return the phrase
     */
    public String unread(int count) {
        if (count < 0 || count >= CACHED_COUNTS) return format("unread", Map.of("count", count));
        String phrase = unreadByCount.get(count);
        if (phrase == null) {
            phrase = format("unread", Map.of("count", count));
            unreadByCount.set(count, phrase);
        }
        return phrase;
    }

    private static Messages load(String tag) {
        Messages fallback = tag.equals("en") ? null : forTag("en");
        String resource = "/io/sitechrome/i18n/messages_" + tag + ".properties";
        try (InputStream in = Messages.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing built-in strings " + resource);
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new Messages(tag, properties, fallback);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String parent(String tag) {
        int dash = tag.lastIndexOf('-');
        return dash < 0 ? "" : tag.substring(0, dash);
    }

    @Override
    public String toString() {
        return "Messages[" + tag + "]";
    }
}
