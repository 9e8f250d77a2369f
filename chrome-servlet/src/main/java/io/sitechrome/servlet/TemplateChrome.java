package io.sitechrome.servlet;

import io.sitechrome.model.SiteLocale;
import io.sitechrome.render.Component;
import io.sitechrome.render.LiveChrome;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The chrome as template engines see it: what {@code <chrome:header/>} and its siblings (the
 * Thymeleaf dialect, the JSP tags, the FreeMarker directives) write for one request, and
 * whether {@code chrome:allows} shows its content.
 *
 * <p>When {@link ChromeFilter} decorates the request, a component becomes its placeholder
 * ({@code <!--chrome:header-->}), which the filter fills; so each component ends up in the page
 * exactly once, where the template put it. (A response the filter leaves alone, such as one over
 * its buffer cap, keeps the placeholders as HTML comments.) Without the filter, the component is
 * rendered here, for the request's visitor, locale and consent, from the configuration this object
 * was given.
 *
 * <p>Template integrations find it with {@link #of(ServletContext)}: an application without the
 * filter {@link #publish(ServletContext) publishes} one (the Spring Boot starter does); with the
 * filter, nothing needs publishing.
 */
public final class TemplateChrome {

    /** The servlet context attribute holding the published instance. */
    public static final String ATTRIBUTE = TemplateChrome.class.getName();

    /** Set on requests whose {@link ChromeContext} was made here rather than by the filter. */
    private static final String OWN_CONTEXT = TemplateChrome.class.getName() + ".context";

    private static final TemplateChrome FILTER_ONLY = new TemplateChrome(null, null);

    private final LiveChrome chrome;
    private final ChromeSettings settings;

    /**
     * Components rendered from {@code chrome} with {@code settings} (visitor resolver, prefix,
     * country header) for requests the filter does not decorate.
     *
     * @param chrome the configuration in service
     * @param settings the settings the components are rendered with
     */
    public TemplateChrome(LiveChrome chrome, ChromeSettings settings) {
        this.chrome = chrome;
        this.settings = settings;
    }

    /**
     * The instance published in {@code context}, or one that only writes placeholders for the filter.
     *
     * @param context the application's servlet context
     * @return the template chrome for that application, never null
     */
    public static TemplateChrome of(ServletContext context) {
        return context != null && context.getAttribute(ATTRIBUTE) instanceof TemplateChrome published ? published : FILTER_ONLY;
    }

    /**
     * Makes this instance the one {@link #of(ServletContext)} finds in {@code context}.
     *
     * @param context the application's servlet context
     */
    public void publish(ServletContext context) {
        context.setAttribute(ATTRIBUTE, this);
    }

    /**
     * The markup that stands for {@code component} in the page of {@code request}.
     *
     * @param request the request whose page is being written
     * @param component the component the template names
     * @return the placeholder when the filter decorates the request, otherwise the rendered component
     * @throws IllegalStateException when neither the filter runs nor an instance with a configuration was published
     */
    public String component(HttpServletRequest request, Component component) {
        if (decoratedByFilter(request)) return placeholder(component);
        return context(request).page().render(component);
    }

    /**
     * Whether the visitor of {@code request} allows cookie category {@code category} (required
     * categories always; optional ones only after consent).
     *
     * @param request the request whose page is being written
     * @param category a cookie category id of the configuration
     * @return whether content of that category may be shown
     */
    public boolean allows(HttpServletRequest request, String category) {
        return context(request).allows(category);
    }

    /**
     * The site locale the chrome speaks on the page of {@code request}, for the page's own
     * {@code <html lang dir>}.
     *
     * @param request the request whose page is being written
     * @return the chrome's locale for the request, as things stand now
     */
    public SiteLocale locale(HttpServletRequest request) {
        return context(request).locale();
    }

    /**
     * The placeholder {@link ChromeFilter} replaces with {@code component}.
     *
     * @param component a component
     * @return {@code <!--chrome:ID-->}
     */
    public static String placeholder(Component component) {
        return "<!--chrome:" + component.id() + "-->";
    }

    private static boolean decoratedByFilter(HttpServletRequest request) {
        return ChromeContext.of(request) != null && request.getAttribute(OWN_CONTEXT) == null;
    }

    /** The filter's context for the request, or one made here (once per request) from this configuration. */
    private ChromeContext context(HttpServletRequest request) {
        ChromeContext existing = ChromeContext.of(request);
        if (existing != null) return existing;
        if (chrome == null) {
            throw new IllegalStateException("site-chrome: a chrome tag was used on a request that ChromeFilter does not"
                    + " handle, and no TemplateChrome is published in the servlet context (" + ATTRIBUTE + ")");
        }
        request.setAttribute(OWN_CONTEXT, Boolean.TRUE);
        return ChromeContext.create(chrome.current(), settings, request);
    }
}
