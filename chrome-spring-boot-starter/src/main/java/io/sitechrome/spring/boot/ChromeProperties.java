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

        public List<String> getHosts() {
            return hosts;
        }

        public void setHosts(List<String> hosts) {
            this.hosts = hosts;
        }

        public String getPathPrefix() {
            return pathPrefix;
        }

        public void setPathPrefix(String pathPrefix) {
            this.pathPrefix = pathPrefix;
        }

        public String getConfig() {
            return config;
        }

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

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public int getOrder() {
            return order;
        }

        public void setOrder(int order) {
            this.order = order;
        }
    }

    public String getConfig() {
        return config;
    }

    public void setConfig(String config) {
        this.config = config;
    }

    public Path getCacheDir() {
        return cacheDir;
    }

    public void setCacheDir(Path cacheDir) {
        this.cacheDir = cacheDir;
    }

    public String getConfigSha256() {
        return configSha256;
    }

    public void setConfigSha256(String configSha256) {
        this.configSha256 = configSha256;
    }

    public String getBundledConfig() {
        return bundledConfig;
    }

    public void setBundledConfig(String bundledConfig) {
        this.bundledConfig = bundledConfig;
    }

    public String getPrefix() {
        return prefix;
    }

    public void setPrefix(String prefix) {
        this.prefix = prefix;
    }

    public String getCountryHeader() {
        return countryHeader;
    }

    public void setCountryHeader(String countryHeader) {
        this.countryHeader = countryHeader;
    }

    public Duration getReloadInterval() {
        return reloadInterval;
    }

    public void setReloadInterval(Duration reloadInterval) {
        this.reloadInterval = reloadInterval;
    }

    public boolean isDecorateErrorPages() {
        return decorateErrorPages;
    }

    public void setDecorateErrorPages(boolean decorateErrorPages) {
        this.decorateErrorPages = decorateErrorPages;
    }

    public DataSize getMaxBufferBytes() {
        return maxBufferBytes;
    }

    public void setMaxBufferBytes(DataSize maxBufferBytes) {
        this.maxBufferBytes = maxBufferBytes;
    }

    public boolean isEsi() {
        return esi;
    }

    public void setEsi(boolean esi) {
        this.esi = esi;
    }

    public boolean isFailFast() {
        return failFast;
    }

    public void setFailFast(boolean failFast) {
        this.failFast = failFast;
    }

    public List<String> getExclude() {
        return exclude;
    }

    public void setExclude(List<String> exclude) {
        this.exclude = exclude;
    }

    public List<Site> getSites() {
        return sites;
    }

    public void setSites(List<Site> sites) {
        this.sites = sites;
    }

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

        public boolean isFollowApp() {
            return followApp;
        }

        public void setFollowApp(boolean followApp) {
            this.followApp = followApp;
        }
    }

    public AppLocale getLocale() {
        return locale;
    }
}
