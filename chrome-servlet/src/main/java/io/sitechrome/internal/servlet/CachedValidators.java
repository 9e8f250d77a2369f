package io.sitechrome.internal.servlet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps HTTP caching honest for decorated pages (issue 12, item 1). A decorated page is a
 * per-visitor representation (consent, sign-in, locale, nonce) that no longer matches the
 * application's validators, so:
 * <ul>
 * <li>a document request (a GET or HEAD whose {@code Accept} names {@code text/html} or
 *     {@code application/xhtml+xml}, as every browser navigation does) reaches the application
 *     without its conditional and range headers: it is answered in full, never with a 304 or a
 *     206 over the undecorated bytes. Other requests (stylesheets, images, media ranges, API
 *     clients) keep them, so the files that are not decorated keep their 304s and ranges;</li>
 * <li>a response that is decorated loses {@code ETag}, {@code Last-Modified},
 *     {@code Accept-Ranges} and {@code Expires}, and gets {@code Cache-Control: private, no-cache}
 *     (a shared cache must not store it, a browser must ask again before reusing it) unless the
 *     application already said {@code no-store}.</li>
 * </ul>
 */
final class CachedValidators {

    /** Request headers that ask for an answer relative to the undecorated representation. */
    static final Set<String> CONDITIONAL_HEADERS = Set.of("if-none-match", "if-modified-since", "if-match",
        "if-unmodified-since", "if-range", "range");

    /** The Cache-Control of a decorated page, unless the application said {@code no-store}. */
    static final String DECORATED_CACHE_CONTROL = "private, no-cache";

    private static final String[] REPRESENTATION_HEADERS = {"ETag", "Last-Modified", "Accept-Ranges", "Expires"};

    private CachedValidators() {
    }

    /**
     * Whether the chain should not see the request's conditional and range headers.
     *
     * @param request the request
     * @return true for a GET or HEAD that accepts HTML, whose answer may be decorated
     */
    static boolean hidesConditionals(HttpServletRequest request) {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) return false;
        String accept = request.getHeader("Accept");
        if (accept == null) return false;
        String lower = accept.toLowerCase(Locale.ROOT);
        return lower.contains("text/html") || lower.contains("application/xhtml+xml");
    }

    /**
     * Whether a header is a conditional or range header.
     *
     * @param name a header name in any case, or null
     * @return whether {@code name} is one of {@link #CONDITIONAL_HEADERS}
     */
    static boolean isConditional(String name) {
        return name != null && CONDITIONAL_HEADERS.contains(name.toLowerCase(Locale.ROOT));
    }

    /**
     * Turns the headers the application set for its page into those of the decorated page: the
     * validators of the undecorated page go, and Cache-Control becomes {@link #DECORATED_CACHE_CONTROL}.
     *
     * @param response the response, not committed yet
     */
    static void forDecoratedPage(HttpServletResponse response) {
        for (String name : REPRESENTATION_HEADERS) {
            if (response.containsHeader(name)) response.setHeader(name, null);
        }
        if (!noStore(response)) response.setHeader("Cache-Control", DECORATED_CACHE_CONTROL);
    }

    /** Whether the application's Cache-Control says {@code no-store}. */
    private static boolean noStore(HttpServletResponse response) {
        if (!response.containsHeader("Cache-Control")) return false;
        for (String value : response.getHeaders("Cache-Control")) {
            if (value != null && value.toLowerCase(Locale.ROOT).contains("no-store")) return true;
        }
        return false;
    }
}
