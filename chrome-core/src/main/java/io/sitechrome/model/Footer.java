package io.sitechrome.model;

import java.util.List;
import java.util.Set;

/**
 * The footer: link columns, the bottom row of links, social links, the copyright line and how
 * the language picker shows.
 *
 * @param columns      the headed columns of links, in order
 * @param links        the bottom row of links and actions, in order
 * @param social       the links to the site's pages on social networks, in order
 * @param copyright    the copyright line, in which {@code {year}} stands for the current year; or null for none
 * @param localePicker how the language picker shows
 */
public record Footer(List<Column> columns, List<BottomLink> links, List<SocialLink> social, Text copyright, LocalePicker localePicker) {

    /** A footer with nothing in it but a language picker showing every language. */
    public static final Footer EMPTY = new Footer(List.of(), List.of(), List.of(), null, LocalePicker.LIST);

    /** How the footer's language picker shows ({@code footer.localePicker}). */
    public enum LocalePicker {
        /** Every language as a link, in a row. */
        LIST,
        /** The current language, opening to the others (a disclosure that works without script). */
        COMPACT
    }

    /**
     * Copies the lists, so the footer stays immutable.
     *
     * @param columns      the columns of links; not null
     * @param links        the bottom row; not null
     * @param social       the social links; not null
     * @param copyright    the copyright line, or null for none
     * @param localePicker how the language picker shows
     */
    public Footer {
        columns = List.copyOf(columns);
        links = List.copyOf(links);
        social = List.copyOf(social);
    }

    /**
     * A headed column of links.
     *
     * @param heading the column's heading
     * @param links   its links, in order
     */
    public record Column(Text heading, List<Link> links) {
        /**
         * Copies {@code links}, so the column stays immutable.
         *
         * @param heading the column's heading
         * @param links   its links, in order; not null
         */
        public Column {
            links = List.copyOf(links);
        }
    }

    /**
     * A bottom-row entry: a link, or an action such as {@code manage-cookies}; it may carry
     * an icon and be limited to some countries.
     *
     * @param label     the entry's text
     * @param href      where it links to, or null for an action
     * @param action    what it does instead of linking, such as {@code manage-cookies} (reopens the cookie
     *                  preferences); or null for a plain link
     * @param icon      the icon shown before it, such as {@code privacy-choices}; or null for none
     * @param countries the ISO 3166 alpha-2 countries it is limited to; empty for everywhere
     */
    public record BottomLink(Text label, String href, String action, String icon, Set<String> countries) {
        /**
         * Copies {@code countries}, so the entry stays immutable.
         *
         * @param label     the entry's text
         * @param href      where it links to, or null for an action
         * @param action    what it does instead of linking, or null
         * @param icon      the icon shown before it, or null
         * @param countries the countries it is limited to; empty for everywhere; not null
         */
        public BottomLink {
            countries = Set.copyOf(countries);
        }

        /**
         * Whether a visitor from {@code country} sees this entry.
         *
         * @param country the visitor's ISO 3166 alpha-2 country code, or null when unknown
         * @return true when the entry is not limited to some countries, or the visitor's country is one of them
         */
        public boolean shownIn(String country) {
            return countries.isEmpty() || (country != null && countries.contains(country));
        }
    }

    /**
     * A link to the site's page on a social network.
     *
     * @param network the network, such as {@code facebook} or {@code github}, which picks the icon
     * @param label   the link's accessible name
     * @param href    the URL of the site's page on that network
     */
    public record SocialLink(String network, Text label, String href) {
    }
}
