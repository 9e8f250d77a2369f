package io.sitechrome.render;

import java.util.Arrays;
import java.util.List;

/**
 * The parts of the chrome, in page order. Each has one template of the same id, which a
 * designer's template folder may replace, and a placeholder {@code <!--chrome:ID-->}
 * that pages can use to place it themselves.
 */
public enum Component {
    HEAD("head", Placement.HEAD),
    COOKIE_BANNER("cookie-banner", Placement.BODY_START),
    SKIP_LINK("skip-link", Placement.BODY_START),
    BANNERS("banners", Placement.BODY_START),
    HEADER("header", Placement.BODY_START),
    FOOTER("footer", Placement.BODY_END),
    SCRIPTS("scripts", Placement.BODY_END);

    private static final Component[] ALL = values();
    private static final List<List<Component>> AT = Arrays.stream(Placement.values())
            .map(placement -> Arrays.stream(ALL).filter(c -> c.placement == placement).toList()).toList();

    private final String id;
    private final Placement placement;

    Component(String id, Placement placement) {
        this.id = id;
        this.placement = placement;
    }

    /** The template name and placeholder name, such as {@code cookie-banner}. */
    public String id() {
        return id;
    }

    public Placement placement() {
        return placement;
    }

    /**
     * Whether this component's markup can depend on the visitor's country: banners and footer
     * links targeted at countries, and the consent mode by country (which categories are allowed).
     *
     * @return true for the head (Google Consent Mode defaults), cookie banner, banners, footer and scripts
     */
    public boolean dependsOnCountry() {
        return this == HEAD || this == COOKIE_BANNER || this == BANNERS || this == FOOTER || this == SCRIPTS;
    }

    /**
     * Whether this component's markup can depend on the Global Privacy Control signal: the
     * categories it switches off and the footer's "signal honoured" note.
     *
     * @return true for the head (Google Consent Mode defaults), cookie banner, footer and scripts
     */
    public boolean dependsOnGpc() {
        return this == HEAD || this == COOKIE_BANNER || this == FOOTER || this == SCRIPTS;
    }

    /** The component with this id, or null. */
    public static Component byId(String id) {
        for (Component component : ALL) {
            if (component.id.equals(id)) return component;
        }
        return null;
    }

    /** The components placed at {@code placement}, in page order. */
    public static List<Component> at(Placement placement) {
        return AT.get(placement.ordinal());
    }
}
