package io.sitechrome.spring.boot;

import io.sitechrome.servlet.ChromeAttributes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Gives the chrome the application's locale: before each handler, the locale of Spring MVC's
 * {@link LocaleResolver} goes into {@link ChromeAttributes#LOCALE} (the chrome takes the nearest
 * site locale). It runs after the application's interceptors, so a {@code LocaleChangeInterceptor}
 * ({@code ?lang=de}) has already switched the locale; a locale a controller sets in the attribute
 * itself wins.
 */
final class ChromeLocaleInterceptor implements HandlerInterceptor {

    private final LocaleResolver locales;

    ChromeLocaleInterceptor(LocaleResolver locales) {
        this.locales = locales;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Locale locale = locales.resolveLocale(request);
        if (locale != null && !locale.getLanguage().isEmpty()) {
            request.setAttribute(ChromeAttributes.LOCALE, locale.toLanguageTag());
        }
        return true;
    }
}
