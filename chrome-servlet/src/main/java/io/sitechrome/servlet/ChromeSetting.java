package io.sitechrome.servlet;

import java.util.Locale;

/**
 * The names of each {@link ChromeSettings} setting, one per way of giving it: the filter's init
 * parameter (also a context parameter or system property), the environment variable, and the
 * Spring Boot starter's property. The defaults are the {@link ChromeSettings.Builder}'s, which the
 * starter's properties start from too.
 */
public enum ChromeSetting {
    /** The configuration: a file or an http(s) URL. */
    CONFIG("config", "config"),
    /** Where a URL configuration's last good copy is kept. */
    CACHE_DIR("cache-dir", "cache-dir"),
    /** The SHA-256 the configuration's body must have. */
    CONFIG_SHA256("config-sha256", "config-sha256"),
    /** The class-path resource served when no configuration is named, or while it is invalid at start. */
    BUNDLED_CONFIG("bundled-config", "bundled-config"),
    /** Where the endpoints are served. */
    PREFIX("prefix", "prefix"),
    /** The request header naming the visitor's country. */
    COUNTRY_HEADER("country-header", "country-header"),
    /** Whether error pages are decorated. */
    DECORATE_ERROR_PAGES("decorate-error-pages", "decorate-error-pages"),
    /** The most a page may hold before its layout is decided. */
    MAX_BUFFER_BYTES("max-buffer-bytes", "max-buffer-bytes"),
    /** How often the configuration is checked or polled: milliseconds for the filter, a duration for Spring. */
    RELOAD_INTERVAL("reload-interval-ms", "reload-interval"),
    /** Edge assembly with ESI includes. */
    ESI("esi", "esi"),
    /** Whether an invalid or missing configuration at start refuses to start. */
    FAIL_FAST("fail-fast", "fail-fast"),
    /** Path patterns never decorated. */
    EXCLUDE("exclude", "exclude"),
    /** Parts of the application with configurations of their own. */
    SITES("sites", "sites");

    private final String initParameter;
    private final String environmentVariable;
    private final String springProperty;

    ChromeSetting(String filterKey, String springKey) {
        this.initParameter = "site-chrome." + filterKey;
        this.environmentVariable = initParameter.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
        this.springProperty = "chrome." + springKey;
    }

    /** @return the filter's init parameter, context parameter and system property, such as {@code site-chrome.prefix} */
    public String initParameter() {
        return initParameter;
    }

    /** @return the environment variable, such as {@code SITE_CHROME_PREFIX} */
    public String environmentVariable() {
        return environmentVariable;
    }

    /** @return the Spring Boot starter's property, such as {@code chrome.prefix} */
    public String springProperty() {
        return springProperty;
    }
}
