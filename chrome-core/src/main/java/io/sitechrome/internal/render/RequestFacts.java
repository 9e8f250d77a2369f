package io.sitechrome.internal.render;

import io.sitechrome.model.SiteLocale;
import io.sitechrome.render.Component;

/**
 * One request, resolved and validated: the facts that select variants, and the escaped
 * values of its slots.
 *
 * @param consentModeMask  the allowed categories when the site uses Google Consent Mode (the head
 *                         then sets its defaults from them), else 0
 * @param customConsent    whether the allowed categories are a visitor's own pick, not one that
 *                         many visitors share (required only, all, all but sale or sharing)
 * @param bannersDismissed whether the visitor's dismissals hide some banner
 * @param variants         each component's variant once asked ({@link #variantFor}), by ordinal; filled as they are asked
 */
public record RequestFacts(int localeIndex, SiteLocale locale, int flags, int navCurrent, long bannerMask, long footerMask,
                    long allowedMask, long consentModeMask, boolean customConsent, boolean bannersDismissed, int year, String endpoints,
                    SlotValues slotValues, Variant[] variants) {

    private static final int COMPONENTS = Component.values().length;

    /** The facts of one request, with no variant asked yet. */
    RequestFacts(int localeIndex, SiteLocale locale, int flags, int navCurrent, long bannerMask, long footerMask,
                 long allowedMask, long consentModeMask, boolean customConsent, boolean bannersDismissed, int year, String endpoints,
                 SlotValues slotValues) {
        this(localeIndex, locale, flags, navCurrent, bannerMask, footerMask, allowedMask, consentModeMask, customConsent,
            bannersDismissed, year, endpoints, slotValues, new Variant[COMPONENTS]);
    }

    /** Whether the variant of {@code component} is one this visitor made up rather than one many visitors share. */
    boolean madeUpByVisitor(Component component) {
        return switch (component) {
            case COOKIE_BANNER, SCRIPTS -> customConsent;
            case HEAD -> consentModeMask != 0 && customConsent;
            case BANNERS -> bannersDismissed;
            case SKIP_LINK, HEADER, FOOTER -> false;
        };
    }

    /** The variant of {@code component} for this request, holding only what it depends on; made once, when first asked. */
    Variant variantFor(Component component) {
        Variant variant = variants[component.ordinal()];
        if (variant == null) {
            variant = newVariant(component);
            variants[component.ordinal()] = variant;
        }
        return variant;
    }

    private Variant newVariant(Component component) {
        return switch (component) {
            case HEAD -> new Variant(component, 0, flags & Variant.HAS_NONCE, 0, consentModeMask, 0, endpoints);
            case SKIP_LINK -> new Variant(component, localeIndex, 0, 0, 0, 0, "");
            case COOKIE_BANNER -> new Variant(component, localeIndex,
                    flags & (Variant.CONSENT_RECORDED | Variant.CONSENT_SAVED | Variant.GPC_SIGNAL), 0, allowedMask, 0, endpoints);
            case BANNERS -> new Variant(component, localeIndex, 0, 0, bannerMask, 0, endpoints);
            case HEADER -> new Variant(component, localeIndex,
                    flags & (Variant.SIGNED_IN | Variant.HAS_AVATAR | Variant.HAS_UNREAD), navCurrent, 0, 0, "");
            case FOOTER -> new Variant(component, localeIndex, flags & Variant.GPC_HONOURED, 0, footerMask, year, endpoints);
            case SCRIPTS -> new Variant(component, localeIndex, flags & Variant.HAS_NONCE, 0, allowedMask, 0, endpoints);
        };
    }
}
