package io.sitechrome.internal.servlet;

import io.sitechrome.model.CookieSettings;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;

/**
 * Expires the cookies of every category a visitor does not allow: cookies named in the
 * configuration, and those the browser sent whose names match a configured pattern, each
 * on the domain and path it was set with.
 */
public final class CookieClearing {

    private CookieClearing() {
    }

    /**
     * Expires the cookies of every optional category the visitor does not allow: each cookie named
     * exactly, and each cookie the browser sent whose name a pattern matches, on the domain and path
     * it was set with.
     *
     * @param settings the site's cookie settings
     * @param allowed  the ids of the categories the visitor allows
     * @param request  the request, whose cookies are matched against patterns
     * @param response where the expired cookies are added
     */
    public static void expireWithdrawn(CookieSettings settings, Set<String> allowed, HttpServletRequest request, HttpServletResponse response) {
        Cookie[] sent;
        try {
            sent = request.getCookies();
        } catch (RuntimeException malformedCookieHeader) {
            sent = null;
        }
        for (CookieSettings.Category category : settings.categories()) {
            if (category.required() || allowed.contains(category.id())) continue;
            for (CookieSettings.Service service : category.services()) {
                for (CookieSettings.CookieRule rule : service.cookies()) {
                    if (rule.name() != null) {
                        response.addCookie(expired(rule.name(), rule));
                    } else if (sent != null) {
                        for (Cookie cookie : sent) {
                            if (rule.matches(cookie.getName())) response.addCookie(expired(cookie.getName(), rule));
                        }
                    }
                }
            }
        }
    }

    private static Cookie expired(String name, CookieSettings.CookieRule rule) {
        Cookie cookie = new Cookie(name, "");
        cookie.setMaxAge(0);
        cookie.setPath(rule.path());
        if (rule.domain() != null) cookie.setDomain(domain(rule.domain()));
        return cookie;
    }

    /**
     * A configured cookie domain as a Set-Cookie Domain attribute: without the leading dot, which
     * browsers ignore (RFC 6265, 5.2.3) and Tomcat refuses with an IllegalArgumentException.
     *
     * @param configured a domain from the configuration, such as {@code .example.com}
     * @return the domain without its leading dot
     */
    public static String domain(String configured) {
        return configured.startsWith(".") ? configured.substring(1) : configured;
    }
}
