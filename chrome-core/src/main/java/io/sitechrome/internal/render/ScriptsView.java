package io.sitechrome.internal.render;

import io.sitechrome.model.CookieSettings;
import java.util.ArrayList;
import java.util.List;

/** The chrome's script, and the third-party scripts gated by consent. */
record ScriptsView(String scriptSrc, String nonce, String endpoints, List<Gated> gated) {

    record Gated(String category, String src, boolean live) {
    }

    static ScriptsView of(ViewContext context, Assets assets) {
        List<Gated> gated = new ArrayList<>();
        CookieSettings cookies = context.config.cookies();
        if (cookies != null) {
            for (CookieSettings.GatedScript script : cookies.scripts()) {
                int index = indexOf(cookies, script.category());
                gated.add(new Gated(script.category(), context.url(script.src()), context.variant.inMask(index)));
            }
        }
        String nonce = context.variant.has(Variant.HAS_NONCE) ? Slot.NONCE.marker() : null;
        return new ScriptsView(context.endpoint("assets/" + assets.script().name()), nonce, context.variant.endpoints(), gated);
    }

    private static int indexOf(CookieSettings cookies, String category) {
        for (int i = 0; i < cookies.categories().size(); i++) {
            if (cookies.categories().get(i).id().equals(category)) return i;
        }
        return -1;
    }
}
