package io.sitechrome.spring.boot;

import io.sitechrome.render.LiveChrome;
import io.sitechrome.servlet.ChromeSettings;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Makes the chrome's language switch ({@code GET /chrome/locale/{tag}}) switch the application
 * too: for a locale the site offers, it sets the application's {@link LocaleResolver} (a cookie
 * or session resolver stores it) and passes the request on to {@code ChromeFilter}, which sets
 * its own cookie and redirects back. It sits just before {@code ChromeFilter} in the chain.
 */
final class ChromeLocaleSwitchFilter implements Filter {

    private final LiveChrome chrome;
    private final String switchPath;
    private final LocaleResolver locales;

    ChromeLocaleSwitchFilter(LiveChrome chrome, ChromeSettings settings, LocaleResolver locales) {
        this.chrome = chrome;
        this.switchPath = settings.prefix() + "locale/";
        this.locales = locales;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (req instanceof HttpServletRequest request && res instanceof HttpServletResponse response
                && "GET".equals(request.getMethod())) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (path.startsWith(switchPath)) {
                String tag = path.substring(switchPath.length());
                if (!tag.isEmpty() && chrome.current().locale(tag) != null) setAppLocale(request, response, Locale.forLanguageTag(tag));
            }
        }
        chain.doFilter(req, res);
    }

    private void setAppLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        try {
            locales.setLocale(request, response, locale);
        } catch (UnsupportedOperationException fixedOrFromHeader) {
            // The application's locale cannot be set (AcceptHeaderLocaleResolver, FixedLocaleResolver).
        }
    }
}
