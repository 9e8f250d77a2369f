package io.sitechrome.spring.boot;

import io.sitechrome.servlet.ChromeSetting;
import io.sitechrome.servlet.ChromeSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * The {@code chrome.*} properties: how the site chrome is configured, served and placed in the
 * filter chain. Each but {@code chrome.filter.*} and {@code chrome.locale.*} is the filter setting
 * {@link ChromeSetting} names (the filter's {@code site-chrome.NAME}), and starts from the filter's
 * default: the defaults are defined once, by {@link ChromeSettings.Builder}.
 */
@ConfigurationProperties("chrome")
public class ChromeProperties {

    /** The default place of {@code ChromeFilter} in the filter chain (see {@link Filter#setOrder}). */
    public static final int DEFAULT_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 50;

    /** The filter's settings when nothing is set: where each property's default comes from. */
    private static final ChromeSettings DEFAULTS = ChromeSettings.builder().build();

    /**
     * The configuration: a file (watched and hot-reloaded), an {@code https://} (or {@code http://})
     * URL (polled every reload interval with conditional requests), or
     * {@code classpath:/path/chrome.yaml} for a resource on the class path (never reloaded).
     * Unset: {@code chrome.bundled-config}.
     */
    private String config;

    /**
     * Where the last good copy of a configuration read from a URL is kept, so that an application
     * restarted while the origin is down serves it. Unset: site-chrome-cache under java.io.tmpdir.
     */
    private Path cacheDir;

    /**
     * The SHA-256 (64 hex digits) the configuration's body must have: any other body is refused
     * like an invalid edit and the last good configuration stays. Unset: no pin.
     */
    private String configSha256;

    /**
     * The class-path resource served when {@code chrome.config} names no file, and while the named
     * file is invalid at start-up.
     */
    private String bundledConfig = DEFAULTS.bundledConfig();

    /** Where the chrome's endpoints are served in the application: assets, locale, consent, fragments. */
    private String prefix = DEFAULTS.prefix();

    /** The request header naming the visitor's country, such as CF-IPCountry or CloudFront-Viewer-Country. */
    private String countryHeader;

    /** How often the configuration file is checked for changes, or its URL polled. */
    private Duration reloadInterval = DEFAULTS.reloadInterval();

    /** Whether error pages (the error dispatch, such as Spring Boot's /error) wear the chrome too. */
    private boolean decorateErrorPages = DEFAULTS.decorateErrorPages();

    /**
     * Unset (the default), pages of any size are decorated as they stream. Set, a page that would
     * hold more than this before its chrome is placed is sent undecorated. A plain number is bytes.
     */
    private DataSize maxBufferBytes;

    /**
     * Edge assembly: for requests from a cache that announces ESI support (Surrogate-Capability),
     * the shared components become ESI includes of the fragment endpoint.
     */
    private boolean esi = DEFAULTS.esi();

    /**
     * Refuse to start on an invalid or missing configuration, instead of serving the bundled one
     * until it is fixed. Recommended in production.
     */
    private boolean failFast = DEFAULTS.failFast();

    /**
     * Path patterns whose pages are never decorated; the filter does not wrap them, so they pass
     * through byte for byte and unbuffered: Ant style ({@code /admin/**}, {@code /api/*}) or
     * extension style ({@code *.print.html}), matched against the path within the application. The
     * chrome's endpoints stay answered. A single page opts out with the response header
     * {@code X-Chrome: off} or the request attribute {@code ChromeAttributes.DECORATE}.
     */
    private List<String> exclude = new ArrayList<>();

    /**
     * Parts of the application with configurations of their own, tried in order (the first match
     * wins; other requests get {@code chrome.config}): {@code chrome.sites[0].hosts},
     * {@code .path-prefix} and {@code .config} (a file, watched and hot-reloaded on its own).
     */
    private List<Site> sites = new ArrayList<>();

    /** One entry of {@code chrome.sites}: see {@link ChromeSettings.Site}. */
    public static class Site {

        /** Host names this site answers (any host when empty). */
        private List<String> hosts = new ArrayList<>();

        /** The path prefix this site answers, such as /business/ (any path when unset); its endpoints are under it. */
        private String pathPrefix;

        /** The site's configuration file. */
        private String config;

        /**
         * The host names this site answers ({@code chrome.sites[i].hosts}).
         *
         * @return the host names; empty for any host
         */
        public List<String> getHosts() {
            return hosts;
        }

        /**
         * Sets the host names this site answers ({@code chrome.sites[i].hosts}).
         *
         * @param hosts the host names, as requests name them (without port)
         */
        public void setHosts(List<String> hosts) {
            this.hosts = hosts;
        }

        /**
         * The path prefix this site answers ({@code chrome.sites[i].path-prefix}).
         *
         * @return the prefix, such as {@code /business/}, or null for any path
         */
        public String getPathPrefix() {
            return pathPrefix;
        }

        /**
         * Sets the path prefix this site answers ({@code chrome.sites[i].path-prefix}).
         *
         * @param pathPrefix a path prefix such as {@code /business/}, or null for any path
         */
        public void setPathPrefix(String pathPrefix) {
            this.pathPrefix = pathPrefix;
        }

        /**
         * The site's configuration ({@code chrome.sites[i].config}).
         *
         * @return a file or an http(s) URL
         */
        public String getConfig() {
            return config;
        }

        /**
         * Sets the site's configuration ({@code chrome.sites[i].config}).
         *
         * @param config a file (watched and hot-reloaded on its own) or an http(s) URL
         */
        public void setConfig(String config) {
            this.config = config;
        }
    }

    private final Filter filter = new Filter();

    /** The servlet filter's registration. */
    public static class Filter {

        /** Whether to register ChromeFilter. Off, the chrome's beans stay (for the render API) but no page is decorated. */
        private boolean enabled = true;

        /**
         * The filter's order: by default right after the character encoding filter and before Spring
         * Security (-100), so that the chrome's endpoints answer ahead of authorization and CSRF checks
         * and the whole page, error pages included, passes through it.
         */
        private int order = DEFAULT_FILTER_ORDER;

        /**
         * Whether {@code ChromeFilter} is registered ({@code chrome.filter.enabled}).
         *
         * @return true unless switched off
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Sets whether {@code ChromeFilter} is registered ({@code chrome.filter.enabled}).
         *
         * @param enabled false to decorate no page while keeping the chrome's beans
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /**
         * The filter's place in the filter chain ({@code chrome.filter.order}).
         *
         * @return the order; {@link #DEFAULT_FILTER_ORDER} unless set
         */
        public int getOrder() {
            return order;
        }

        /**
         * Sets the filter's place in the filter chain ({@code chrome.filter.order}).
         *
         * @param order the order, lower running earlier
         */
        public void setOrder(int order) {
            this.order = order;
        }
    }

    /**
     * The configuration's location ({@code chrome.config}).
     *
     * @return a file path, an http(s) URL or a {@code classpath:} resource, or null for {@code chrome.bundled-config}
     */
    public String getConfig() {
        return config;
    }

    /**
     * Sets the configuration's location ({@code chrome.config}).
     *
     * @param config a file path, an http(s) URL or a {@code classpath:} resource, or null for the bundled one
     */
    public void setConfig(String config) {
        this.config = config;
    }

    /**
     * Where the last good copy of a configuration read from a URL is kept ({@code chrome.cache-dir}).
     *
     * @return the folder, or null for {@code site-chrome-cache} under {@code java.io.tmpdir}
     */
    public Path getCacheDir() {
        return cacheDir;
    }

    /**
     * Sets where the last good copy of a configuration read from a URL is kept ({@code chrome.cache-dir}).
     *
     * @param cacheDir the folder, created when needed, or null for the default
     */
    public void setCacheDir(Path cacheDir) {
        this.cacheDir = cacheDir;
    }

    /**
     * The SHA-256 the configuration's body must have ({@code chrome.config-sha256}).
     *
     * @return 64 hex digits, or null for no pin
     */
    public String getConfigSha256() {
        return configSha256;
    }

    /**
     * Sets the SHA-256 the configuration's body must have ({@code chrome.config-sha256}).
     *
     * @param configSha256 64 hex digits, or null for no pin
     */
    public void setConfigSha256(String configSha256) {
        this.configSha256 = configSha256;
    }

    /**
     * The class-path resource served when no configuration is named, or while it is invalid at start-up ({@code chrome.bundled-config}).
     *
     * @return the resource's name
     */
    public String getBundledConfig() {
        return bundledConfig;
    }

    /**
     * Sets the class-path resource served when no configuration is named, or while it is invalid at start-up ({@code chrome.bundled-config}).
     *
     * @param bundledConfig a class-path resource name, such as {@code /com/example/chrome.yaml}
     */
    public void setBundledConfig(String bundledConfig) {
        this.bundledConfig = bundledConfig;
    }

    /**
     * Where the chrome's endpoints are served in the application ({@code chrome.prefix}).
     *
     * @return the path, {@code /chrome/} unless set
     */
    public String getPrefix() {
        return prefix;
    }

    /**
     * Sets where the chrome's endpoints are served in the application ({@code chrome.prefix}).
     *
     * @param prefix a path such as {@code /chrome/}
     */
    public void setPrefix(String prefix) {
        this.prefix = prefix;
    }

    /**
     * The request header naming the visitor's country ({@code chrome.country-header}).
     *
     * @return the header's name, or null when the country is not known
     */
    public String getCountryHeader() {
        return countryHeader;
    }

    /**
     * Sets the request header naming the visitor's country ({@code chrome.country-header}).
     *
     * @param countryHeader a header such as {@code CF-IPCountry}, or null
     */
    public void setCountryHeader(String countryHeader) {
        this.countryHeader = countryHeader;
    }

    /**
     * How often the configuration file is checked for changes, or its URL polled ({@code chrome.reload-interval}).
     *
     * @return the interval, one second unless set
     */
    public Duration getReloadInterval() {
        return reloadInterval;
    }

    /**
     * Sets how often the configuration file is checked for changes, or its URL polled ({@code chrome.reload-interval}).
     *
     * @param reloadInterval the interval between checks
     */
    public void setReloadInterval(Duration reloadInterval) {
        this.reloadInterval = reloadInterval;
    }

    /**
     * Whether error pages wear the chrome too ({@code chrome.decorate-error-pages}).
     *
     * @return true unless switched off
     */
    public boolean isDecorateErrorPages() {
        return decorateErrorPages;
    }

    /**
     * Sets whether error pages wear the chrome too ({@code chrome.decorate-error-pages}).
     *
     * @param decorateErrorPages false to send error pages as the application renders them
     */
    public void setDecorateErrorPages(boolean decorateErrorPages) {
        this.decorateErrorPages = decorateErrorPages;
    }

    /**
     * The most a page may hold before its chrome is placed ({@code chrome.max-buffer-bytes}).
     *
     * @return the limit, or null for none (pages of any size are decorated)
     */
    public DataSize getMaxBufferBytes() {
        return maxBufferBytes;
    }

    /**
     * Sets the most a page may hold before its chrome is placed ({@code chrome.max-buffer-bytes}).
     *
     * @param maxBufferBytes a positive size (a plain number is bytes), or null for no limit
     */
    public void setMaxBufferBytes(DataSize maxBufferBytes) {
        this.maxBufferBytes = maxBufferBytes;
    }

    /**
     * Whether edge assembly with ESI includes is on ({@code chrome.esi}).
     *
     * @return true when it is on
     */
    public boolean isEsi() {
        return esi;
    }

    /**
     * Sets whether edge assembly with ESI includes is on ({@code chrome.esi}).
     *
     * @param esi true to switch it on
     */
    public void setEsi(boolean esi) {
        this.esi = esi;
    }

    /**
     * Whether the application refuses to start on an invalid or missing configuration ({@code chrome.fail-fast}).
     *
     * @return true when it refuses
     */
    public boolean isFailFast() {
        return failFast;
    }

    /**
     * Sets whether the application refuses to start on an invalid or missing configuration ({@code chrome.fail-fast}).
     *
     * @param failFast true to refuse instead of serving the bundled configuration
     */
    public void setFailFast(boolean failFast) {
        this.failFast = failFast;
    }

    /**
     * The path patterns whose pages are never decorated ({@code chrome.exclude}).
     *
     * @return the patterns, Ant or extension style
     */
    public List<String> getExclude() {
        return exclude;
    }

    /**
     * Sets the path patterns whose pages are never decorated ({@code chrome.exclude}).
     *
     * @param exclude the patterns, such as {@code /admin/**} or {@code *.print.html}
     */
    public void setExclude(List<String> exclude) {
        this.exclude = exclude;
    }

    /**
     * The parts of the application with configurations of their own ({@code chrome.sites}).
     *
     * @return the sites, in the order they are tried
     */
    public List<Site> getSites() {
        return sites;
    }

    /**
     * Sets the parts of the application with configurations of their own ({@code chrome.sites}).
     *
     * @param sites the sites, in the order they are tried
     */
    public void setSites(List<Site> sites) {
        this.sites = sites;
    }

    /**
     * The servlet filter's registration ({@code chrome.filter.*}).
     *
     * @return the filter properties, never null
     */
    public Filter getFilter() {
        return filter;
    }

    // --- Template integrations and the application's locale (issue 18) ---

    private final AppLocale locale = new AppLocale();

    /** How the chrome's language relates to the application's (Spring MVC's LocaleResolver). */
    public static class AppLocale {

        /**
         * Whether the chrome follows the application's LocaleResolver (nearest site locale), and the
         * chrome's language switch sets it, when the resolver can be set (a cookie or session resolver).
         */
        private boolean followApp = true;

        /**
         * Whether the chrome's language follows the application's {@code LocaleResolver} ({@code chrome.locale.follow-app}).
         *
         * @return true unless switched off
         */
        public boolean isFollowApp() {
            return followApp;
        }

        /**
         * Sets whether the chrome's language follows the application's {@code LocaleResolver} ({@code chrome.locale.follow-app}).
         *
         * @param followApp false to let the chrome choose its language on its own
         */
        public void setFollowApp(boolean followApp) {
            this.followApp = followApp;
        }
    }

    /**
     * How the chrome's language relates to the application's ({@code chrome.locale.*}).
     *
     * @return the locale properties, never null
     */
    public AppLocale getLocale() {
        return locale;
    }
}
