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

    public ConsentPolicy(CookieSettings settings) {
        this.settings = settings;
    }

    /** Whether {@code state} is a choice that still counts (made under the current revision). */
    public boolean isCurrent(ConsentState state) {
        return state.recorded() && state.revision() == settings.revision();
    }

    /** The categories allowed for this visitor. */
    public Set<String> allowed(ConsentState state, String country, boolean gpc) {
        Set<String> allowed = new LinkedHashSet<>();
        for (CookieSettings.Category category : settings.categories()) {
            if (allows(category, state, country, gpc)) allowed.add(category.id());
        }
        return allowed;
    }

    /** The categories allowed for this visitor, as bits by their index in the settings. */
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

    /** Whether {@code category} is allowed for this visitor. */
    public boolean allows(String category, ConsentState state, String country, boolean gpc) {
        return allowed(state, country, gpc).contains(category);
    }

    /** Whether GPC is what keeps sale-or-sharing categories off (no later explicit choice). */
    public boolean gpcHonoured(ConsentState state, boolean gpc) {
        return gpc && !settings.saleOrSharing().isEmpty() && !isCurrent(state);
    }
}
