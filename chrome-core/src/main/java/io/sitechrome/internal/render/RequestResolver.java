package io.sitechrome.internal.render;

import io.sitechrome.config.UrlPolicy;
import io.sitechrome.consent.ConsentPolicy;
import io.sitechrome.consent.ConsentState;
import io.sitechrome.i18n.LocaleNegotiator;
import io.sitechrome.internal.i18n.Messages;
import io.sitechrome.model.Banner;
import io.sitechrome.model.ChromeConfig;
import io.sitechrome.model.CookieSettings;
import io.sitechrome.model.Footer;
import io.sitechrome.model.NavItem;
import io.sitechrome.model.SiteLocale;
import io.sitechrome.model.Text;
import io.sitechrome.render.ChromeRequest;
import io.sitechrome.render.Placement;
import io.sitechrome.render.Visitor;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.owasp.encoder.Encode;

/**
 * Turns a {@link ChromeRequest}, whose every value may be hostile, into validated
 * {@link RequestFacts}: unknown locales fall back to the default, foreign return paths to
 * {@code /}, malformed countries and nonces are dropped.
 */
public final class RequestResolver {

    private static final Pattern ENDPOINTS = Pattern.compile("(?:/|\\./|(?:\\.\\./)+)(?:[A-Za-z0-9_~-][A-Za-z0-9._~-]*/)*");

    /** Unread counts below this have their phrase kept once formatted. */
    private static final int KEPT_UNREAD_PHRASES = 100;

    private final ChromeConfig config;
    private final LocaleNegotiator negotiator;
    private final ConsentPolicy consent;
    private final long[] sharedConsentMasks;
    private final Map<String, Integer> navCodeByPath;
    /** The codes of {@link #navCodeByPath} under their paths with a trailing slash, which a request's path often has. */
    private final Map<String, Integer> navCodeBySlashedPath;
    private final long footerBanners;
    private final String origin;
    private final Clock clock;
    private final Messages[] messages;
    /** The escaped unread phrases worked out so far, per locale and count below {@link #KEPT_UNREAD_PHRASES}. */
    private final String[] unreadHtml;
    private volatile String validEndpoints = ChromeRequest.DEFAULT_ENDPOINTS;
    private volatile YearSpan year;

    /**
     * A resolver for one configuration.
     *
     * @param config the configuration
     * @param clock  the clock the copyright year is read from
     */
    public RequestResolver(ChromeConfig config, Clock clock) {
        this.config = config;
        this.negotiator = new LocaleNegotiator(config.site().locales());
        this.consent = config.cookies() == null ? null : new ConsentPolicy(config.cookies());
        this.sharedConsentMasks = config.cookies() == null ? new long[0] : sharedConsentMasks(config.cookies());
        this.navCodeByPath = navCodes(config);
        this.navCodeBySlashedPath = slashed(navCodeByPath);
        this.footerBanners = footerBanners(config);
        this.origin = origin(config.site().url());
        this.clock = clock;
        this.messages = new Messages[config.site().locales().size()];
        this.unreadHtml = new String[config.site().locales().size() * KEPT_UNREAD_PHRASES];
    }

    /** @return the negotiator of the configuration's locales */
    public LocaleNegotiator negotiator() {
        return negotiator;
    }

    /**
     * Resolves what a request's chrome depends on.
     *
     * @param request the request
     * @return its locale, variant flags and masks and the values of its slots
     */
    public RequestFacts resolve(ChromeRequest request) {
        SiteLocale locale = request.locale() == null ? null : negotiator.match(request.locale());
        List<SiteLocale> locales = config.site().locales();
        int localeIndex = locale == null ? 0 : locales.indexOf(locale);
        locale = locales.get(localeIndex);

        int flags = 0;
        Visitor visitor = request.visitor();
        boolean signedIn = visitor != null && !visitor.name().isEmpty();
        String avatar = signedIn && isImageUrl(visitor.avatarUrl()) ? visitor.avatarUrl() : null;
        int unread = signedIn ? visitor.unread() : 0;
        if (signedIn) flags |= Variant.SIGNED_IN;
        if (avatar != null) flags |= Variant.HAS_AVATAR;
        if (unread > 0 && config.header().chat() != null) flags |= Variant.HAS_UNREAD;

        String path = UrlPolicy.sameSitePath(request.path());
        String country = isCountry(request.country()) ? request.country().toUpperCase(Locale.ROOT) : null;

        ConsentState state = request.consent();
        long allowedMask = 0;
        if (consent != null) {
            if (consent.isCurrent(state)) flags |= Variant.CONSENT_RECORDED;
            if (request.consentSaved()) flags |= Variant.CONSENT_SAVED;
            if (consent.gpcHonoured(state, request.gpc())) flags |= Variant.GPC_HONOURED;
            if (request.gpc()) flags |= Variant.GPC_SIGNAL;
            allowedMask = consent.allowedMask(state, country, request.gpc());
        }
        long consentModeMask = consent != null && !config.cookies().googleConsentMode().isEmpty() ? allowedMask : 0;
        String nonce = isNonce(request.nonce()) ? request.nonce() : null;
        if (nonce != null) flags |= Variant.HAS_NONCE;
        String endpoints = validEndpoints(request.endpoints());

        long bannerMask = bannerMask(country, request.dismissedBanners());
        boolean bannersDismissed = !request.dismissedBanners().isEmpty() && bannerMask != bannerMask(country, Set.of());

        SlotValues slots = new SlotValues(this, localeIndex, signedIn ? visitor.name() : null, unread,
                (flags & Variant.HAS_UNREAD) != 0, avatar, path, nonce);
        long footer = footerMask(country) | (bannerMask & footerBanners) << Variant.FOOTER_BANNERS_SHIFT;
        return new RequestFacts(localeIndex, locale, flags, navCode(path), bannerMask & ~footerBanners, footer, allowedMask, consentModeMask,
                consent != null && isCustom(allowedMask), bannersDismissed, year(), endpoints, slots);
    }

