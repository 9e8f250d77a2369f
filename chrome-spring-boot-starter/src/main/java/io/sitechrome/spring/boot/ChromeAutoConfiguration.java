package io.sitechrome.spring.boot;

import io.sitechrome.config.ConfigException;
import io.sitechrome.consent.ConsentListener;
import io.sitechrome.render.LiveChrome;
import io.sitechrome.servlet.ChromeFilter;
import io.sitechrome.servlet.ChromeObserver;
import io.sitechrome.servlet.ChromeSettings;
import io.sitechrome.servlet.VisitorResolver;
import jakarta.servlet.DispatcherType;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the site chrome on every HTML page of a Spring Boot servlet application: the settings from
 * {@code chrome.*} ({@link ChromeProperties}), the configuration as a hot-reloaded
 * {@link LiveChrome}, and {@link ChromeFilter} registered for every page. Each bean steps aside
 * for one the application defines itself.
 *
 * <ul>
 * <li>{@link VisitorResolver}: who is signed in. The default reads the request's principal and the
 *     {@code ChromeAttributes} request attributes; it is asked from inside the filter chain (see
 *     {@link ChromeVisitorFilter}), so a resolver may read Spring Security's
 *     {@code SecurityContextHolder}.</li>
 * <li>{@link ConsentListener} beans, when there are any, receive every recorded consent choice.</li>
 * <li>{@link ChromeObserver} beans, when there are any, are told of every page decorated or passed
 *     through and every fragment served ({@link ChromeMetrics} is one, with Micrometer).</li>
 * <li>{@link ChromeSettings}: everything above, as {@link ChromeFilter} takes it.</li>
 * <li>{@link LiveChrome}: the configuration in service, closed when the context closes. Inject it to
 *     render components by hand.</li>
 * <li>{@link ChromeFilter}, its registration {@code chromeFilterRegistration} (order
 *     {@link ChromeProperties#DEFAULT_FILTER_ORDER}, REQUEST, FORWARD, ASYNC and ERROR dispatches,
 *     async supported) and {@code chromeVisitorFilterRegistration}; none of them with
 *     {@code chrome.filter.enabled=false}.</li>
 * </ul>
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(ChromeFilter.class)
@EnableConfigurationProperties(ChromeProperties.class)
public class ChromeAutoConfiguration {

    /** The dispatches ChromeFilter sees: FORWARD matters on Tomcat, which closes the response when a forward ends. */
    static final Set<DispatcherType> DISPATCHER_TYPES = Collections.unmodifiableSet(
            EnumSet.of(DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ASYNC, DispatcherType.ERROR));

    private static final String CLASSPATH = "classpath:";

    /**
     * Who is signed in, unless the application defines its own {@link VisitorResolver} bean.
     *
     * @return the resolver reading the request's attributes and principal
     */
    @Bean
    @ConditionalOnMissingBean
    public VisitorResolver chromeVisitorResolver() {
        return VisitorResolver.fromRequestAttributes();
    }

    /**
     * The filter's settings from the {@code chrome.*} properties, unless the application defines its
     * own {@link ChromeSettings} bean. A {@code classpath:} configuration becomes the bundled one.
     *
     * @param properties       the bound {@code chrome.*} properties
     * @param visitors         who is signed in; read through {@link ChromeVisitorFilter#captured(VisitorResolver)}
     * @param consentListeners every {@link ConsentListener} bean, each told of every recorded choice, in order
     * @param observers        every {@link ChromeObserver} bean (such as the starter's Micrometer counters), told of each page
     *                         decorated or passed through and each fragment served
     * @return the settings
     */
    @Bean
    @ConditionalOnMissingBean
    public ChromeSettings chromeSettings(ChromeProperties properties, VisitorResolver visitors,
                                         ObjectProvider<ConsentListener> consentListeners,
                                         ObjectProvider<ChromeObserver> observers) {
        ChromeSettings.Builder builder = ChromeSettings.builder()
                .prefix(properties.getPrefix())
                .countryHeader(blankToNull(properties.getCountryHeader()))
                .reloadInterval(properties.getReloadInterval())
                .decorateErrorPages(properties.isDecorateErrorPages())
                .esi(properties.isEsi())
                .failFast(properties.isFailFast())
                .exclude(properties.getExclude())
                .sites(properties.getSites().stream().map(site -> new ChromeSettings.Site(site.getHosts(),
                        blankToNull(site.getPathPrefix()), site.getConfig() == null ? null : filePath(site.getConfig()))).toList())
                .visitors(ChromeVisitorFilter.captured(visitors));
        if (properties.getMaxBufferBytes() != null) builder.maxBufferBytes(Math.toIntExact(properties.getMaxBufferBytes().toBytes()));
        String bundled = blankToNull(properties.getBundledConfig());
        if (bundled != null) builder.bundledConfig(resourcePath(bundled));
        String config = blankToNull(properties.getConfig());
        if (config != null && config.startsWith(CLASSPATH)) {
            builder.bundledConfig(resourcePath(config.substring(CLASSPATH.length())));
        } else if (config != null) {
            builder.config(filePath(config));
        }
        if (properties.getCacheDir() != null) builder.cacheDirectory(properties.getCacheDir());
        builder.configSha256(blankToNull(properties.getConfigSha256()));
        List<ConsentListener> listeners = consentListeners.orderedStream().toList();
        if (!listeners.isEmpty()) builder.consentListener(choice -> listeners.forEach(listener -> listener.recorded(choice)));
        builder.observer(ChromeObserver.all(observers.orderedStream().toList()));
        return builder.build();
    }

    /**
     * The configuration in service: the file or URL {@code chrome.config} names, watched or polled
     * every {@code chrome.reload-interval}, or the bundled resource. An invalid file at start-up is
     * logged with all of its problems and the bundled configuration serves until it is fixed;
     * with {@code chrome.fail-fast=true} the application refuses to start instead.
     *
     * @param settings the filter's settings, which name the configuration
     * @return the chrome in service, closed with the application context
     * @throws ConfigException when the bundled configuration is invalid, or, with fail-fast, the named one
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public LiveChrome liveChrome(ChromeSettings settings) throws ConfigException {
        return settings.openChrome();
    }

    /** The filter and its registration; with {@code chrome.filter.enabled=false}, neither. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "chrome.filter", name = "enabled", havingValue = "true", matchIfMissing = true)
    static class FilterConfiguration {

        @Bean
        @ConditionalOnMissingBean
        public ChromeFilter chromeFilter(LiveChrome chrome, ChromeSettings settings) {
            return new ChromeFilter(chrome, settings);
        }

        @Bean
        @ConditionalOnMissingBean(name = "chromeFilterRegistration")
        public FilterRegistrationBean<ChromeFilter> chromeFilterRegistration(ChromeFilter filter, ChromeProperties properties) {
            FilterRegistrationBean<ChromeFilter> registration = new FilterRegistrationBean<>(filter);
            registration.setName("site-chrome");
            registration.setOrder(properties.getFilter().getOrder());
            registration.setDispatcherTypes(EnumSet.copyOf(DISPATCHER_TYPES));
            registration.setAsyncSupported(true);
            registration.addUrlPatterns("/*");
            return registration;
        }

        @Bean
        @ConditionalOnMissingBean(name = "chromeVisitorFilterRegistration")
        public FilterRegistrationBean<ChromeVisitorFilter> chromeVisitorFilterRegistration(VisitorResolver visitors) {
            FilterRegistrationBean<ChromeVisitorFilter> registration = new FilterRegistrationBean<>(new ChromeVisitorFilter(visitors));
            registration.setName("site-chrome-visitor");
            registration.setOrder(ChromeVisitorFilter.ORDER);
            registration.setDispatcherTypes(EnumSet.copyOf(DISPATCHER_TYPES));
            registration.setAsyncSupported(true);
            registration.addUrlPatterns("/*");
            return registration;
        }
    }

    private static String resourcePath(String resource) {
        return resource.startsWith("/") ? resource : "/" + resource;
    }

    /** A file path, without the {@code file:} prefix Spring allows. */
    private static String filePath(String location) {
        return location.startsWith("file:") ? location.substring(5) : location;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
