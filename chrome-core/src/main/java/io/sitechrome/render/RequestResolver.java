package io.sitechrome.render;

import io.sitechrome.config.UrlPolicy;
import io.sitechrome.consent.ConsentPolicy;
import io.sitechrome.consent.ConsentState;
import io.sitechrome.i18n.LocaleNegotiator;
import io.sitechrome.i18n.Messages;
import io.sitechrome.model.Banner;
import io.sitechrome.model.ChromeConfig;
import io.sitechrome.model.CookieSettings;
import io.sitechrome.model.Footer;
import io.sitechrome.model.NavItem;
import io.sitechrome.model.SiteLocale;
import io.sitechrome.model.Text;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Year;
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
final class RequestResolver {

    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9+/=_-]{8,200}");
    private static final Pattern ENDPOINTS = Pattern.compile("(?:/|\\./|(?:\\.\\./)+)(?:[A-Za-z0-9_~-][A-Za-z0-9._~-]*/)*");

    private final ChromeConfig config;
    private final LocaleNegotiator negotiator;
    private final ConsentPolicy consent;
    private final Map<String, Integer> navCodeByPath;
    private final String origin;
    private final Clock clock;

    RequestResolver(ChromeConfig config, Clock clock) {
        this.config = config;
        this.negotiator = new LocaleNegotiator(config.site().locales());
        this.consent = config.cookies() == null ? null : new ConsentPolicy(config.cookies());
        this.navCodeByPath = navCodes(config);
        this.origin = origin(config.site().url());
        this.clock = clock;
    }

    LocaleNegotiator negotiator() {
        return negotiator;
    }

    RequestFacts resolve(ChromeRequest request) {
        SiteLocale locale = request.locale == null ? null : negotiator.match(request.locale);
        List<SiteLocale> locales = config.site().locales();
        int localeIndex = locale == null ? 0 : locales.indexOf(locale);
        locale = locales.get(localeIndex);

        int flags = 0;
        Visitor visitor = request.visitor;
        boolean signedIn = visitor != null && !visitor.name().isEmpty();
        String avatar = signedIn && isImageUrl(visitor.avatarUrl()) ? visitor.avatarUrl() : null;
        int unread = signedIn ? visitor.unread() : 0;
        if (signedIn) flags |= Variant.SIGNED_IN;
        if (avatar != null) flags |= Variant.HAS_AVATAR;
        if (unread > 0 && config.header().chat() != null) flags |= Variant.HAS_UNREAD;

        String path = UrlPolicy.sameSitePath(request.path);
        String country = request.country != null && COUNTRY.matcher(request.country).matches()
                ? request.country.toUpperCase(Locale.ROOT) : null;

        ConsentState state = request.consent;
        long allowedMask = 0;
        if (consent != null) {
            if (consent.isCurrent(state)) flags |= Variant.CONSENT_RECORDED;
            if (request.consentSaved) flags |= Variant.CONSENT_SAVED;
            if (consent.gpcHonoured(state, request.gpc)) flags |= Variant.GPC_HONOURED;
            Set<String> allowed = consent.allowed(state, country, request.gpc);
            List<CookieSettings.Category> categories = config.cookies().categories();
            for (int i = 0; i < categories.size(); i++) {
                if (allowed.contains(categories.get(i).id())) allowedMask |= 1L << i;
            }
        }
        String nonce = request.nonce != null && NONCE.matcher(request.nonce).matches() ? request.nonce : null;
        if (nonce != null) flags |= Variant.HAS_NONCE;
        String endpoints = request.endpoints != null && ENDPOINTS.matcher(request.endpoints).matches() ? request.endpoints : "/chrome/";

        String[] slots = new String[Slot.values().length];
        slots[Slot.VISITOR_NAME.ordinal()] = signedIn ? Encode.forHtml(visitor.name()) : "";
        slots[Slot.UNREAD_COUNT.ordinal()] = Integer.toString(unread);
        slots[Slot.UNREAD_TEXT.ordinal()] = (flags & Variant.HAS_UNREAD) != 0 ? Encode.forHtml(unreadText(locale, unread)) : "";
        slots[Slot.AVATAR_URL.ordinal()] = avatar == null ? "" : Encode.forHtml(avatar);
        slots[Slot.RETURN_PATH.ordinal()] = Encode.forHtml(path);
        slots[Slot.RETURN_PATH_PARAM.ordinal()] = Encode.forHtml(URLEncoder.encode(path, StandardCharsets.UTF_8));
        slots[Slot.RETURN_URL_PARAM.ordinal()] = Encode.forHtml(URLEncoder.encode(origin + path, StandardCharsets.UTF_8));
        slots[Slot.NONCE.ordinal()] = nonce == null ? "" : Encode.forHtml(nonce);

        return new RequestFacts(localeIndex, locale, flags, navCode(path), bannerMask(country, request.dismissedBanners),
                footerMask(country), allowedMask, Year.now(clock).getValue(), endpoints, slots);
    }

    private String unreadText(SiteLocale locale, int count) {
        Text override = config.strings().get("unread");
        if (override == null) return Messages.forTag(locale.tag()).unread(count);
        String pattern = override.in(locale.fallbackChain(config.site().defaultLocale()));
        return Messages.format(pattern, locale.tag(), Map.of("count", count));
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

    private int navCode(String path) {
        Integer code = navCodeByPath.get(normalise(path));
        return code == null ? 0 : code;
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

    private static boolean isImageUrl(String url) {
        if (url == null || !UrlPolicy.isAllowed(url)) return false;
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") || (url.startsWith("/") && !url.startsWith("//"));
    }
}
