package io.sitechrome.model;

import java.util.Set;

/**
 * A notice banner, optionally limited to (or kept from) some countries, shown at the top of
 * the page or in the footer area.
 *
 * @param id              the banner's unique id ({@code [a-z0-9-]}); it names the banner in the markup and
 *                        in its dismissal endpoint, {@code banners/ID/dismiss}
 * @param severity        how urgent the notice is, which sets its colours
 * @param title           the banner's heading, or null for none
 * @param text            the banner's message
 * @param link            a link after the message, or null for none
 * @param countries       the ISO 3166 alpha-2 countries it is limited to; empty for everywhere
 * @param exceptCountries the countries it is never shown in
 * @param dismissible     whether the visitor may close it
 * @param placement       where on the page it goes
 */
public record Banner(String id, Severity severity, Text title, Text text, Link link,
                     Set<String> countries, Set<String> exceptCountries, boolean dismissible, Placement placement) {

    /** How urgent a banner is ({@code severity}); each has its own colours. */
    public enum Severity {
        /** Information, such as a coming change. */
        INFO,
        /** Something the visitor should act on or be aware of. */
        WARNING,
        /** An outage or emergency. */
        CRITICAL
    }

    /** Where the banner goes: with the other banners above the header, or in the footer above its columns. */
    public enum Placement {
        /** With the other banners, above the header. */
        TOP,
        /** In the footer, above its columns. */
        FOOTER
    }

    /**
     * Copies the country sets, so the banner stays immutable.
     *
     * @param id              the banner's unique id ({@code [a-z0-9-]})
     * @param severity        how urgent the notice is
     * @param title           the heading, or null for none
     * @param text            the message
     * @param link            a link after the message, or null for none
     * @param countries       the countries it is limited to; empty for everywhere; not null
     * @param exceptCountries the countries it is never shown in; not null
     * @param dismissible     whether the visitor may close it
     * @param placement       where on the page it goes
     */
    public Banner {
        countries = Set.copyOf(countries);
        exceptCountries = Set.copyOf(exceptCountries);
    }

    /**
     * Whether a visitor from {@code country} sees it: the country must be one of {@link #countries()}
     * when that is not empty, and not one of {@link #exceptCountries()}. A visitor whose country is
     * unknown sees only banners not limited to some countries.
     *
     * @param country the visitor's ISO 3166 alpha-2 country code, or null when unknown
     * @return true when the banner is shown to that visitor
     */
    public boolean shownIn(String country) {
        if (!countries.isEmpty() && (country == null || !countries.contains(country))) return false;
        return country == null || !exceptCountries.contains(country);
    }
}
