package io.sitechrome.render;

import io.sitechrome.model.CookieSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * The cookie banner's first layer (while no choice is on record), the confirmation after
 * a choice, and the preferences layer that is always there for "Manage cookies".
 */
record CookieBannerView(String lang, String dir, String consentEndpoint, boolean saved, String savedText, boolean ask,
                        String title, String body, String policyUrl, String policyLabel, String returnPath,
                        String acceptAll, String rejectAll, String customize, Preferences preferences) {

    record Preferences(String title, String consentEndpoint, String returnPath, List<Category> categories,
                       String alwaysOn, String save) {
    }

    record Category(String id, String label, String description, boolean checked, boolean required) {
    }

    /** Null when the site has no cookie settings. */
    static CookieBannerView of(ViewContext context) {
        CookieSettings cookies = context.config.cookies();
        if (cookies == null) return null;
        CookieSettings.Texts texts = cookies.text();
        List<Category> categories = new ArrayList<>();
        for (int i = 0; i < cookies.categories().size(); i++) {
            CookieSettings.Category category = cookies.categories().get(i);
            boolean checked = category.required() || context.variant.inMask(i);
            categories.add(new Category(category.id(), context.text(category.label()), context.text(category.description()),
                    checked, category.required()));
        }
        String endpoint = context.endpoint("consent");
        String returnPath = Slot.RETURN_PATH.marker();
        Preferences preferences = new Preferences(context.message("cookies.preferences"), endpoint, returnPath, categories,
                context.message("cookies.alwaysOn"), context.text(texts.save(), "cookies.save"));
        return new CookieBannerView(context.lang(), context.dir(), endpoint, context.variant.has(Variant.CONSENT_SAVED),
                context.message("cookies.saved"), !context.variant.has(Variant.CONSENT_RECORDED),
                context.text(texts.title(), "cookies.title"), context.text(texts.body(), "cookies.body"),
                context.url(cookies.policyUrl()), context.message("cookies.policy"), returnPath,
                context.text(texts.acceptAll(), "cookies.acceptAll"), context.text(texts.rejectAll(), "cookies.rejectAll"),
                context.text(texts.customize(), "cookies.customize"), preferences);
    }
}
