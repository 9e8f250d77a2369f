package io.sitechrome.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One of the site's languages: its BCP 47 tag, its own name for itself, and its writing
 * direction.
 *
 * @param tag         the BCP 47 language tag, such as {@code pt-BR}, as the designer wrote it
 * @param name        the language's name for itself, as the language picker shows it
 * @param rightToLeft whether the language is written right to left
 */
public record SiteLocale(String tag, String name, boolean rightToLeft) {

    private static final Set<String> RTL_LANGUAGES = Set.of("ar", "he", "iw", "fa", "ur", "ps", "sd", "ug", "yi", "dv", "ckb", "syr");

    /**
     * A locale whose direction follows from its language (and script, such as {@code Arab}).
     *
     * @param tag  the BCP 47 language tag
     * @param name the language's name for itself
     * @return the locale, right to left when its script, or else its language, is written that way
     */
    public static SiteLocale of(String tag, String name) {
        Locale locale = Locale.forLanguageTag(tag);
        String script = locale.getScript();
        boolean rtl = script.isEmpty() ? RTL_LANGUAGES.contains(locale.getLanguage()) || RTL_LANGUAGES.contains(tag.toLowerCase(Locale.ROOT))
                : Set.of("Arab", "Hebr", "Thaa", "Syrc", "Nkoo", "Adlm", "Rohg").contains(script);
        return new SiteLocale(tag, name, rtl);
    }

    /**
     * The writing direction, for the {@code dir} attribute.
     *
     * @return {@code rtl} or {@code ltr}
     */
    public String dir() {
        return rightToLeft ? "rtl" : "ltr";
    }

    /**
     * The language subtag of {@link #tag()}.
     *
     * @return the language, such as {@code pt} for {@code pt-BR}
     */
    public String language() {
        return Locale.forLanguageTag(tag).getLanguage();
    }

    /**
     * The tags to try, most specific first, when looking up a text for this locale:
     * {@code zh-Hant-TW}, {@code zh-Hant}, {@code zh}, then the default locale's chain.
     *
     * @param defaultLocale the site's default locale, whose tags follow this one's; or null for none
     * @return the tags, each once
     */
    public List<String> fallbackChain(SiteLocale defaultLocale) {
        List<String> chain = new ArrayList<>();
        addPrefixes(tag, chain);
        if (defaultLocale != null && !defaultLocale.tag.equals(tag)) addPrefixes(defaultLocale.tag, chain);
        return List.copyOf(chain);
    }

    private static void addPrefixes(String tag, List<String> chain) {
        for (String t = tag; !t.isEmpty(); t = t.contains("-") ? t.substring(0, t.lastIndexOf('-')) : "") {
            if (!chain.contains(t)) chain.add(t);
        }
    }
}
