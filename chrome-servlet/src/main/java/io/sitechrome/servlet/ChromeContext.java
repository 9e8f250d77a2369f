package io.sitechrome.servlet;

import io.sitechrome.consent.ConsentState;
import io.sitechrome.model.SiteLocale;
import io.sitechrome.render.Chrome;
import io.sitechrome.render.ChromeRequest;
import io.sitechrome.render.PageChrome;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The chrome as it applies to one request: the configuration version in service when the
 * request arrived, the visitor's consent, country and GPC signal, and the locale. Apps get
 * it with {@link #of(HttpServletRequest)} to ask, before rendering anything,
 * {@code ChromeContext.of(request).allows("analytics")}.
 */
public final class ChromeContext {

    static final String LOCALE_COOKIE = "chrome_locale";
    static final String DISMISSED_COOKIE = "chrome_dismissed";
    static final String FLASH_COOKIE = "chrome_flash";
    static final String FLASH_CONSENT_SAVED = "consent-saved";
    private static final Pattern BANNER_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final int MAX_COOKIE_VALUE = 4096;

    private final Chrome chrome;
    private final ChromeSettings settings;
    private final HttpServletRequest request;
    private final VisitorFacts facts;
    private Locale responseLocale;

    private ChromeContext(Chrome chrome, ChromeSettings settings, HttpServletRequest request) {
        this.chrome = chrome;
        this.settings = settings;
        this.request = request;
        this.facts = VisitorFacts.read(chrome, settings, request);
    }

    static ChromeContext create(Chrome chrome, ChromeSettings settings, HttpServletRequest request) {
        ChromeContext context = new ChromeContext(chrome, settings, request);
        request.setAttribute(ChromeAttributes.CONTEXT, context);
        return context;
    }

    /**
     * The context {@link ChromeFilter} made for this request.
     *
     * @param request the current request
     * @return the request's context, or null when the filter did not run for it
     */
    public static ChromeContext of(HttpServletRequest request) {
        return request.getAttribute(ChromeAttributes.CONTEXT) instanceof ChromeContext context ? context : null;
    }

    /**
     * The configuration version serving this request: the one in service when the request arrived,
     * kept for the whole request even if a reload swaps in another.
     *
     * @return the chrome serving this request
     */
    public Chrome chrome() {
        return chrome;
    }

    /**
     * Whether the visitor allows a cookie category, from their recorded choice, the consent mode of
     * their country and the Global Privacy Control signal.
     *
     * @param category a category id from {@code cookies.categories}
     * @return true when it is allowed (always for required categories); false for an unknown id, and for
     *         every category when the site has no cookie settings
     */
    public boolean allows(String category) {
        return chrome.consentPolicy() != null
            && chrome.consentPolicy().allows(category, facts.consent(), facts.country(), facts.gpc());
    }

    /**
     * The visitor's recorded cookie choice, as read from their consent cookie.
     *
     * @return the choice, or {@link ConsentState#NONE} when none counts
     */
    public ConsentState consent() {
        return facts.consent();
    }

    /**
     * Whether the browser sent the Global Privacy Control signal.
     *
     * @return true when the request has {@code Sec-GPC: 1}
     */
    public boolean gpc() {
        return facts.gpc();
    }

    /**
     * The locale the chrome uses for this request, as things stand now: the application's choice in
     * {@link ChromeAttributes#LOCALE}; else the nearest site locale to the one the application set
     * with {@code response.setLocale} (on the response the filter handed it); else the chrome's
     * language cookie (its language switch); else the best match for Accept-Language; else the
     * site's default.
     *
     * @return the site locale the chrome renders in
     */
    public SiteLocale locale() {
        return chrome.forRequest(chromeRequest()).locale();
    }

    /**
     * Everything the chrome needs to render this request, read now (so attributes set by the app count).
     *
     * @return the request's locale, visitor, path, country, consent, GPC signal, nonce, endpoints and
     *         dismissed banners
     */
    public ChromeRequest chromeRequest() {
        return ChromeRequest.builder()
                .locale(localeTag())
                .visitor(settings.visitors.resolve(request))
                .path(currentPath())
                .country(facts.country())
                .consent(facts.consent())
                .gpc(facts.gpc())
                .nonce(request.getAttribute(ChromeAttributes.NONCE) instanceof String nonce ? nonce : null)
                .endpoints(endpoints())
                .consentSaved(facts.consentSaved())
                .dismissedBanners(cookie(request, DISMISSED_COOKIE) == null ? Set.of() : dismissedBanners(request))
                .build();
    }

    /** Where the chrome's endpoints are for this request: the prefix under the context path. */
    private String endpoints() {
        String contextPath = request.getContextPath();
        return contextPath == null || contextPath.isEmpty() ? settings.prefix : contextPath + settings.prefix;
    }

    /**
     * The chrome of this page view, for rendering components by hand (JSP, templates).
     *
     * @return the page's chrome, resolved from {@link #chromeRequest()} now
     */
    public PageChrome page() {
        return chrome.forRequest(chromeRequest());
    }

    /** The application set {@code locale} on the response: the chrome follows it from now on (see {@link #locale()}). */
    void responseLocale(Locale locale) {
        responseLocale = locale;
    }

    /** @return the locale the application set on the response, or null when it set none */
    Locale responseLocale() {
        return responseLocale;
    }

    boolean consentSaved() {
        return facts.consentSaved();
    }

    private String localeTag() {
        if (request.getAttribute(ChromeAttributes.LOCALE) instanceof String tag) return tag;
        if (responseLocale != null) {
            SiteLocale nearest = chrome.locales().match(responseLocale.toLanguageTag());
            if (nearest != null) return nearest.tag();
        }
        String cookie = cookie(request, LOCALE_COOKIE);
        if (cookie != null && chrome.locale(cookie) != null) return cookie;
        SiteLocale negotiated = chrome.locales().negotiate(request.getHeader("Accept-Language"));
        return negotiated == null ? null : negotiated.tag();
    }

    private String currentPath() {
        if (request.getDispatcherType() == DispatcherType.ERROR
                && request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String failed) {
            Object failedQuery = request.getAttribute("jakarta.servlet.error.query_string");
            return path(failedQuery instanceof String query ? query : request.getQueryString(), failed);
        }
        Object forwarded = request.getAttribute("jakarta.servlet.forward.request_uri");
        String uri = forwarded instanceof String original ? original : request.getRequestURI();
        String query = forwarded instanceof String ? (String) request.getAttribute("jakarta.servlet.forward.query_string")
                : request.getQueryString();
        return path(query, uri);
    }

    /** The page the visitor asked for: on an error dispatch the failed request, not the error page. */
    private String path(String query, String uri) {
        String path = uri.startsWith(request.getContextPath()) ? uri.substring(request.getContextPath().length()) : uri;
        return request.getContextPath() + (path.isEmpty() ? "/" : path) + (query == null ? "" : "?" + query);
    }

    /** Whether the browser sent {@code Sec-GPC: 1}, as {@link VisitorFacts} reads it. */
    static boolean gpc(HttpServletRequest request) {
        return VisitorFacts.gpc(request);
    }

    static Set<String> dismissedBanners(HttpServletRequest request) {
        String value = cookie(request, DISMISSED_COOKIE);
        Set<String> ids = new LinkedHashSet<>();
        if (value == null) return ids;
        for (String id : value.split("\\.")) {
            if (BANNER_ID.matcher(id).matches() && ids.size() < 50) ids.add(id.toLowerCase(Locale.ROOT));
        }
        return ids;
    }

    static String cookie(HttpServletRequest request, String name) {
        Cookie[] cookies;
        try {
            cookies = request.getCookies();
        } catch (RuntimeException malformedCookieHeader) {
            return null;
        }
        if (cookies == null) return null;
        for (Cookie cookie : cookies) {
            if (name.equals(cookie.getName())) {
                String value = cookie.getValue();
                return value == null || value.length() > MAX_COOKIE_VALUE ? null : value;
            }
        }
        return null;
    }
}
