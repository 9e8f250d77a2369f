package io.sitechrome.freemarker;

import freemarker.core.Environment;
import freemarker.ext.jakarta.servlet.HttpRequestHashModel;
import freemarker.template.Configuration;
import freemarker.template.TemplateDirectiveBody;
import freemarker.template.TemplateDirectiveModel;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;
import io.sitechrome.render.Component;
import io.sitechrome.servlet.TemplateChrome;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The site chrome in FreeMarker 2.3 templates, as a shared variable named {@code chrome}:
 *
 * <pre>{@code
 * <head> ... <@chrome.head/></head>
 * <body>
 *   <@chrome.cookieBanner/><@chrome.skipLink/><@chrome.banners/><@chrome.header/>
 *   <main id="main"> ... <@chrome.allows category="analytics">...</@chrome.allows></main>
 *   <@chrome.footer/><@chrome.scripts/>
 * </body>
 * }</pre>
 *
 * <p>Each component directive writes what {@link TemplateChrome} gives for the request (the
 * filter's placeholder when {@code ChromeFilter} decorates the page, otherwise the rendered
 * component); {@code allows} writes its body only when the visitor's consent allows the category.
 * The request is the one behind the data model's {@code Request} variable, which Spring's
 * {@code FreeMarkerView} and FreeMarker's {@code FreemarkerServlet} (Jakarta) provide.
 */
public final class ChromeDirectives implements TemplateHashModel {

    /** The name templates use: {@code <@chrome.header/>}. */
    public static final String NAME = "chrome";

    private static final String REQUEST = "Request";

    private final TemplateChrome chrome;
    private final Map<String, TemplateModel> directives = new LinkedHashMap<>();

    /** Directives that find the {@link TemplateChrome} published in each request's servlet context. */
    public ChromeDirectives() {
        this(null);
    }

    /**
     * Directives that render through {@code chrome}.
     *
     * @param chrome the template chrome to use, or null to look it up in each request's servlet context
     */
    public ChromeDirectives(TemplateChrome chrome) {
        this.chrome = chrome;
        directives.put("head", component(Component.HEAD));
        directives.put("cookieBanner", component(Component.COOKIE_BANNER));
        directives.put("skipLink", component(Component.SKIP_LINK));
        directives.put("banners", component(Component.BANNERS));
        directives.put("header", component(Component.HEADER));
        directives.put("footer", component(Component.FOOTER));
        directives.put("scripts", component(Component.SCRIPTS));
        directives.put("allows", (TemplateDirectiveModel) this::allows);
    }

    /**
     * Makes the directives available to every template of {@code configuration} as {@code chrome}.
     *
     * @param configuration the application's FreeMarker configuration
     * @param chrome the template chrome to use, or null to look it up in each request's servlet context
     */
    public static void register(Configuration configuration, TemplateChrome chrome) {
        configuration.setSharedVariable(NAME, new ChromeDirectives(chrome));
    }

    @Override
    public TemplateModel get(String key) {
        return directives.get(key);
    }

    @Override
    public boolean isEmpty() {
        return false;
    }

    private TemplateDirectiveModel component(Component component) {
        return (env, params, loopVars, body) -> {
            HttpServletRequest request = request(env);
            env.getOut().write(chrome(request).component(request, component));
        };
    }

    private void allows(Environment env, Map<?, ?> params, TemplateModel[] loopVars, TemplateDirectiveBody body)
            throws TemplateModelException, IOException, freemarker.template.TemplateException {
        if (!(params.get("category") instanceof TemplateScalarModel category)) {
            throw new TemplateModelException("<@chrome.allows> needs category=\"...\", a cookie category id");
        }
        HttpServletRequest request = request(env);
        if (body != null && chrome(request).allows(request, category.getAsString().trim())) body.render(env.getOut());
    }

    private TemplateChrome chrome(HttpServletRequest request) {
        return chrome != null ? chrome : TemplateChrome.of(request.getServletContext());
    }

    private static HttpServletRequest request(Environment env) throws TemplateModelException {
        if (env.getVariable(REQUEST) instanceof HttpRequestHashModel model) return model.getRequest();
        throw new TemplateModelException("<@chrome...> needs the servlet request in the data model as \"Request\""
                + " (Spring's FreeMarkerView and freemarker.ext.jakarta.servlet.FreemarkerServlet put it there)");
    }
}