    /** Whether {@code allowedMask} is a visitor's own pick of categories, rather than one of those many share. */
    private boolean isCustom(long allowedMask) {
        for (long shared : sharedConsentMasks) {
            if (allowedMask == shared) return false;
        }
        return true;
    }

    /**
     * The allowed categories most visitors have: required only (opt-in, or reject all), all
     * (opt-out, or accept all), and all but sale or sharing (opt-out with GPC).
     */
    private static long[] sharedConsentMasks(CookieSettings cookies) {
        long required = 0;
        long all = 0;
        long saleOrSharing = 0;
        List<CookieSettings.Category> categories = cookies.categories();
        for (int i = 0; i < categories.size(); i++) {
            CookieSettings.Category category = categories.get(i);
            all |= 1L << i;
            if (category.required()) required |= 1L << i;
            if (cookies.saleOrSharing().contains(category.id())) saleOrSharing |= 1L << i;
        }
        return new long[] {required, all, all & ~saleOrSharing};
    }

    String origin() {
        return origin;
    }

    /**
     * {@link #unreadText} escaped for HTML, kept for the counts most visitors have, since formatting
     * it is the costliest part of a request's values.
     */
    String unreadHtml(int localeIndex, int count) {
        if (count < 0 || count >= KEPT_UNREAD_PHRASES) return Encode.forHtml(unreadText(localeIndex, count));
        int at = localeIndex * KEPT_UNREAD_PHRASES + count;
        String html = unreadHtml[at];
        if (html == null) {
            html = Encode.forHtml(unreadText(localeIndex, count));
            unreadHtml[at] = html;
        }
        return html;
    }

    /** "3 unread messages" in the locale with this index, or the designer's override of it. */
    String unreadText(int localeIndex, int count) {
        SiteLocale locale = config.site().locales().get(localeIndex);
        Text override = config.strings().get("unread");
        if (override == null) return messages(localeIndex).unread(count);
        String pattern = override.in(locale.fallbackChain(config.site().defaultLocale()));
        return Messages.format(pattern, locale.tag(), Map.of("count", count));
    }

    private Messages messages(int localeIndex) {
        Messages found = messages[localeIndex];
        if (found == null) {
            found = Messages.forTag(config.site().locales().get(localeIndex).tag());
            messages[localeIndex] = found;
        }
        return found;
    }

    /** The endpoints of the request when they are a valid path, else the default; the last valid one is remembered. */
    private String validEndpoints(String endpoints) {
        if (endpoints == null) return ChromeRequest.DEFAULT_ENDPOINTS;
        if (endpoints.equals(validEndpoints)) return validEndpoints;
        if (!ENDPOINTS.matcher(endpoints).matches()) return ChromeRequest.DEFAULT_ENDPOINTS;
        validEndpoints = endpoints;
        return endpoints;
    }

    /** The current year in the clock's zone, worked out again only when the year is over. */
    private int year() {
        long now = clock.millis();
        YearSpan span = year;
        if (span == null || now < span.from() || now >= span.until()) {
            span = YearSpan.at(now, clock.getZone());
            year = span;
        }
        return span.value();
    }

