package io.sitechrome.servlet;

import io.sitechrome.config.ConfigException;
import io.sitechrome.config.ConfigSource;
import io.sitechrome.config.SourceOptions;
import io.sitechrome.consent.ConsentListener;
import io.sitechrome.internal.servlet.PathPatterns;
import io.sitechrome.render.Chrome;
import io.sitechrome.render.ChromeRequest;
import io.sitechrome.render.LiveChrome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * How {@link ChromeFilter} runs: where its configuration lives, where its endpoints are,
 * which header names the visitor's country, and how it buffers. Immutable.
 *
 * <p>From init parameters (web.xml or {@code FilterRegistration}), each falling back to a
 * system property and then an environment variable ({@link ChromeSetting} names each setting, with
 * its Spring Boot property; the defaults are this class's {@link Builder}'s, which the starter
 * starts from too):
 * <table>
 * <caption>settings</caption>
 * <tr><th>init parameter / system property</th><th>environment</th><th>default</th></tr>
 * <tr><td>{@code site-chrome.config}</td><td>{@code SITE_CHROME_CONFIG}</td><td>the bundled default configuration</td></tr>
 * <tr><td>{@code site-chrome.cache-dir}</td><td>{@code SITE_CHROME_CACHE_DIR}</td><td>{@code site-chrome-cache} under {@code java.io.tmpdir}</td></tr>
 * <tr><td>{@code site-chrome.config-sha256}</td><td>{@code SITE_CHROME_CONFIG_SHA256}</td><td>none</td></tr>
 * <tr><td>{@code site-chrome.bundled-config}</td><td>{@code SITE_CHROME_BUNDLED_CONFIG}</td><td>{@value #BUNDLED_CONFIG}</td></tr>
 * <tr><td>{@code site-chrome.prefix}</td><td>{@code SITE_CHROME_PREFIX}</td><td>{@code /chrome/}</td></tr>
 * <tr><td>{@code site-chrome.country-header}</td><td>{@code SITE_CHROME_COUNTRY_HEADER}</td><td>none</td></tr>
 * <tr><td>{@code site-chrome.decorate-error-pages}</td><td>{@code SITE_CHROME_DECORATE_ERROR_PAGES}</td><td>{@code true}</td></tr>
 * <tr><td>{@code site-chrome.max-buffer-bytes}</td><td>{@code SITE_CHROME_MAX_BUFFER_BYTES}</td><td>none: pages of any size are decorated</td></tr>
 * <tr><td>{@code site-chrome.reload-interval-ms}</td><td>{@code SITE_CHROME_RELOAD_INTERVAL_MS}</td><td>1000</td></tr>
 * <tr><td>{@code site-chrome.esi}</td><td>{@code SITE_CHROME_ESI}</td><td>{@code false}</td></tr>
 * <tr><td>{@code site-chrome.fail-fast}</td><td>{@code SITE_CHROME_FAIL_FAST}</td><td>{@code false}</td></tr>
 * <tr><td>{@code site-chrome.sites}</td><td>{@code SITE_CHROME_SITES}</td><td>none: one configuration for every request (see {@link Site#parse(String)})</td></tr>
 * <tr><td>{@code site-chrome.exclude}</td><td>{@code SITE_CHROME_EXCLUDE}</td><td>none: comma-separated path patterns never decorated (see {@link Builder#exclude(Collection)})</td></tr>
 * </table>
 */
public final class ChromeSettings {

    /** The configuration used when none is named. */
    public static final String BUNDLED_CONFIG = "/io/sitechrome/servlet/default-chrome.yaml";

    final String config;
    final SourceOptions sourceOptions;
    final String bundledConfig;
    final String prefix;
    final String countryHeader;
    final boolean decorateErrorPages;
    final int maxBufferBytes;
    final Duration reloadInterval;
    final VisitorResolver visitors;
    final ConsentListener consentListener;
    final ChromeObserver observer;
    final boolean esi;
    final boolean failFast;
    final PathPatterns excluded;
    final List<Site> sites;

    /**
     * A configuration of its own for part of the application: requests to one of {@code hosts}
     * (any host when empty) whose path within the application starts with {@code pathPrefix}
     * (any path when null) get the chrome of {@code config}. Its endpoints are under the path
     * prefix ({@code /business/chrome/} for the prefix {@code /business/}), so that its assets,
     * fragments and consent are its own; a site chosen by host alone keeps the usual prefix.
     *
     * @param hosts      host names, lower case, as the request names them (without port)
     * @param pathPrefix a path starting and ending with {@code /}, or null
     * @param config     the site's configuration, a file or an http(s) URL, watched and reloaded on its own
     */
    public record Site(List<String> hosts, String pathPrefix, String config) {

        /**
         * Checks and normalises: hosts lower case, the prefix with a slash at both ends.
         *
         * @param hosts      host names, in any case and with surrounding spaces; blank ones are dropped
         * @param pathPrefix a path prefix, with or without its slashes, or null; {@code /} counts as none
         * @param config     the site's configuration, a file or an http(s) URL
         * @throws IllegalArgumentException when there are neither hosts nor a prefix, or no configuration
         */
        public Site {
            hosts = hosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).toList();
            if (pathPrefix != null) {
                String p = pathPrefix.trim();
                p = p.startsWith("/") ? p : "/" + p;
                pathPrefix = p.endsWith("/") ? p : p + "/";
                if (pathPrefix.equals("/")) pathPrefix = null;
            }
            if (hosts.isEmpty() && pathPrefix == null) {
                throw new IllegalArgumentException("a site needs hosts or a path prefix other than /: " + config);
            }
            if (config == null) throw new IllegalArgumentException("a site needs a configuration file");
        }

        /**
         * Sites from the {@code site-chrome.sites} syntax: entries separated by {@code ;}, each
         * {@code SELECTOR=FILE}, where the selector is hosts separated by {@code ,}, a path prefix
         * starting with {@code /}, or both ({@code shop.example/business/}). For example
         * {@code a.example=/etc/a.yaml;b.example,www.b.example=/etc/b.yaml;/business/=/etc/biz.yaml}.
         *
         * @param value the setting
         * @return the sites, in order
         * @throws IllegalArgumentException for an entry without {@code =} or without a selector
         */
        public static List<Site> parse(String value) {
            List<Site> sites = new ArrayList<>();
            for (String entry : value.split(";")) {
                if (entry.isBlank()) continue;
                int equals = entry.indexOf('=');
                if (equals <= 0 || equals == entry.length() - 1) {
                    throw new IllegalArgumentException("site-chrome.sites: \"" + entry.trim() + "\" is not SELECTOR=FILE-OR-URL");
                }
                String selector = entry.substring(0, equals).trim();
                String location = entry.substring(equals + 1).trim();
                int slash = selector.indexOf('/');
                String hosts = slash < 0 ? selector : selector.substring(0, slash);
                String prefix = slash < 0 ? null : selector.substring(slash);
                sites.add(new Site(Arrays.asList(hosts.split(",")), prefix, location));
            }
            return List.copyOf(sites);
        }
    }

    private ChromeSettings(Builder b) {
        config = b.config;
        sourceOptions = b.sourceOptions;
        bundledConfig = b.bundledConfig;
        prefix = b.prefix;
        countryHeader = b.countryHeader;
        decorateErrorPages = b.decorateErrorPages;
        maxBufferBytes = b.maxBufferBytes;
        reloadInterval = b.reloadInterval;
        visitors = b.visitors;
        consentListener = b.consentListener;
        observer = b.observer;
        esi = b.esi;
        failFast = b.failFast;
        excluded = b.excluded;
        sites = b.sites;
    }

    /** These settings for one site: its configuration, its endpoints under its path prefix, no sites of its own. */
    ChromeSettings forSite(Site site) {
        Builder b = new Builder(this);
        b.config = site.config();
        b.sites = List.of();
        if (site.pathPrefix() != null) b.prefix = site.pathPrefix() + prefix.substring(1);
        return b.build();
    }

    /**
     * Starts settings from the defaults in the table above.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Settings from init parameters, then system properties, then the environment, named as in the
     * table above; blank values count as unset.
     *
     * @param initParameters the filter's init parameters by name, such as {@code FilterConfig::getInitParameter}
     * @return the settings
     * @throws IllegalArgumentException when a value is not valid, such as a number that is not one or a
     *                                  pattern or site that cannot be read
     */
    public static ChromeSettings from(Function<String, String> initParameters) {
        return from(initParameters, System::getProperty, System.getenv());
    }

    static ChromeSettings from(Function<String, String> initParameters, Function<String, String> properties,
                               Map<String, String> environment) {
        Function<ChromeSetting, String> lookup = setting -> {
            String value = initParameters.apply(setting.initParameter());
            if (value == null) value = properties.apply(setting.initParameter());
            if (value == null) value = environment.get(setting.environmentVariable());
            return value == null || value.isBlank() ? null : value.trim();
        };
        Builder builder = builder();
        String config = lookup.apply(ChromeSetting.CONFIG);
        if (config != null) builder.config(config);
        String cacheDirectory = lookup.apply(ChromeSetting.CACHE_DIR);
        if (cacheDirectory != null) builder.cacheDirectory(Path.of(cacheDirectory));
        builder.configSha256(lookup.apply(ChromeSetting.CONFIG_SHA256));
        String bundled = lookup.apply(ChromeSetting.BUNDLED_CONFIG);
        if (bundled != null) builder.bundledConfig(bundled);
        String prefix = lookup.apply(ChromeSetting.PREFIX);
        if (prefix != null) builder.prefix(prefix);
        builder.countryHeader(lookup.apply(ChromeSetting.COUNTRY_HEADER));
        String errorPages = lookup.apply(ChromeSetting.DECORATE_ERROR_PAGES);
        if (errorPages != null) builder.decorateErrorPages(Boolean.parseBoolean(errorPages));
        String maxBuffer = lookup.apply(ChromeSetting.MAX_BUFFER_BYTES);
        if (maxBuffer != null) builder.maxBufferBytes(Integer.parseInt(maxBuffer));
        String interval = lookup.apply(ChromeSetting.RELOAD_INTERVAL);
        if (interval != null) builder.reloadInterval(Duration.ofMillis(Long.parseLong(interval)));
        String esi = lookup.apply(ChromeSetting.ESI);
        if (esi != null) builder.esi(Boolean.parseBoolean(esi));
        String failFast = lookup.apply(ChromeSetting.FAIL_FAST);
        if (failFast != null) builder.failFast(Boolean.parseBoolean(failFast));
        String sites = lookup.apply(ChromeSetting.SITES);
        if (sites != null) builder.sites(Site.parse(sites));
        String exclude = lookup.apply(ChromeSetting.EXCLUDE);
        if (exclude != null) builder.exclude(Arrays.asList(exclude.split(",")));
        return builder.build();
    }

    /** @return the configuration's file path or {@code http(s)} URL, or null for the bundled one */
    public String config() {
        return config;
    }

    /** @return how a configuration at a URL is fetched and where its last good copy is kept; its SHA-256 pin */
    public SourceOptions sourceOptions() {
        return sourceOptions;
    }

    /**
     * Where the chrome's endpoints and assets are served inside the application.
     *
     * @return a path with a slash at both ends, such as {@code /chrome/}
     */
    public String prefix() {
        return prefix;
    }

    /**
     * The configuration served when none is named, or while the named one is invalid at start-up.
     *
     * @return a class-path resource name, {@link #BUNDLED_CONFIG} unless set
     */
    public String bundledConfig() {
        return bundledConfig;
    }

    /**
     * The request header that names the visitor's country, such as {@code CF-IPCountry}.
     *
     * @return the header's name, or null when the country is not known
     */
    public String countryHeader() {
        return countryHeader;
    }

    /**
     * Whether error pages (requests dispatched as {@code ERROR}) are decorated too.
     *
     * @return true unless switched off
     */
    public boolean decorateErrorPages() {
        return decorateErrorPages;
    }

    /**
     * The most a page may hold before its layout is decided (see {@link Builder#maxBufferBytes(int)}).
     *
     * @return the limit in bytes (or characters from the writer), or 0 for no such limit
     */
    public int maxBufferBytes() {
        return maxBufferBytes;
    }

    /**
     * How often the configuration file is checked for changes, or its URL polled.
     *
     * @return the interval; one second unless set
     */
    public Duration reloadInterval() {
        return reloadInterval;
    }

    /**
     * Who tells the chrome which visitor is signed in.
     *
     * @return the resolver; {@link VisitorResolver#fromRequestAttributes()} unless set
     */
    public VisitorResolver visitors() {
        return visitors;
    }

    /**
     * Who receives every consent choice recorded through the consent endpoint.
     *
     * @return the listener; one that does nothing unless set
     */
    public ConsentListener consentListener() {
        return consentListener;
    }

    /** @return what is told of each page decorated or passed through and each fragment served, or null */
    public ChromeObserver observer() {
        return observer;
    }

    /**
     * Whether pages for an ESI-capable cache get {@code <esi:include>} tags instead of the shared components
     * (see {@link Builder#esi(boolean)}).
     *
     * @return true when edge assembly is on
     */
    public boolean esi() {
        return esi;
    }

    /** @return whether an invalid or missing configuration at start refuses to start instead of serving the bundled one */
    public boolean failFast() {
        return failFast;
    }

    /** @return the sites with configurations of their own, in the order they are tried */
    public List<Site> sites() {
        return sites;
    }

    /** @return the path patterns whose pages are never decorated, as given (see {@link Builder#exclude(Collection)}) */
    public List<String> exclude() {
        return excluded.patterns();
    }

    /**
     * Opens the configuration these settings name: the file or URL (with the bases it extends),
     * watched or polled every {@link #reloadInterval()}, or the bundled resource when none is named.
     * An invalid or missing configuration at start is logged with all of its problems and the bundled
     * one serves until it is fixed, unless {@link #failFast()} is set; a URL whose origin cannot be
     * reached at start serves its last good copy from {@link SourceOptions#cacheDirectory()}, if any.
     * The filter and the Spring Boot starter both open their chrome here.
     *
     * @return the chrome in service, which the caller closes
     * @throws ConfigException when the bundled configuration is invalid, or, with fail-fast, the named one
     */
    public LiveChrome openChrome() throws ConfigException {
        Chrome bundled = Chrome.loadResource(ChromeSettings.class, bundledConfig);
        if (config == null) return LiveChrome.fixed(bundled);
        ConfigSource source = ConfigSource.of(config, sourceOptions);
        return failFast ? LiveChrome.open(source, reloadInterval) : LiveChrome.open(source, reloadInterval, bundled);
    }

    /** Builds {@link ChromeSettings}. */
    public static final class Builder {
        private String config;
        private SourceOptions sourceOptions = SourceOptions.DEFAULTS;
        private String bundledConfig = BUNDLED_CONFIG;
        private String prefix = ChromeRequest.DEFAULT_ENDPOINTS;
        private String countryHeader;
        private boolean decorateErrorPages = true;
        private int maxBufferBytes;
        private Duration reloadInterval = Duration.ofSeconds(1);
        private VisitorResolver visitors = VisitorResolver.fromRequestAttributes();
        private ConsentListener consentListener = choice -> { };
        private ChromeObserver observer;
        private boolean esi;
        private boolean failFast;
        private PathPatterns excluded = PathPatterns.NONE;
        private List<Site> sites = List.of();

        private Builder() {
        }

        private Builder(ChromeSettings s) {
            config = s.config;
            sourceOptions = s.sourceOptions.withSha256(null); // a pin names one body: never a site's
            bundledConfig = s.bundledConfig;
            prefix = s.prefix;
            countryHeader = s.countryHeader;
            decorateErrorPages = s.decorateErrorPages;
            maxBufferBytes = s.maxBufferBytes;
            reloadInterval = s.reloadInterval;
            visitors = s.visitors;
            consentListener = s.consentListener;
            observer = s.observer;
            esi = s.esi;
            failFast = s.failFast;
            excluded = s.excluded;
            sites = s.sites;
        }

        /**
         * Parts of the application with configurations of their own (see {@link Site}), tried in
         * order, the first match winning; other requests get {@link #config(String)}.
         *
         * @param sites the sites
         * @return this builder
         */
        public Builder sites(List<Site> sites) {
            this.sites = List.copyOf(sites);
            return this;
        }


        /**
         * A configuration file, watched and reloaded when it changes.
         *
         * @param config the file, or null for the bundled configuration
         * @return this builder
         */
        public Builder config(Path config) {
            this.config = config == null ? null : config.toString();
            return this;
        }

        /**
         * A configuration file, or an {@code https://} (or {@code http://}) URL polled with
         * conditional requests at every reload interval.
         *
         * @param location the file's path or the URL, or null for the bundled configuration
         * @return this builder
         * @throws IllegalArgumentException when it is neither a path nor an http(s) URL
         */
        public Builder config(String location) {
            if (location != null) ConfigSource.of(location, sourceOptions);
            this.config = location;
            return this;
        }

        /**
         * Where the last good copy of a configuration read from a URL is kept, so that an application
         * restarted while the origin is down serves it.
         *
         * @param directory the folder, created when needed
         * @return this builder
         */
        public Builder cacheDirectory(Path directory) {
            this.sourceOptions = sourceOptions.withCacheDirectory(directory);
            return this;
        }

        /**
         * Pins the configuration: a body (from the URL or the file) whose SHA-256 differs is refused
         * like an invalid edit, and the last good configuration stays.
         *
         * @param sha256 64 hex digits, or null for no pin
         * @return this builder
         * @throws IllegalArgumentException when it is not 64 hex digits
         */
        public Builder configSha256(String sha256) {
            this.sourceOptions = sourceOptions.withSha256(sha256);
            return this;
        }

        /**
         * The configuration served when none is named, or while the named one is invalid at start-up.
         *
         * @param resource a class-path resource name, such as {@code /com/example/chrome.yaml}
         * @return this builder
         */
        public Builder bundledConfig(String resource) {
            this.bundledConfig = resource;
            return this;
        }

        /**
         * Where the chrome's endpoints and assets are served inside the application.
         *
         * @param prefix a path such as {@code /chrome/}; the slashes at either end are added when missing
         * @return this builder
         */
        public Builder prefix(String prefix) {
            String p = prefix.startsWith("/") ? prefix : "/" + prefix;
            this.prefix = p.endsWith("/") ? p : p + "/";
            return this;
        }

        /**
         * The request header that names the visitor's country, for banner and link targeting and the
         * consent mode by country.
         *
         * @param header the header's name, such as {@code CF-IPCountry}, or null when the country is not known
         * @return this builder
         */
        public Builder countryHeader(String header) {
            this.countryHeader = header;
            return this;
        }

        /**
         * Whether error pages (requests dispatched as {@code ERROR}) are decorated too.
         *
         * @param decorate false to send error pages as the application renders them
         * @return this builder
         */
        public Builder decorateErrorPages(boolean decorate) {
            this.decorateErrorPages = decorate;
            return this;
        }

        /**
         * Pages are decorated as they stream, whatever their size; this optional limit makes a page
         * that would hold more than {@code bytes} (bytes, or characters from the writer) before its
         * layout is decided go out undecorated instead of placing the chrome at once.
         *
         * @param bytes a positive limit
         * @return this builder
         */
        public Builder maxBufferBytes(int bytes) {
            if (bytes <= 0) throw new IllegalArgumentException("maxBufferBytes must be positive: " + bytes);
            this.maxBufferBytes = bytes;
            return this;
        }

        /**
         * How often the configuration file is checked for changes, or its URL polled.
         *
         * @param interval the interval between checks
         * @return this builder
         */
        public Builder reloadInterval(Duration interval) {
            this.reloadInterval = interval;
            return this;
        }

        /**
         * Who tells the chrome which visitor is signed in, such as a resolver reading the application's
         * session or security context.
         *
         * @param visitors the resolver; it must not throw for any request
         * @return this builder
         */
        public Builder visitors(VisitorResolver visitors) {
            this.visitors = visitors;
            return this;
        }

        /**
         * Who receives every consent choice recorded through the consent endpoint, such as an audit log.
         *
         * @param listener the listener, called once per recorded choice
         * @return this builder
         */
        public Builder consentListener(ConsentListener listener) {
            this.consentListener = listener;
            return this;
        }

        /**
         * Tells {@code observer} of every page decorated, every response passed through (and why)
         * and every fragment served, for metrics (see {@link ChromeObserver}).
         *
         * @param observer the observer, or null for none
         * @return this builder
         */
        public Builder observer(ChromeObserver observer) {
            this.observer = observer;
            return this;
        }

        /**
         * Edge assembly: when a request says that the cache in front of the app processes ESI
         * ({@code Surrogate-Capability: name="ESI/1.0"}, which Akamai sends and a Varnish VCL sets),
         * the components that are the same for every visitor of a page (head, skip link, banners,
         * header of a signed-out visitor, footer) become {@code <esi:include>} tags pointing at the
         * fragment endpoint, and the page gets {@code Surrogate-Control: content="ESI/1.0"}. The
         * per-visitor parts (the cookie banner, the scripts with their nonce, the header of a
         * signed-in visitor, banners after a dismissal) stay inline. Requests without the
         * capability get the page with everything inline, as without this setting.
         *
         * @param esi true to switch edge assembly on
         * @return this builder
         */
        public Builder esi(boolean esi) {
            this.esi = esi;
            return this;
        }

        /**
         * Refuse to start on an invalid or missing configuration instead of serving the bundled one
         * until it is fixed. Recommended in production, where a wrong path should stop a deployment.
         *
         * @param failFast whether to refuse
         * @return this builder
         */
        public Builder failFast(boolean failFast) {
            this.failFast = failFast;
            return this;
        }

        /**
         * Paths whose responses are never decorated: the filter does not wrap them at all, so they
         * pass through byte for byte and unbuffered. The chrome's own endpoints under the prefix
         * stay answered whatever these say. Patterns are matched against the path within the
         * application, path parameters such as {@code ;jsessionid} ignored: Ant style
         * ({@code /admin/**} for everything under {@code /admin}, {@code /api/*} for one segment
         * below {@code /api}, {@code ?} for one character) or servlet extension style
         * ({@code *.print.html}). Replaces the patterns given before.
         *
         * @param patterns the patterns; blank ones are ignored
         * @return this builder
         * @throws IllegalArgumentException for a pattern that starts neither with {@code /} nor with {@code *.}
         */
        public Builder exclude(Collection<String> patterns) {
            this.excluded = PathPatterns.of(patterns);
            return this;
        }

        /**
         * @param patterns the patterns, as for {@link #exclude(Collection)}
         * @return this builder
         */
        public Builder exclude(String... patterns) {
            return exclude(Arrays.asList(patterns));
        }

        /**
         * The settings given so far.
         *
         * @return new, immutable settings
         */
        public ChromeSettings build() {
            return new ChromeSettings(this);
        }
    }
}
