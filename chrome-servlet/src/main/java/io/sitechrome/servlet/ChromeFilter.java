package io.sitechrome.servlet;

import io.sitechrome.config.ConfigException;
import io.sitechrome.internal.servlet.AsyncCapturingRequest;
import io.sitechrome.internal.servlet.DecoratingResponse;
import io.sitechrome.internal.servlet.DecoratorFactory;
import io.sitechrome.internal.servlet.FinishOnComplete;
import io.sitechrome.internal.servlet.PageDecorator;
import io.sitechrome.internal.servlet.PageStream;
import io.sitechrome.internal.servlet.PathPatterns;
import io.sitechrome.render.LiveChrome;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Puts the site chrome on every HTML page the application sends.
 *
 * <p>A response is decorated when it is a complete {@code text/html} page with status 200 and no
 * Content-Encoding; every other response passes through byte for byte, headers included. Each
 * request is decorated once, however often it is forwarded or included. Error pages reached
 * through the error dispatch are decorated too, whatever their status, unless the setting
 * {@code site-chrome.decorate-error-pages} is {@code false}. Pages are decorated as they stream
 * through, whatever their size (see {@link PageStream}). It also answers the chrome's own
 * endpoints under {@code site-chrome.prefix} (see {@link ChromeSettings}).
 *
 * <p>Requests whose path matches {@code site-chrome.exclude}, and requests on which the
 * application set {@link ChromeAttributes#DECORATE} to false before the filter ran, are not
 * wrapped at all: they pass through byte for byte and unbuffered, on every dispatch. A response
 * can opt out later with the attribute, set before its first output, or with the header
 * {@code X-Chrome: off}, which the filter never sends; what is held of the page then goes out
 * unchanged and the rest streams through.
 *
 * <p>Register it with {@code asyncSupported} set and for the {@code REQUEST}, {@code FORWARD},
 * {@code INCLUDE}, {@code ASYNC} and {@code ERROR} dispatcher types. {@code FORWARD} matters on
 * Tomcat, which closes the underlying response when a forward ends, and {@code ASYNC} on
 * containers that close the response when an async dispatch ends.
 */
public final class ChromeFilter implements Filter {

    private static final String ACTIVE_ATTRIBUTE = ChromeFilter.class.getName() + ".response";
    /** The value of {@link #ACTIVE_ATTRIBUTE} for a request left alone: no later dispatch of it is decorated. */
    private static final Object LEFT_ALONE = new Object();

    private DecoratorFactory decorators;
    private volatile String serverInfo;
    private boolean decorateErrorPages;
    private int maxBufferBytes;
    private ChromeSettings settings;
    private LiveChrome live;
    private ChromeRegistry registry;
    private PathPatterns excluded = PathPatterns.NONE;
    private ChromeObserver observer;

    /**
     * A filter configured by its init parameters, then system properties, then environment
     * variables (see {@link ChromeSettings}): for {@code web.xml} and container set-up.
     */
    public ChromeFilter() {
    }

    /**
     * A filter with these settings; it loads and watches the configuration they name.
     *
     * @param settings the filter's settings, such as those {@link ChromeSettings#builder()} makes
     */
    public ChromeFilter(ChromeSettings settings) {
        this(null, settings);
    }

    /**
     * A filter serving {@code chrome}, which the caller loads, reloads and closes.
     *
     * @param chrome   the chrome to serve to requests of no site; null to load the one {@code settings} names
     * @param settings the filter's other settings (prefix, visitors, sites, limits)
     */
    public ChromeFilter(LiveChrome chrome, ChromeSettings settings) {
        this.live = chrome;
        use(settings);
    }

    ChromeFilter(DecoratorFactory decorators) {
        this(decorators, true, 0);
    }

    ChromeFilter(DecoratorFactory decorators, boolean decorateErrorPages, int maxBufferBytes) {
        if (maxBufferBytes < 0) {
            throw new IllegalArgumentException("maxBufferBytes must not be negative: " + maxBufferBytes);
        }
        this.decorators = decorators;
        this.decorateErrorPages = decorateErrorPages;
        this.maxBufferBytes = maxBufferBytes;
    }

    /**
     * Loads the configuration (unless the filter was given a chrome or a decorator) and
     * starts watching it, as {@link ChromeSettings#openChrome()} describes: an invalid
     * configuration file at start-up is logged with all of its problems and the bundled
     * configuration serves until the file is fixed, or, with fail-fast, the filter fails.
     */
    @Override
    public void init(FilterConfig config) throws ServletException {
        if (decorators != null) return;
        if (settings == null) {
            try {
                use(ChromeSettings.from(config::getInitParameter));
            } catch (RuntimeException e) {
                throw new ServletException("site-chrome: invalid filter settings: " + e.getMessage(), e);
            }
        }
        try {
            registry = ChromeRegistry.open(settings, live);
        } catch (ConfigException e) {
            throw new ServletException("site-chrome: refusing to start; the configuration cannot be served:\n" + e.getMessage(), e);
        }
        live = registry.fallback();
    }

    /**
     * The chrome this filter serves to requests of no site.
     *
     * @return the live chrome, or null before {@link #init}
     */
    public LiveChrome chrome() {
        return live;
    }

    /**
     * The configurations this filter serves, one per site.
     *
     * @return the registry, or null before {@link #init}
     */
    public ChromeRegistry registry() {
        return registry;
    }

    @Override
    public void destroy() {
        if (registry != null) registry.close();
    }

    private void use(ChromeSettings chosen) {
        settings = chosen;
        decorateErrorPages = chosen.decorateErrorPages;
        maxBufferBytes = chosen.maxBufferBytes;
        excluded = chosen.excluded;
        observer = chosen.observer;
    }

    /** Decorates the response if it turns out to be an HTML page, and passes it through otherwise. */
    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            chain.doFilter(req, res);
            return;
        }
        DispatcherType type = request.getDispatcherType();
        Object active = request.getAttribute(ACTIVE_ATTRIBUTE);
        if (!startsDecoration(type, active)) {
            chain.doFilter(req, res);
            if (active instanceof DecoratingResponse outer && endsResponse(type) && !request.isAsyncStarted()) {
                outer.finish();
            }
            return;
        }
        ChromeRegistry.Served served = registry == null ? null : registry.served(request);
        if (served != null && type == DispatcherType.REQUEST && served.endpoints().handle(served.live().current(), request, response)) {
            return;
        }
        if (leftAlone(request, active)) {
            if (observer != null && active != LEFT_ALONE) {
                observer.passedThrough(ChromeAttributes.optedOut(request) ? ChromeObserver.Reason.OPTED_OUT : ChromeObserver.Reason.EXCLUDED);
            }
            request.setAttribute(ACTIVE_ATTRIBUTE, LEFT_ALONE);
            chain.doFilter(req, res);
            return;
        }
        PageDecorator decorator = (served == null ? decorators : served.decorators()).forRequest(request);
        ChromeContext context = ChromeContext.of(request);
        if (context != null && context.consentSaved()) {
            response.addCookie(ChromeEndpoints.cookie(ChromeContext.FLASH_COOKIE, "", request, 0));
        }
        if (decorator == null) {
            chain.doFilter(req, res);
            return;
        }
        decorate(request, response, chain, decorator, type == DispatcherType.ERROR);
    }

    /** The container's name and version, asked once. */
    private String serverInfo(HttpServletRequest request) {
        String info = serverInfo;
        if (info == null) {
            jakarta.servlet.ServletContext context = request.getServletContext();
            info = context == null ? "" : String.valueOf(context.getServerInfo());
            serverInfo = info;
        }
        return info;
    }

    private void decorate(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                          PageDecorator decorator, boolean errorDispatch) throws IOException, ServletException {
        DecoratingResponse wrapper =
            new DecoratingResponse(response, decorator, maxBufferBytes, errorDispatch, observer, serverInfo(request));
        request.setAttribute(ACTIVE_ATTRIBUTE, wrapper);
        boolean returned = false;
        try {
            chain.doFilter(new AsyncCapturingRequest(request, wrapper), wrapper);
            returned = true;
        } finally {
            if (!returned) {
                wrapper.abandon();
            }
        }
        if (request.isAsyncStarted()) {
            request.getAsyncContext().addListener(new FinishOnComplete(wrapper));
        } else {
            wrapper.finish();
        }
    }

    /** Whether the request is excluded by path or by the application, or was on an earlier dispatch. */
    private boolean leftAlone(HttpServletRequest request, Object active) {
        return active == LEFT_ALONE || ChromeAttributes.optedOut(request) || active == null && excluded.matches(request);
    }

    private boolean startsDecoration(DispatcherType type, Object active) {
        return switch (type) {
            case ERROR -> decorateErrorPages;
            case INCLUDE -> false;
            default -> active == null;
        };
    }

    /** Whether the container completes the response when a dispatch of this type returns. */
    private static boolean endsResponse(DispatcherType type) {
        return type == DispatcherType.FORWARD || type == DispatcherType.ASYNC;
    }
}
