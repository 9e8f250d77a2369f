package io.sitechrome.thymeleaf;

import io.sitechrome.render.Component;
import io.sitechrome.servlet.TemplateChrome;
import java.util.LinkedHashSet;
import java.util.Set;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.standard.processor.StandardXmlNsTagProcessor;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * The site chrome in Thymeleaf 3.1 web templates. Declare the namespace
 * {@code xmlns:chrome="https://sitechrome.io/thymeleaf"} and put the components where the layout
 * wants them:
 *
 * <pre>{@code
 * <head> ... <chrome:head/></head>
 * <body>
 *   <chrome:cookie-banner/><chrome:skip-link/><chrome:banners/><chrome:header/>
 *   <main id="main"> ... <p chrome:allows="analytics">Shown after consent to analytics.</p></main>
 *   <chrome:footer/><chrome:scripts/>
 * </body>
 * }</pre>
 *
 * <p>Each element is replaced by what {@link TemplateChrome} gives for the request: the filter's
 * placeholder when {@code ChromeFilter} decorates the page, otherwise the rendered component.
 * {@code chrome:allows="category"} keeps its element only when the visitor's consent allows the
 * category. The {@code xmlns:chrome} declaration is removed, so no {@code chrome:} syntax reaches
 * the browser. Templates must be processed in a web context (an {@code IWebContext} over a
 * Jakarta servlet exchange), as Spring MVC and {@code JakartaServletWebApplication} make them.
 */
public final class ChromeDialect extends AbstractProcessorDialect {

    /** The dialect's namespace URI, for {@code xmlns:chrome}. */
    public static final String NAMESPACE = "https://sitechrome.io/thymeleaf";
    /** The dialect's prefix. */
    public static final String PREFIX = "chrome";
    /** After Thymeleaf's standard processors, so {@code th:if} and friends run first. */
    private static final int PRECEDENCE = 1100;

    private final TemplateChrome chrome;

    /** A dialect that finds the {@link TemplateChrome} published in each request's servlet context. */
    public ChromeDialect() {
        this(null);
    }

    /**
     * A dialect that renders through {@code chrome}.
     *
     * @param chrome the template chrome to use, or null to look it up in each request's servlet context
     */
    public ChromeDialect(TemplateChrome chrome) {
        super("Site chrome", PREFIX, PRECEDENCE);
        this.chrome = chrome;
    }

    @Override
    public Set<IProcessor> getProcessors(String dialectPrefix) {
        Set<IProcessor> processors = new LinkedHashSet<>();
        for (Component component : Component.values()) {
            processors.add(new ComponentElementProcessor(dialectPrefix, component, chrome));
        }
        processors.add(new AllowsAttributeProcessor(dialectPrefix, chrome));
        processors.add(new StandardXmlNsTagProcessor(TemplateMode.HTML, dialectPrefix));
        return processors;
    }
}
