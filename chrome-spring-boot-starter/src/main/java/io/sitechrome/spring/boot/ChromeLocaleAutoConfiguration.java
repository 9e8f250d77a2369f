package io.sitechrome.spring.boot;

import io.sitechrome.render.LiveChrome;
import io.sitechrome.servlet.ChromeFilter;
import io.sitechrome.servlet.ChromeSettings;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * In Spring MVC, the app's language is the chrome's language ({@code chrome.locale.follow-app},
 * on by default). When the application's {@link LocaleResolver} can be set (a cookie, session or
 * custom resolver): the chrome takes its locale ({@link ChromeLocaleInterceptor}), and the
 * chrome's language switch sets it ({@link ChromeLocaleSwitchFilter}). With Boot's default
 * {@link AcceptHeaderLocaleResolver}, which cannot be set, or with {@code follow-app=false}, the
 * chrome keeps negotiating itself (its language cookie, then Accept-Language), so its switch still
 * works: the interceptor pins that choice before Spring MVC puts the resolver's locale on the
 * response, which the chrome would otherwise follow (as it does in plain servlet applications).
 */
@AutoConfiguration(after = ChromeAutoConfiguration.class, afterName = {
        "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration",      // Boot 4
        "org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration"}) // Boot 3
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ChromeFilter.class, DispatcherServlet.class})
@ConditionalOnBean(LiveChrome.class) // steps aside when ChromeAutoConfiguration is excluded
public class ChromeLocaleAutoConfiguration {

    /**
     * Gives the chrome its locale for each Spring MVC request, after the application's own interceptors.
     *
     * @param locales the application's locale resolver, if it has exactly one
     * @param properties the starter's properties ({@code chrome.locale.follow-app})
     * @return the MVC configuration adding {@link ChromeLocaleInterceptor}
     */
    @Bean
    public WebMvcConfigurer chromeLocaleConfigurer(ObjectProvider<LocaleResolver> locales, ChromeProperties properties) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                LocaleResolver followed = properties.getLocale().isFollowApp() ? settable(locales.getIfUnique()) : null;
                registry.addInterceptor(new ChromeLocaleInterceptor(followed)).order(Ordered.LOWEST_PRECEDENCE);
            }
        };
    }

    /** The switch hook, with the filter only (the switch is the filter's endpoint). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "chrome.locale", name = "follow-app", havingValue = "true", matchIfMissing = true)
    @ConditionalOnProperty(prefix = "chrome.filter", name = "enabled", havingValue = "true", matchIfMissing = true)
    static class SwitchConfiguration {

        @Bean
        @ConditionalOnBean(LocaleResolver.class)
        @ConditionalOnMissingBean(name = "chromeLocaleSwitchRegistration")
        public FilterRegistrationBean<ChromeLocaleSwitchFilter> chromeLocaleSwitchRegistration(
                LocaleResolver locales, LiveChrome chrome, ChromeSettings settings, ChromeProperties properties) {
            FilterRegistrationBean<ChromeLocaleSwitchFilter> registration =
                    new FilterRegistrationBean<>(new ChromeLocaleSwitchFilter(chrome, settings, locales));
            registration.setName("site-chrome-locale-switch");
            registration.setOrder(properties.getFilter().getOrder() - 1);
            registration.setDispatcherTypes(DispatcherType.REQUEST);
            registration.addUrlPatterns(settings.prefix() + "locale/*");
            return registration;
        }
    }

    /** The resolver, or null when there is none or it cannot be set (its setLocale throws). */
    private static LocaleResolver settable(LocaleResolver resolver) {
        return resolver == null || resolver instanceof AcceptHeaderLocaleResolver ? null : resolver;
    }
}
