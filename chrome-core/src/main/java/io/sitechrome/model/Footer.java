package io.sitechrome.model;

import java.util.List;
import java.util.Set;

/**
 * The footer: link columns, the bottom row of links, social links, the copyright line and how
 * the language picker shows.
 */
public record Footer(List<Column> columns, List<BottomLink> links, List<SocialLink> social, Text copyright, LocalePicker localePicker) {

    public static final Footer EMPTY = new Footer(List.of(), List.of(), List.of(), null, LocalePicker.LIST);

    /** How the footer's language picker shows ({@code footer.localePicker}). */
    public enum LocalePicker {
        /** Every language as a link, in a row. */
        LIST,
        /** The current language, opening to the others (a disclosure that works without script). */
        COMPACT
    }

    public Footer {
        columns = List.copyOf(columns);
        links = List.copyOf(links);
        social = List.copyOf(social);
    }

    /** A headed column of links. */
    public record Column(Text heading, List<Link> links) {
        public Column {
            links = List.copyOf(links);
        }
    }

    /**
     * A bottom-row entry: a link, or an action such as {@code manage-cookies}; it may carry
     * an icon and be limited to some countries.
     */
    public record BottomLink(Text label, String href, String action, String icon, Set<String> countries) {
        public BottomLink {
            countries = Set.copyOf(countries);
        }

        public boolean shownIn(String country) {
            return countries.isEmpty() || (country != null && countries.contains(country));
        }
    }

    /** A link to the site's page on a social network. */
    public record SocialLink(String network, Text label, String href) {
    }
}
