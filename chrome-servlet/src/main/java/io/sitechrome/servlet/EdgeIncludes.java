package io.sitechrome.servlet;

import io.sitechrome.config.UrlPolicy;
import io.sitechrome.model.Banner;
import io.sitechrome.model.ChromeConfig;
import io.sitechrome.model.Footer;
import io.sitechrome.render.Chrome;
import io.sitechrome.render.ChromeRequest;
import io.sitechrome.render.Component;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;

/**
 * Edge assembly with ESI: which components of a page become {@code <esi:include>} tags, and
 * their fragment URLs. One instance per configuration version, so that what the configuration
 * implies (do banners depend on the country? does the footer have a language picker?) is
 * worked out once and a request only builds a few short strings.
 *
 * <p>A fragment URL names everything its markup depends on (locale, and where it matters the
 * current path, the country and the GPC outcome) so that an edge cache can key it by URL alone;
 * the fragment endpoint renders it for a signed-out visitor with no consent recorded. A component
 * is therefore included only when that rendering equals the inline one for this request:
 * <ul>
 * <li>{@code head}: unless the configuration uses Google Consent Mode, whose defaults in the head
 *     are this visitor's consent;</li>
 * <li>{@code skip-link}: always (it depends on the locale at most);</li>
 * <li>{@code banners}: unless the visitor dismissed a banner;</li>
 * <li>{@code header}: only for a signed-out visitor (the account menu is per visitor);</li>
 * <li>{@code footer} (which carries the banners placed in the footer): with the GPC outcome of this
 *     visitor's consent in the URL, unless the visitor dismissed a banner and a footer banner is
 *     dismissible;</li>
 * <li>{@code cookie-banner} (the visitor's consent) and {@code scripts} (the nonce and the
 *     allowed categories): never.</li>
 * </ul>
 */
final class EdgeIncludes {

    static final String SURROGATE_CONTROL = "Surrogate-Control";
    static final String SURROGATE_CONTROL_ESI = "content=\"ESI/1.0\"";

    private final Chrome chrome;
    private final boolean bannersByCountry;
    private final boolean bannersByPath;
    private final boolean footerByCountry;
    private final boolean footerByPath;
    private final boolean footerByGpc;
    private final boolean footerDismissible;
    private final boolean headPerVisitor;

    EdgeIncludes(Chrome chrome) {
        this.chrome = chrome;
        ChromeConfig config = chrome.config();
        boolean byCountry = false;
        boolean dismissible = false;
        boolean footerBannersByCountry = false;
        boolean footerBannersDismissible = false;
        for (Banner banner : config.banners()) {
            boolean targeted = !banner.countries().isEmpty() || !banner.exceptCountries().isEmpty();
            if (banner.placement() == Banner.Placement.FOOTER) {
                footerBannersByCountry |= targeted;
                footerBannersDismissible |= banner.dismissible();
            } else {
                byCountry |= targeted;
                dismissible |= banner.dismissible();
            }
        }
        this.bannersByCountry = byCountry;
        this.bannersByPath = dismissible;
        boolean linksByCountry = false;
        for (Footer.BottomLink link : config.footer().links()) linksByCountry |= !link.countries().isEmpty();
        this.footerByCountry = linksByCountry || footerBannersByCountry;
        this.footerByPath = config.site().locales().size() > 1 || footerBannersDismissible;
        this.footerDismissible = footerBannersDismissible;
        this.footerByGpc = config.cookies() != null && !config.cookies().saleOrSharing().isEmpty();
        this.headPerVisitor = config.cookies() != null && !config.cookies().googleConsentMode().isEmpty();
    }

    /** The configuration version these includes belong to. */
    Chrome chrome() {
        return chrome;
    }

    /**
     * Whether the cache in front of the app announced that it assembles ESI, as the Edge
     * Architecture Specification has it: {@code Surrogate-Capability: device="ESI/1.0"}.
     */
    static boolean requested(HttpServletRequest request) {
        Enumeration<String> values = request.getHeaders("Surrogate-Capability");
        if (values == null) return false;
        for (String value : Collections.list(values)) {
            if (value.contains("ESI/1.0")) return true;
        }
        return false;
    }

    /**
     * The includes of one page view: {@code request} as {@link ChromeContext#chromeRequest()} made
     * it, {@code localeTag} the site locale it resolved to.
     */
    Page forPage(HttpServletRequest http, ChromeRequest request, String localeTag, String countryHeader, String prefix) {
        boolean signedIn = request.visitor() != null && !request.visitor().name().isEmpty();
        boolean dismissed = !ChromeContext.dismissedBanners(http).isEmpty();
        String country = countryHeader == null ? null : request.country() == null ? "" : request.country();
        boolean gpcHonoured = footerByGpc && chrome.consentPolicy().gpcHonoured(request.consent(), request.gpc());
        String base = escape(http.getContextPath() + prefix) + "fragments/";
        String locale = "?locale=" + URLEncoder.encode(localeTag, StandardCharsets.UTF_8);
        String path = "&amp;path=" + URLEncoder.encode(UrlPolicy.sameSitePath(request.path()), StandardCharsets.UTF_8);
        return new Page(
                headPerVisitor ? null : tag(base + "head"),
                tag(base + "skip-link" + locale),
                dismissed ? null : tag(base + "banners" + locale
                        + (country == null ? "" : "&amp;country=" + (bannersByCountry ? country : ""))
                        + (bannersByPath ? path : "")),
                signedIn ? null : tag(base + "header" + locale + path),
                dismissed && footerDismissible ? null : tag(base + "footer" + locale
                        + (country == null ? "" : "&amp;country=" + (footerByCountry ? country : ""))
                        + "&amp;gpc=" + (gpcHonoured ? "1" : "0")
                        + (footerByPath ? path : "")));
    }

    private static String tag(String src) {
        return "<esi:include src=\"" + src + "\" onerror=\"continue\"/>";
    }

    private static String escape(String url) {
        return url.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The include tag for each component of one page, or null for a component rendered inline. */
    record Page(String head, String skipLink, String banners, String header, String footer) {

        /** The {@code <esi:include>} tag standing for {@code component}, or null to render it inline. */
        String include(Component component) {
            return switch (component) {
                case HEAD -> head;
                case SKIP_LINK -> skipLink;
                case BANNERS -> banners;
                case HEADER -> header;
                case FOOTER -> footer;
                case COOKIE_BANNER, SCRIPTS -> null;
            };
        }
    }
}
