package io.sitechrome.consent;

import io.sitechrome.model.CookieSettings;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides what a visitor has allowed, from their recorded choice, the site's consent mode
 * for their country and the Global Privacy Control signal. A recorded choice of the
 * current revision wins; without one, opt-in allows only required categories, opt-out
 * allows everything, and GPC then switches off the sale-or-sharing categories.
 */
public final class ConsentPolicy {

    private final CookieSettings settings;

    /**
     * A policy for one site's consent settings.
     *
     * @param settings the site's cookie settings: categories, mode per country, revision and
     *                 sale-or-sharing categories
     */
    public ConsentPolicy(CookieSettings settings) {
        this.settings = settings;
    }

    /**
     * Whether a choice still counts.
     *
     * @param state the visitor's choice as decoded from their cookie
     * @return true when it was recorded under the settings' current revision
     */
    public boolean isCurrent(ConsentState state) {
        return state.recorded() && state.revision() == settings.revision();
    }

    /**
     * The categories allowed for this visitor.
     *
     * @param state   the visitor's choice as decoded from their cookie, or {@link ConsentState#NONE}
     * @param country the visitor's ISO 3166 alpha-2 country code, or null when unknown; it picks the mode
     * @param gpc     whether the browser sent Global Privacy Control
     * @return the ids of the allowed categories, in the settings' order
     */
    public Set<String> allowed(ConsentState state, String country, boolean gpc) {
        Set<String> allowed = new LinkedHashSet<>();
        for (CookieSettings.Category category : settings.categories()) {
            if (allows(category, state, country, gpc)) allowed.add(category.id());
        }
        return allowed;
    }

    /**
     * The categories allowed for this visitor, as bits by their index in the settings.
     *
     * @param state   the visitor's choice as decoded from their cookie, or {@link ConsentState#NONE}
     * @param country the visitor's ISO 3166 alpha-2 country code, or null when unknown
     * @param gpc     whether the browser sent Global Privacy Control
     * @return a mask whose bit {@code i} is set when the settings' {@code i}th category is allowed
     */
    public long allowedMask(ConsentState state, String country, boolean gpc) {
        long mask = 0;
        List<CookieSettings.Category> categories = settings.categories();
        for (int i = 0; i < categories.size(); i++) {
            if (allows(categories.get(i), state, country, gpc)) mask |= 1L << i;
        }
        return mask;
    }

    private boolean allows(CookieSettings.Category category, ConsentState state, String country, boolean gpc) {
        if (category.required()) return true;
        if (isCurrent(state)) return state.accepted().contains(category.id());
        return settings.modeFor(country) == CookieSettings.Mode.OPT_OUT && !(gpc && settings.saleOrSharing().contains(category.id()));
    }

    /**
     * Whether one category is allowed for this visitor.
     *
     * @param category the category's id
     * @param state    the visitor's choice as decoded from their cookie, or {@link ConsentState#NONE}
     * @param country  the visitor's ISO 3166 alpha-2 country code, or null when unknown
     * @param gpc      whether the browser sent Global Privacy Control
     * @return true when the category is allowed; false also for an id the settings do not name
     */
    public boolean allows(String category, ConsentState state, String country, boolean gpc) {
        return allowed(state, country, gpc).contains(category);
    }

    /**
     * Whether Global Privacy Control is what keeps the sale-or-sharing categories off, so that the
     * page can say the signal was honoured.
     *
     * @param state the visitor's choice as decoded from their cookie, or {@link ConsentState#NONE}
     * @param gpc   whether the browser sent Global Privacy Control
     * @return true when GPC was sent, the site has sale-or-sharing categories and no current choice overrides it
     */
    public boolean gpcHonoured(ConsentState state, boolean gpc) {
        return gpc && !settings.saleOrSharing().isEmpty() && !isCurrent(state);
    }
}
