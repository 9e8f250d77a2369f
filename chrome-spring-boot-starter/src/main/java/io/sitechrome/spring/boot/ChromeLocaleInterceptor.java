package io.sitechrome.spring.boot;

import io.sitechrome.servlet.ChromeAttributes;
import io.sitechrome.servlet.ChromeContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Gives the chrome its locale before each handler, in {@link ChromeAttributes#LOCALE} (the chrome
 * takes the nearest site locale). With a resolver to follow, that is the locale of Spring MVC's
 * {@link LocaleResolver}; it runs after the application's interceptors, so a
 * {@code LocaleChangeInterceptor} ({@code ?lang=de}) has already switched the locale. Without one,
 * it is the chrome's own choice (its language cookie, then Accept-Language), pinned before Spring MVC
 * puts the resolver's locale on the response. A locale a controller sets in the attribute itself wins.
 */
final class ChromeLocaleInterceptor implements HandlerInterceptor {

    private final LocaleResolver locales;

    /** @param locales the application's resolver to follow, or null to keep the chrome's own choice */
    ChromeLocaleInterceptor(LocaleResolver locales) {
        this.locales = locales;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getAttribute(ChromeAttributes.LOCALE) != null) return true;
        if (locales == null) {
            ChromeContext chrome = ChromeContext.of(request);
            if (chrome != null) request.setAttribute(ChromeAttributes.LOCALE, chrome.locale().tag());
            return true;
        }
        Locale locale = locales.resolveLocale(request);
        if (locale != null && !locale.getLanguage().isEmpty()) {
            request.setAttribute(ChromeAttributes.LOCALE, locale.toLanguageTag());
        }
        return true;
    }
}
