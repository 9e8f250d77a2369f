package io.sitechrome.servlet;

import io.sitechrome.config.ConfigException;
import io.sitechrome.internal.servlet.DecoratorFactory;
import io.sitechrome.internal.servlet.PathPatterns;
import io.sitechrome.render.LiveChrome;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The configurations of one application and which one serves a request: the sites of
 * {@link ChromeSettings#sites()} in order, the first whose hosts and path prefix match winning,
 * and the default configuration for every other request. Each site is loaded, validated,
 * hot-reloaded and served on its own, with its endpoints under its path prefix (see
 * {@link ChromeSettings.Site}). Immutable; {@link #close()} stops the watchers it opened.
 */
final class ChromeRegistry implements AutoCloseable {

    private static final String SERVED_ATTRIBUTE = ChromeRegistry.class.getName() + ".served";

    /**
     * One configuration in service, with the request-facing parts the filter needs for it.
     *
     * @param site       the site it serves, or null for the fallback that serves every other request
     * @param settings   the settings it runs with (for a site: its prefix under the site's path prefix)
     * @param live       the configuration in service, reloaded as it changes
     * @param decorators what decorates its pages
     * @param endpoints  what answers its endpoints
     */
    record Served(ChromeSettings.Site site, ChromeSettings settings, LiveChrome live, DecoratorFactory decorators,
                  ChromeEndpoints endpoints) {

        /**
         * A configuration in service with the decorators and endpoints its settings make.
         *
         * @param site     the site it serves, or null for the fallback
         * @param settings the settings it runs with
         * @param live     the configuration in service
         */
        Served(ChromeSettings.Site site, ChromeSettings settings, LiveChrome live) {
            this(site, settings, live, new ChromeDecorators(live, settings), new ChromeEndpoints(settings));
        }

        /**
         * Whether a request belongs to this site.
         *
         * @param host the request's host name, lower case, without port
         * @param path the request's path within the application
         * @return true when the host is one of the site's (or it names none) and the path is under its prefix
         *         (or it has none)
         */
        boolean matches(String host, String path) {
            return (site.hosts().isEmpty() || site.hosts().contains(host))
                && (site.pathPrefix() == null || path.startsWith(site.pathPrefix()) || (path + "/").equals(site.pathPrefix()));
        }
    }

    private final Served fallback;
    private final List<Served> sites;
    private final boolean ownsFallback;

    private ChromeRegistry(Served fallback, List<Served> sites, boolean ownsFallback) {
        this.fallback = fallback;
        this.sites = sites;
        this.ownsFallback = ownsFallback;
    }

    /**
     * Opens every site's configuration as {@link ChromeSettings#openChrome()} does, and serves
     * {@code fallback} to requests of no site.
     *
     * @param settings     the settings naming the sites
     * @param fallback     the default configuration, or null to open the one {@code settings} name
     * @return the registry, which the caller closes
     * @throws ConfigException when a configuration cannot be served (see {@link ChromeSettings#openChrome()})
     */
    public static ChromeRegistry open(ChromeSettings settings, LiveChrome fallback) throws ConfigException {
        LiveChrome main = fallback != null ? fallback : settings.openChrome();
        List<Served> sites = new ArrayList<>();
        try {
            for (ChromeSettings.Site site : settings.sites()) {
                ChromeSettings own = settings.forSite(site);
                sites.add(new Served(site, own, own.openChrome()));
            }
        } catch (ConfigException | RuntimeException e) {
            sites.forEach(served -> served.live().close());
            if (fallback == null) main.close();
            throw e;
        }
        return new ChromeRegistry(new Served(null, settings, main), List.copyOf(sites), fallback == null);
    }

    /**
     * @param host the host the request names, such as {@code shop.example}
     * @param path the path within the application, such as {@code /business/pricing}
     * @return the chrome serving that request
     */
    public LiveChrome chromeFor(String host, String path) {
        return pick(host.toLowerCase(Locale.ROOT), path).live();
    }

    /** @return the default configuration, serving requests of no site */
    public LiveChrome fallback() {
        return fallback.live();
    }

    /**
     * The configuration serving this request, chosen on its first dispatch and kept for the others.
     *
     * @param request the request
     * @return the first site whose hosts and path prefix match it, else the fallback
     */
    Served served(HttpServletRequest request) {
        if (request.getAttribute(SERVED_ATTRIBUTE) instanceof Served chosen) return chosen;
        Served chosen = sites.isEmpty() ? fallback : pick(request.getServerName().toLowerCase(Locale.ROOT), PathPatterns.pathOf(request));
        request.setAttribute(SERVED_ATTRIBUTE, chosen);
        return chosen;
    }

    private Served pick(String host, String path) {
        for (Served site : sites) {
            if (site.matches(host, path)) return site;
        }
        return fallback;
    }

    /** Stops watching every site's configuration, and the default one unless it was given. */
    @Override
    public void close() {
        sites.forEach(served -> served.live().close());
        if (ownsFallback) fallback.live().close();
    }
}
