package io.sitechrome.model;

import java.util.Set;

/**
 * A notice banner, optionally limited to (or kept from) some countries, shown at the top of
 * the page or in the footer area.
 */
public record Banner(String id, Severity severity, Text title, Text text, Link link,
                     Set<String> countries, Set<String> exceptCountries, boolean dismissible, Placement placement) {

    public enum Severity { INFO, WARNING, CRITICAL }

    /** Where the banner goes: with the other banners above the header, or in the footer above its columns. */
    public enum Placement { TOP, FOOTER }

    public Banner {
        countries = Set.copyOf(countries);
        exceptCountries = Set.copyOf(exceptCountries);
    }

    /** Whether a visitor from {@code country} (ISO 3166 alpha-2, or null when unknown) sees it. */
    public boolean shownIn(String country) {
        if (!countries.isEmpty() && (country == null || !countries.contains(country))) return false;
        return country == null || !exceptCountries.contains(country);
    }
}
