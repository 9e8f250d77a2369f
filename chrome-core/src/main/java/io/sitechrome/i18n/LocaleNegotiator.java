package io.sitechrome.i18n;

import io.sitechrome.model.SiteLocale;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Picks one of the site's locales for a visitor. Accept-Language is parsed item by item:
 * malformed items are skipped, never thrown on, and the header is read only up to a cap.
 */
public final class LocaleNegotiator {

    /** The most characters of an Accept-Language header read; the rest is ignored. */
    static final int MAX_HEADER_LENGTH = 4096;
    /** The most items of an Accept-Language header considered. */
    static final int MAX_ITEMS = 32;
    private static final Map<String, String> SCRIPT_ALIASES = Map.of("zh-tw", "zh-hant", "zh-hk", "zh-hant", "zh-mo", "zh-hant",
            "zh-cn", "zh-hans", "zh-sg", "zh-hans", "iw", "he", "no", "nb", "nn", "nb");

    private final List<SiteLocale> locales;

    /**
     * A negotiator choosing among a site's languages.
     *
     * @param locales the site's locales; on a tie the first one listed wins
     */
    public LocaleNegotiator(List<SiteLocale> locales) {
        this.locales = List.copyOf(locales);
    }

    /**
     * The site locale with exactly this tag.
     *
     * @param tag a language tag, or null
     * @return the site locale whose tag equals {@code tag} (ignoring case), or null when there is none
     */
    public SiteLocale exact(String tag) {
        if (tag == null) return null;
        for (SiteLocale locale : locales) {
            if (locale.tag().equalsIgnoreCase(tag)) return locale;
        }
        return null;
    }

    /**
     * The best site locale for one language tag: the same tag, else a parent tag ({@code de} for
     * {@code de-AT}), the script a region implies ({@code zh-Hant} for {@code zh-TW}), or a site
     * locale of the same language ({@code pt-BR} for {@code pt}). Underscores count as hyphens and
     * case is ignored.
     *
     * @param tag a language tag, such as one item of an Accept-Language header or a {@code lang} parameter;
     *            may be null
     * @return the best site locale, or null when none fits (also for null, empty or overlong tags)
     */
    public SiteLocale match(String tag) {
        if (tag == null || tag.isEmpty() || tag.length() > 64) return null;
        String wanted = tag.replace('_', '-').toLowerCase(Locale.ROOT);
        for (String candidate = wanted; !candidate.isEmpty(); candidate = parent(candidate)) {
            SiteLocale found = exact(candidate);
            if (found == null) found = exact(SCRIPT_ALIASES.get(candidate));
            if (found != null) return found;
            if (!candidate.equals(wanted)) {
                for (SiteLocale locale : locales) {
                    if (locale.tag().toLowerCase(Locale.ROOT).startsWith(candidate + "-")) return locale;
                }
            }
        }
        String language = wanted.contains("-") ? wanted.substring(0, wanted.indexOf('-')) : wanted;
        for (SiteLocale locale : locales) {
            if (locale.tag().toLowerCase(Locale.ROOT).startsWith(language + "-")) return locale;
        }
        return null;
    }

    /**
     * The best site locale for an Accept-Language header: the {@link #match(String)} of its most
     * preferred language that has one, by quality value and then order.
     *
     * @param acceptLanguage the header's value, or null when the request has none
     * @return the best site locale, or null when none of the languages fits
     */
    public SiteLocale negotiate(String acceptLanguage) {
        for (String tag : preferences(acceptLanguage)) {
            SiteLocale found = match(tag);
            if (found != null) return found;
        }
        return null;
    }

    /**
     * The tags of an Accept-Language header, most preferred first, malformed items dropped.
     *
     * @param header the header's value, or null
     * @return the tags by quality value, then in header order; none for a missing or empty header
     */
    static List<String> preferences(String header) {
        if (header == null || header.isEmpty()) return List.of();
        String text = header.length() > MAX_HEADER_LENGTH ? header.substring(0, MAX_HEADER_LENGTH) : header;
        record Weighted(String tag, double q, int order) {
        }
        List<Weighted> items = new ArrayList<>();
        String[] parts = text.split(",", MAX_ITEMS + 1);
        for (int i = 0; i < parts.length && i < MAX_ITEMS; i++) {
            String[] fields = parts[i].split(";", -1);
            String tag = fields[0].trim();
            if (!isLanguageRange(tag)) continue;
            double q = 1.0;
            boolean valid = true;
            for (int f = 1; f < fields.length; f++) {
                String param = fields[f].trim();
                if (param.startsWith("q=") || param.startsWith("Q=")) {
                    q = quality(param.substring(2));
                    if (q < 0) valid = false;
                }
            }
            if (valid && q > 0 && !tag.equals("*")) items.add(new Weighted(tag, q, i));
        }
        items.sort(Comparator.comparingDouble(Weighted::q).reversed().thenComparingInt(Weighted::order));
        return items.stream().map(Weighted::tag).toList();
    }

    private static boolean isLanguageRange(String tag) {
        if (tag.equals("*")) return true;
        if (tag.isEmpty() || tag.length() > 35 || tag.startsWith("-") || tag.endsWith("-")) return false;
        for (String subtag : tag.split("-")) {
            if (subtag.isEmpty() || subtag.length() > 8) return false;
            for (int i = 0; i < subtag.length(); i++) {
                char c = subtag.charAt(i);
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
            }
        }
        return true;
    }

    private static double quality(String value) {
        if (!value.matches("(?:0(?:\\.\\d{0,3})?|1(?:\\.0{0,3})?)")) return -1;
        return Double.parseDouble(value);
    }

    private static String parent(String tag) {
        int dash = tag.lastIndexOf('-');
        return dash < 0 ? "" : tag.substring(0, dash);
    }
}