    /** A calendar year in one zone, as epoch milliseconds {@code [from, until)}. */
    private record YearSpan(int value, long from, long until) {
        static YearSpan at(long millis, ZoneId zone) {
            int value = Instant.ofEpochMilli(millis).atZone(zone).getYear();
            return new YearSpan(value, Year.of(value).atDay(1).atStartOfDay(zone).toInstant().toEpochMilli(),
                    Year.of(value + 1).atDay(1).atStartOfDay(zone).toInstant().toEpochMilli());
        }
    }

    private long bannerMask(String country, Set<String> dismissed) {
        long mask = 0;
        List<Banner> banners = config.banners();
        for (int i = 0; i < banners.size(); i++) {
            Banner banner = banners.get(i);
            if (banner.shownIn(country) && !(banner.dismissible() && dismissed.contains(banner.id()))) mask |= 1L << i;
        }
        return mask;
    }

    /** The banners placed in the footer, as a mask of their indexes. */
    private static long footerBanners(ChromeConfig config) {
        long mask = 0;
        List<Banner> banners = config.banners();
        for (int i = 0; i < banners.size(); i++) {
            if (banners.get(i).placement() == Banner.Placement.FOOTER) mask |= 1L << i;
        }
        return mask;
    }

    private long footerMask(String country) {
        long mask = 0;
        List<Footer.BottomLink> links = config.footer().links();
        for (int i = 0; i < links.size(); i++) {
            Footer.BottomLink link = links.get(i);
            boolean available = link.action() == null || config.cookies() != null;
            if (available && link.shownIn(country)) mask |= 1L << i;
        }
        return mask;
    }

    /**
     * The code of the nav entry whose path is the longest match for {@code path}: the entry's own
     * path, or one it contains on a segment boundary ({@code /owners} for {@code /owners/1}, not for
     * {@code /ownersfoo}). The site root matches only itself, so "Home" is not current everywhere.
     */
    private int navCode(String path) {
        Integer slashed = navCodeBySlashedPath.get(path);
        if (slashed != null) return slashed;
        String candidate = normalise(path);
        while (true) {
            Integer code = navCodeByPath.get(candidate);
            if (code != null) return code;
            int slash = candidate.lastIndexOf('/');
            if (slash <= 0) return 0;
            candidate = candidate.substring(0, slash);
        }
    }

    private static Map<String, Integer> navCodes(ChromeConfig config) {
        Map<String, Integer> codes = new HashMap<>();
        String siteOrigin = origin(config.site().url());
        List<NavItem> nav = config.header().nav();
        for (int i = 0; i < nav.size(); i++) {
            NavItem item = nav.get(i);
            int code = HeaderView.navCode(i);
            if (item.href() != null) addPath(codes, item.href(), siteOrigin, code);
            for (int j = 0; j < item.items().size(); j++) addPath(codes, item.items().get(j).href(), siteOrigin, code + j + 1);
        }
        return Map.copyOf(codes);
    }

    private static Map<String, Integer> slashed(Map<String, Integer> codes) {
        Map<String, Integer> slashed = new HashMap<>();
        codes.forEach((path, code) -> {
            if (path.length() > 1) slashed.put(path + "/", code);
        });
        return Map.copyOf(slashed);
    }

    private static void addPath(Map<String, Integer> codes, String href, String siteOrigin, int code) {
        String path = null;
        if (href.startsWith("/") && !href.startsWith("//")) {
            path = href;
        } else if (!siteOrigin.isEmpty() && href.startsWith(siteOrigin + "/")) {
            path = href.substring(siteOrigin.length());
        }
        if (path != null) codes.putIfAbsent(normalise(path), code);
    }

    private static String normalise(String path) {
        int end = path.length();
        int query = path.indexOf('?');
        if (query >= 0) end = query;
        int fragment = path.indexOf('#');
        if (fragment >= 0 && fragment < end) end = fragment;
        String plain = path.substring(0, end);
        return plain.length() > 1 && plain.endsWith("/") ? plain.substring(0, plain.length() - 1) : plain;
    }

    private static String origin(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || uri.getHost() == null) return "";
            return uri.getScheme() + "://" + uri.getRawAuthority();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static boolean isCountry(String country) {
        return country != null && country.length() == 2 && isLetter(country.charAt(0)) && isLetter(country.charAt(1));
    }

    private static boolean isNonce(String nonce) {
        if (nonce == null || nonce.length() < 8 || nonce.length() > 200) return false;
        for (int i = 0; i < nonce.length(); i++) {
            char c = nonce.charAt(i);
            if (!isLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '/' && c != '=' && c != '_' && c != '-') return false;
        }
        return true;
    }

    private static boolean isLetter(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    private static boolean isImageUrl(String url) {
        if (url == null || !UrlPolicy.isAllowed(url)) return false;
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") || (url.startsWith("/") && !url.startsWith("//"));
    }
}
