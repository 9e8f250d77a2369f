package io.sitechrome.internal.render;

import io.sitechrome.model.CookieSettings;
import java.util.List;
import java.util.Map;

/** The tags for the page's head: the Google Consent Mode script when the site uses it, then the stylesheet. */
record HeadView(ConsentMode consentMode, String stylesheetHref, String version) {

    /**
     * The script that writes Consent Mode's defaults into {@code dataLayer} before any other tag runs.
     *
     * @param types   category id to its consent types, as JSON
     * @param allowed the ids of the categories allowed now, space-separated
     */
    record ConsentMode(String src, String nonce, String types, String allowed) {
    }

    static HeadView of(ViewContext context, Assets assets) {
        CookieSettings cookies = context.config.cookies();
        ConsentMode consentMode = null;
        if (cookies != null && !cookies.googleConsentMode().isEmpty()) {
            consentMode = new ConsentMode(context.endpoint("assets/" + assets.consentModeScript().name()),
                    context.variant.has(Variant.HAS_NONCE) ? Slot.NONCE.marker() : null,
                    typesJson(cookies.googleConsentMode()), String.join(" ", CookieBannerView.allowedIds(context)));
        }
        return new HeadView(consentMode, context.endpoint("assets/" + assets.stylesheet().name()), context.config.version());
    }

    /** Category ids and consent types are plain names (the schema's id and enum), so they need no JSON escaping. */
    private static String typesJson(Map<String, List<String>> types) {
        StringBuilder json = new StringBuilder("{");
        types.forEach((category, list) -> {
            if (json.length() > 1) json.append(',');
            json.append('"').append(category).append("\":[");
            for (int i = 0; i < list.size(); i++) json.append(i == 0 ? "\"" : ",\"").append(list.get(i)).append('"');
            json.append(']');
        });
        return json.append('}').toString();
    }
}
