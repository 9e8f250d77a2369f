package io.sitechrome.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The site itself: its name, home URL, languages and an optional template folder.
 *
 * @param name          the site's name
 * @param url           the site's home URL
 * @param locales       the site's languages, the default first, in the language picker's order
 * @param templates     the designer's template folder, or null
 * @param templateFiles the text of each template in that folder as read at load, by file name
 */
public record Site(Text name, String url, List<SiteLocale> locales, Path templates, Map<String, String> templateFiles) {

    /**
     * Copies the locales and templates, so the site stays immutable.
     *
     * @param name          the site's name
     * @param url           the site's home URL
     * @param locales       the site's languages, the default first; not empty
     * @param templates     the designer's template folder, or null
     * @param templateFiles the text of each template in that folder, by file name; not null
     */
    public Site {
        locales = List.copyOf(locales);
        templateFiles = Map.copyOf(templateFiles);
    }

    /**
     * The site's default language, used when a visitor's languages match none of the others.
     *
     * @return the first configured locale
     */
    public SiteLocale defaultLocale() {
        return locales.get(0);
    }
}
