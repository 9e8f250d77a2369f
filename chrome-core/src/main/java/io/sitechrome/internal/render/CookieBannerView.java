package io.sitechrome.internal.render;

import io.sitechrome.internal.i18n.Messages;
import io.sitechrome.model.CookieSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The cookie banner's first layer (while no choice is on record), the confirmation after
 * a choice, and the preferences layer that is always there for "Manage cookies".
 *
 * @param consent what the page's script reports as the visitor's consent, as JSON
 *                {@code {"categories":[...],"revision":N or null,"gpc":true|false}}
 */
record CookieBannerView(String lang, String dir, String consentEndpoint, String consent, boolean saved, String savedText,
                        String hide, boolean ask, String title, String body, String policyUrl, String policyLabel,
                        String returnPath, String acceptAll, String rejectAll, String customize, Preferences preferences) {

    record Preferences(String title, String consentEndpoint, String returnPath, List<Category> categories,
                       String alwaysOn, String acceptAll, String rejectAll, String save, String close, String servicesLabel,
                       String cookiesLabel) {
    }

    record Category(String id, String label, String description, boolean checked, boolean required, List<Service> services) {
        public boolean hasServices() {
            return !services.isEmpty();
        }
    }

    /** A service of a category, with what the preferences call each cookie it sets. */
    record Service(String label, List<String> cookies) {
        public boolean hasCookies() {
            return !cookies.isEmpty();
        }
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
            List<Service> services = category.services().stream().map(service -> new Service(context.text(service.label()),
                    service.cookies().stream().map(rule -> Slot.literal(rule.displayName())).toList())).toList();
            categories.add(new Category(category.id(), context.text(category.label()), context.text(category.description()),
                    checked, category.required(), services));
        }
        String endpoint = context.endpoint("consent");
        boolean saved = context.variant.has(Variant.CONSENT_SAVED);
        String returnPath = Slot.RETURN_PATH.marker();
        String acceptAll = context.text(texts.acceptAll(), "cookies.acceptAll");
        String rejectAll = context.text(texts.rejectAll(), "cookies.rejectAll");
        Preferences preferences = new Preferences(context.message("cookies.preferences"), endpoint, returnPath, categories,
                context.message("cookies.alwaysOn"), acceptAll, rejectAll, context.text(texts.save(), "cookies.save"),
                context.message("cookies.close"), context.message("cookies.services"), context.message("cookies.serviceCookies"));
        return new CookieBannerView(context.lang(), context.dir(), endpoint, consentJson(context),
                saved, saved ? confirmation(context) : context.message("cookies.saved"), context.message("cookies.hide"),
                !context.variant.has(Variant.CONSENT_RECORDED),
                context.text(texts.title(), "cookies.title"), context.text(texts.body(), "cookies.body"),
                context.url(cookies.policyUrl()), context.message("cookies.policy"), returnPath,
                acceptAll, rejectAll, context.text(texts.customize(), "cookies.customize"), preferences);
    }

    /**
     * The confirmation of a saved choice, saying what it allows: everything, nothing optional,
     * or the optional categories by name.
     */
    static String confirmation(ViewContext context) {
        List<CookieSettings.Category> categories = context.config.cookies().categories();
        List<String> allowed = new ArrayList<>();
        int optional = 0;
        for (int i = 0; i < categories.size(); i++) {
            CookieSettings.Category category = categories.get(i);
            if (category.required()) continue;
            optional++;
            if (context.variant.inMask(i)) allowed.add(context.text(category.label()));
        }
        if (optional == 0) return context.message("cookies.saved");
        if (allowed.isEmpty()) return context.message("cookies.savedNone");
        if (allowed.size() == optional) return context.message("cookies.savedAll");
        String list = Messages.forTag(context.lang()).list(allowed);
        return context.message("cookies.savedSome", Map.of("categories", list));
    }

    /** The allowed categories, the revision of a choice on record (else null) and the GPC signal, as JSON. */
    private static String consentJson(ViewContext context) {
        // Category ids are [a-z0-9-] (the schema's id), so they need no JSON escaping.
        List<String> quoted = allowedIds(context).stream().map(id -> '"' + id + '"').toList();
        String revision = context.variant.has(Variant.CONSENT_RECORDED) ? Integer.toString(context.config.cookies().revision()) : "null";
        return "{\"categories\":[" + String.join(",", quoted) + "],\"revision\":" + revision
                + ",\"gpc\":" + context.variant.has(Variant.GPC_SIGNAL) + "}";
    }

    /** The ids of the categories the variant's mask allows, in configuration order. */
    static List<String> allowedIds(ViewContext context) {
        List<CookieSettings.Category> categories = context.config.cookies().categories();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < categories.size(); i++) {
            if (context.variant.inMask(i)) ids.add(categories.get(i).id());
        }
        return ids;
    }
}
