package io.sitechrome.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The site itself: its name, home URL, languages and an optional template folder.
 *
 * @param templates     the designer's template folder, or null
 * @param templateFiles the text of each template in that folder as read at load, by file name
 */
public record Site(Text name, String url, List<SiteLocale> locales, Path templates, Map<String, String> templateFiles) {

    public Site {
        locales = List.copyOf(locales);
        templateFiles = Map.copyOf(templateFiles);
    }

    /** The first configured locale. */
    public SiteLocale defaultLocale() {
        return locales.get(0);
    }
}
