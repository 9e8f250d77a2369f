package io.sitechrome.internal.render;

import io.sitechrome.config.ConfigException;
import io.sitechrome.model.ChromeConfig;
import io.sitechrome.render.ChromeRequest;
import io.sitechrome.render.Component;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders every component once in every locale and state family at load, so that a template
 * that cannot render (one that includes itself, one that throws) refuses the configuration
 * instead of failing the pages that use it.
 *
 * <p>A state family is what a component's template can branch on, taken at its extremes rather
 * than in every combination: signed out, signed in without and with avatar and unread messages;
 * every banner, footer link and consent category shown and none; the cookie banner before a
 * choice, after one, and just saved; the footer with and without the Global Privacy Control
 * notice; the scripts with and without a nonce; the first nav entry current and none. A
 * template's sections and partials are reached by one of these, and the work stays a few dozen
 * renders per locale however long the lists are.
 */
public final class RenderCheck {

    private static final long ALL = -1L;
    private static final int SIGNED_IN_FULLY = Variant.SIGNED_IN | Variant.HAS_AVATAR | Variant.HAS_UNREAD;
    private static final int CONSENT_JUST_SAVED = Variant.CONSENT_RECORDED | Variant.CONSENT_SAVED;
    private static final String ENDPOINTS = ChromeRequest.DEFAULT_ENDPOINTS;

    private RenderCheck() {
    }

    /**
     * Renders every family of every component.
     *
     * @param config    the configuration
     * @param templates its templates
     * @param renderer  its renderer
     * @throws ConfigException with the first failing template's problem
     */
    public static void verify(ChromeConfig config, TemplateSet templates, Renderer renderer) throws ConfigException {
        int year = Year.now().getValue();
        for (int locale = 0; locale < config.site().locales().size(); locale++) {
            for (Variant variant : families(locale, year)) {
                try {
                    renderer.compile(variant);
                } catch (RuntimeException | StackOverflowError e) {
                    throw new ConfigException(List.of(templates.problem(TemplateSet.templateName(variant.component()), e)));
                }
            }
        }
    }

    private static List<Variant> families(int locale, int year) {
        int firstNav = HeaderView.navCode(0);
        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant(Component.HEAD, 0, 0, 0, 0, 0, ENDPOINTS));
        variants.add(new Variant(Component.SKIP_LINK, locale, 0, 0, 0, 0, ""));
        variants.add(new Variant(Component.COOKIE_BANNER, locale, 0, 0, 0, 0, ENDPOINTS));
        variants.add(new Variant(Component.COOKIE_BANNER, locale, Variant.CONSENT_RECORDED, 0, ALL, 0, ENDPOINTS));
        variants.add(new Variant(Component.COOKIE_BANNER, locale, CONSENT_JUST_SAVED, 0, ALL, 0, ENDPOINTS));
        variants.add(new Variant(Component.BANNERS, locale, 0, 0, ALL, 0, ENDPOINTS));
        variants.add(new Variant(Component.BANNERS, locale, 0, 0, 0, 0, ENDPOINTS));
        variants.add(new Variant(Component.HEADER, locale, 0, 0, 0, 0, ""));
        variants.add(new Variant(Component.HEADER, locale, Variant.SIGNED_IN, firstNav, 0, 0, ""));
        variants.add(new Variant(Component.HEADER, locale, SIGNED_IN_FULLY, firstNav + 1, 0, 0, ""));
        variants.add(new Variant(Component.FOOTER, locale, 0, 0, ALL, year, ENDPOINTS));
        variants.add(new Variant(Component.FOOTER, locale, Variant.GPC_HONOURED, 0, 0, year, ENDPOINTS));
        variants.add(new Variant(Component.SCRIPTS, locale, 0, 0, 0, 0, ENDPOINTS));
        variants.add(new Variant(Component.SCRIPTS, locale, Variant.HAS_NONCE, 0, ALL, 0, ENDPOINTS));
        return variants;
    }
}
