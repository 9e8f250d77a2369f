package io.sitechrome.servlet;

import io.sitechrome.config.UrlPolicy;
import io.sitechrome.consent.ConsentListener;
import io.sitechrome.consent.ConsentState;
import io.sitechrome.internal.servlet.CookieClearing;
import io.sitechrome.internal.servlet.RecentAssets;
import io.sitechrome.model.Banner;
import io.sitechrome.model.CookieSettings;
import io.sitechrome.model.SiteLocale;
import io.sitechrome.render.Asset;
import io.sitechrome.render.Chrome;
import io.sitechrome.render.ChromeRequest;
import io.sitechrome.render.Component;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The chrome's own endpoints under the prefix (default {@code /chrome/}): assets, the
 * locale switch, consent, banner dismissal and fragments; plus {@code /.well-known/gpc.json}.
 * Every input is validated; a bad one gets a 4xx, never a 500.
 */
final class ChromeEndpoints {

    /** The path, within the application, of the Global Privacy Control support resource. */
    static final String GPC_JSON = "/.well-known/gpc.json";
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9-]{1,35}");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final int LOCALE_COOKIE_SECONDS = 365 * 24 * 3600;
    private static final int DISMISS_COOKIE_SECONDS = 180 * 24 * 3600;

    private final ChromeSettings settings;
    private final RecentAssets recentAssets = new RecentAssets();

    /**
     * The endpoints of one configuration.
     *
     * @param settings its settings: the prefix, the consent listener and the limits
     */
    ChromeEndpoints(ChromeSettings settings) {
        this.settings = settings;
    }

    /**
     * Answers the request when it is for one of the chrome's endpoints.
     *
     * @param chrome   the chrome serving the request
     * @param request  the request
     * @param response its response
     * @return whether {@code request} is for an endpoint; if so, it has been answered
     * @throws IOException when the response cannot be written
     */
    boolean handle(Chrome chrome, HttpServletRequest request, HttpServletResponse response) throws IOException {
        recentAssets.remember(chrome);
        String path = pathInApp(request);
        if (path.equals(GPC_JSON)) {
            if (chrome.config().cookies() == null || chrome.config().cookies().saleOrSharing().isEmpty()) return false;
            return answer(request, response, "GET", () -> json(response, 200, "{\"gpc\": true}"));
        }
        if (!path.startsWith(settings.prefix)) return false;
        String rest = path.substring(settings.prefix.length());
        if (rest.startsWith("assets/")) return answer(request, response, "GET", () -> asset(chrome, rest.substring(7), request, response));
        if (rest.startsWith("locale/")) return answer(request, response, "GET", () -> locale(chrome, rest.substring(7), request, response));
        if (rest.equals("consent")) return answer(request, response, "POST", () -> consent(chrome, request, response));
        if (rest.startsWith("banners/") && rest.endsWith("/dismiss") && rest.length() >= "banners//dismiss".length()) {
            String id = rest.substring(8, rest.length() - 8);
            return answer(request, response, "POST", () -> dismiss(chrome, id, request, response));
        }
        if (rest.startsWith("fragments/")) return answer(request, response, "GET", () -> fragment(chrome, rest.substring(10), request, response));
        text(response, 404, "No such chrome endpoint.");
        return true;
    }

    private interface Handler {
        void run() throws IOException;
    }

    private static boolean answer(HttpServletRequest request, HttpServletResponse response, String method, Handler handler) throws IOException {
        String actual = request.getMethod();
        boolean allowed = actual.equals(method) || (method.equals("GET") && actual.equals("HEAD"));
        if (!allowed) {
            response.setHeader("Allow", method.equals("GET") ? "GET, HEAD" : method);
            text(response, 405, "Method not allowed.");
            return true;
        }
        if (actual.equals("POST")) {
            // Read the form body before any early answer (403, 404): a container that finds the body
            // unread after the response may drop the connection instead of keeping it alive.
            request.getParameterMap();
        }
        handler.run();
        return true;
    }

    /**
     * An asset by its content-hashed name: the current configuration's, or one of the last few
     * versions' (a page rendered before a reload), cached for good; for any other name of the
     * chrome's form (another instance's version during a rolling deploy), the current asset of its
     * kind, cached briefly. Never a 404 for a name this or another version could have written.
     */
    private void asset(Chrome chrome, String name, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Asset asset = chrome.asset(name);
        if (asset == null) asset = recentAssets.byName(name);
        boolean exact = asset != null;
        if (!exact) asset = RecentAssets.standIn(chrome, name);
        if (asset == null) {
            text(response, 404, "No such asset.");
            return;
        }
        response.setHeader("ETag", asset.etag());
        response.setHeader("Cache-Control", exact ? "public, max-age=31536000, immutable" : "public, max-age=60");
        response.setHeader("Vary", "Accept-Encoding");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (matches(request.getHeader("If-None-Match"), asset.etag())) {
            response.setStatus(304);
            return;
        }
        response.setContentType(asset.contentType());
        byte[] body = asset.bytes();
        if (acceptsGzip(request.getHeader("Accept-Encoding"))) {
            response.setHeader("Content-Encoding", "gzip");
            body = asset.gzipped();
        }
        response.setContentLength(body.length);
        if (!request.getMethod().equals("HEAD")) response.getOutputStream().write(body);
    }

    private void locale(Chrome chrome, String tag, HttpServletRequest request, HttpServletResponse response) throws IOException {
        SiteLocale locale = TAG.matcher(tag).matches() ? chrome.locale(tag) : null;
        if (locale == null) {
            text(response, 400, "Unknown locale. This site offers: "
                    + String.join(", ", chrome.config().site().locales().stream().map(SiteLocale::tag).toList()) + ".");
            return;
        }
        Cookie cookie = cookie(ChromeContext.LOCALE_COOKIE, locale.tag(), request, LOCALE_COOKIE_SECONDS);
        response.addCookie(cookie);
        redirect(response, returnPath(request));
    }

    private void consent(Chrome chrome, HttpServletRequest request, HttpServletResponse response) throws IOException {
        CookieSettings cookies = chrome.config().cookies();
        if (cookies == null) {
            text(response, 404, "This site has no cookie settings.");
            return;
        }
        if (isCrossSite(chrome, request)) {
            text(response, 403, "Cross-site requests cannot record consent.");
            return;
        }
        String choice = request.getParameter("choice");
        String back = returnPath(request);
        if ("customize".equals(choice)) {
            redirect(response, back + "#chrome-cookie-preferences");
            return;
        }
        Set<String> accepted = new LinkedHashSet<>();
        if ("accept-all".equals(choice)) {
            cookies.categories().forEach(c -> accepted.add(c.id()));
        } else if ("custom".equals(choice)) {
            String[] chosen = request.getParameterValues("category");
            if (chosen != null) accepted.addAll(Arrays.asList(chosen));
        } else if (!"reject-all".equals(choice)) {
            text(response, 400, "choice must be accept-all, reject-all, custom or customize.");
            return;
        }
        ConsentState state = chrome.consentCookie().newChoice(accepted, Instant.now());
        Cookie consentCookie = cookie(cookies.cookieName(), chrome.consentCookie().encode(state), request,
                (int) Duration.ofDays(cookies.lifetimeDays()).toSeconds());
        if (cookies.domain() != null) consentCookie.setDomain(CookieClearing.domain(cookies.domain()));
        consentCookie.setPath(cookies.path());
        response.addCookie(consentCookie);
        CookieClearing.expireWithdrawn(cookies, state.accepted(), request, response);
        boolean gpc = ChromeContext.gpc(request);
        settings.consentListener.recorded(new ConsentListener.Choice(state.id(), state.time(), state.accepted(), state.revision(), gpc));
        if (wantsJson(request)) {
            ChromeRequest rendered = ChromeRequest.builder().locale(request.getParameter("locale")).consent(state).gpc(gpc).build();
            String message = chrome.forRequest(rendered).consentConfirmation();
            String allowed = state.accepted().stream().map(ChromeEndpoints::jsonString).collect(Collectors.joining(","));
            json(response, 200, "{\"ok\":true,\"message\":" + jsonString(message) + ",\"allowed\":[" + allowed + "],\"revision\":"
                    + state.revision() + ",\"gpc\":" + gpc + "}");
            return;
        }
        response.addCookie(cookie(ChromeContext.FLASH_COOKIE, ChromeContext.FLASH_CONSENT_SAVED, request, 60));
        redirect(response, back);
    }

    private void dismiss(Chrome chrome, String id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Banner banner = ID.matcher(id).matches()
                ? chrome.config().banners().stream().filter(b -> b.id().equals(id)).findFirst().orElse(null) : null;
        if (banner == null) {
            text(response, 404, "No such banner.");
            return;
        }
        if (!banner.dismissible()) {
            text(response, 400, "This banner cannot be dismissed.");
            return;
        }
        if (isCrossSite(chrome, request)) {
            text(response, 403, "Cross-site requests cannot dismiss banners.");
            return;
        }
        Set<String> dismissed = ChromeContext.dismissedBanners(request);
        dismissed.add(id);
        response.addCookie(cookie(ChromeContext.DISMISSED_COOKIE, String.join(".", dismissed), request, DISMISS_COOKIE_SECONDS));
        if (wantsJson(request)) {
            json(response, 200, "{\"ok\": true}");
        } else {
            redirect(response, returnPath(request));
        }
    }

    private void fragment(Chrome chrome, String name, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Component component = Component.byId(name);
        if (component == null) {
            text(response, 404, "No such component.");
            return;
        }
        // The URL may name the country and the GPC outcome itself (as ESI includes do), so that an
        // edge cache can key the fragment by URL alone; otherwise they come from the request headers.
        String countryHeader = settings.countryHeader;
        String countryParameter = request.getParameter("country");
        String gpcParameter = request.getParameter("gpc");
        String country = countryParameter != null ? countryParameter
                : countryHeader == null ? null : request.getHeader(countryHeader);
        ChromeRequest fragmentRequest = ChromeRequest.builder()
                .locale(request.getParameter("locale"))
                .path(request.getParameter("path"))
                .country(country)
                .gpc(gpcParameter != null ? "1".equals(gpcParameter) : ChromeContext.gpc(request))
                .endpoints(request.getContextPath() + settings.prefix)
                .build();
        String body = chrome.render(component, fragmentRequest);
        if (settings.observer != null) settings.observer.fragmentServed(component);
        String etag = "\"" + chrome.version() + "-" + hash(body) + "\"";
        response.setHeader("ETag", etag);
        response.setHeader("Cache-Control", "public, max-age=300");
        response.setHeader("Vary", fragmentVary(component, countryParameter == null ? countryHeader : null, gpcParameter == null));
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (matches(request.getHeader("If-None-Match"), etag)) {
            response.setStatus(304);
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/html; charset=utf-8");
        response.setContentLength(bytes.length);
        if (!request.getMethod().equals("HEAD")) response.getOutputStream().write(bytes);
    }

    /**
     * Fragments are rendered for a signed-out visitor with no consent recorded and no banner
     * dismissed, from the URL's locale and path, so cookies never change them. What the URL does
     * not name comes from request headers, which {@code Vary} then names for each component whose
     * markup depends on them: the country header (null when there is none or the URL names the
     * country) and Sec-GPC (unless the URL names the outcome). A fragment whose URL names both is
     * keyed by its URL alone.
     */
    private static String fragmentVary(Component component, String countryHeader, boolean gpcHeader) {
        StringBuilder vary = new StringBuilder("Accept-Encoding");
        if (gpcHeader && component.dependsOnGpc()) vary.append(", Sec-GPC");
        if (countryHeader != null && component.dependsOnCountry()) vary.append(", ").append(countryHeader);
        return vary.toString();
    }

    /**
     * Whether a consent or dismissal comes from another site. A browser's {@code Sec-Fetch-Site}
     * is trusted when present (no page can set it): {@code same-origin} is this site even when a
     * proxy rewrote the Host or ended TLS, so that the origin the app sees differs from the
     * browser's; {@code cross-site} and unknown values are refused; {@code same-site} and
     * {@code none} go on to the Origin check. An Origin must then be the request's own or the
     * configured site's ({@code site.url}).
     */
    private static boolean isCrossSite(Chrome chrome, HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null) {
            String site = fetchSite.trim().toLowerCase(Locale.ROOT);
            if (site.equals("same-origin")) return false;
            if (!site.equals("same-site") && !site.equals("none")) return true;
        }
        String origin = request.getHeader("Origin");
        if (origin == null) return false;
        if (origin.equals("null")) return true;
        return !origin.equalsIgnoreCase(origin(request.getScheme(), request.getServerName(), request.getServerPort()))
                && !origin.equalsIgnoreCase(siteOrigin(chrome));
    }

    /** The origin a browser sends for this scheme, host and port (no default port). */
    private static String origin(String scheme, String host, int port) {
        boolean defaultPort = port < 0 || (port == 80 && scheme.equals("http")) || (port == 443 && scheme.equals("https"));
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }

    /** The origin of the configured {@code site.url}, or "" when it has none. */
    private static String siteOrigin(Chrome chrome) {
        try {
            URI site = URI.create(chrome.config().site().url());
            if (site.getScheme() == null || site.getHost() == null) return "";
            return origin(site.getScheme().toLowerCase(Locale.ROOT), site.getHost(), site.getPort());
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static String returnPath(HttpServletRequest request) {
        String back = request.getParameter("return");
        return UrlPolicy.sameSitePath(back);
    }

    private static boolean wantsJson(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("application/json");
    }

    private static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) return false;
        for (String item : acceptEncoding.split(",")) {
            String[] parts = item.trim().split(";");
            if (!parts[0].trim().equalsIgnoreCase("gzip")) continue;
            for (int i = 1; i < parts.length; i++) {
                String param = parts[i].trim().replace(" ", "");
                if (param.matches("[qQ]=0(\\.0{0,3})?")) return false;
            }
            return true;
        }
        return false;
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) return false;
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) return true;
        }
        return false;
    }

    /**
     * A cookie of the chrome's own: for the whole application, HttpOnly, SameSite=Lax, and Secure on a
     * secure request.
     *
     * @param name          the cookie's name
     * @param value         its value
     * @param request       the request, which gives the context path and whether it is secure
     * @param maxAgeSeconds how long it lasts; 0 deletes it
     * @return the cookie, ready to add to the response
     */
    static Cookie cookie(String name, String value, HttpServletRequest request, int maxAgeSeconds) {
        Cookie cookie = new Cookie(name, value);
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setMaxAge(maxAgeSeconds);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }

    private static void redirect(HttpServletResponse response, String location) {
        response.setStatus(303);
        response.setHeader("Location", ascii(location));
        response.setHeader("Cache-Control", "no-store");
    }

    /**
     * A same-site path with every non-ASCII character percent-encoded as UTF-8: containers send
     * other characters of a header as they see fit (Jetty as spaces, some by their low byte, which
     * would turn U+012F after the first slash into a second slash).
     */
    private static String ascii(String path) {
        if (path.chars().allMatch(c -> c < 0x80)) return path;
        StringBuilder out = new StringBuilder(path.length() + 16);
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            if (b >= 0) out.append((char) b);
            else out.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
        }
        return out.toString();
    }

    private static void text(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain; charset=utf-8");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        byte[] bytes = (message + "\n").getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** {@code text} as a JSON string: quotes, backslashes and control characters escaped. */
    private static String jsonString(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        return out.append('"').toString();
    }

    private static void json(HttpServletResponse response, int status, String body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private static String pathInApp(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    private static String hash(String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
