package io.sitechrome.model;

import java.nio.file.Path;
import java.util.List;

/** The site itself: its name, home URL, languages and an optional template folder. */
public record Site(Text name, String url, List<SiteLocale> locales, Path templates) {

    public Site {
        locales = List.copyOf(locales);
    }

    /** The first configured locale. */
    public SiteLocale defaultLocale() {
        return locales.get(0);
    }
}
