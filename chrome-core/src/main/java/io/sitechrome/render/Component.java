package io.sitechrome.render;

import java.util.Arrays;
import java.util.List;

/**
 * The parts of the chrome, in page order. Each has one template of the same id, which a
 * designer's template folder may replace, and a placeholder {@code <!--chrome:ID-->}
 * that pages can use to place it themselves.
 */
public enum Component {
    /** {@code head}: the stylesheet link and, with Google Consent Mode, the script that sets its defaults. */
    HEAD("head", Placement.HEAD),
    /** {@code cookie-banner}: the consent banner and preferences; first in the body. */
    COOKIE_BANNER("cookie-banner", Placement.BODY_START),
    /** {@code skip-link}: the link that jumps to the page's main content. */
    SKIP_LINK("skip-link", Placement.BODY_START),
    /** {@code banners}: the notice banners placed above the header. */
    BANNERS("banners", Placement.BODY_START),
    /** {@code header}: brand, navigation, actions, chat link and account menu. */
    HEADER("header", Placement.BODY_START),
    /** {@code footer}: footer banners, columns, bottom links, social links, language picker and copyright. */
    FOOTER("footer", Placement.BODY_END),
    /** {@code scripts}: the chrome's script and the consent-gated third-party scripts; before {@code </body>}. */
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

    /**
     * The component's id, which names its template and its placeholder {@code <!--chrome:ID-->}.
     *
     * @return the id, such as {@code cookie-banner}
     */
    public String id() {
        return id;
    }

    /**
     * Where the component goes when it is placed automatically.
     *
     * @return its place in the page
     */
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

    /**
     * The component with this id, as a placeholder or template file names it.
     *
     * @param id a component id, such as {@code footer}
     * @return the component, or null when no component has that id
     */
    public static Component byId(String id) {
        for (Component component : ALL) {
            if (component.id.equals(id)) return component;
        }
        return null;
    }

    /**
     * The components placed at one place of the page.
     *
     * @param placement a place in the page
     * @return the components placed there, in page order
     */
    public static List<Component> at(Placement placement) {
        return AT.get(placement.ordinal());
    }
}
