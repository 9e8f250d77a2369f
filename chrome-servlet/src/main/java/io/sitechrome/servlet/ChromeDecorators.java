package io.sitechrome.servlet;

import io.sitechrome.render.Chrome;
import io.sitechrome.render.ChromeRequest;
import io.sitechrome.render.Component;
import io.sitechrome.render.LiveChrome;
import io.sitechrome.render.PageChrome;
import io.sitechrome.render.Placement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives each request a decorator that renders the chrome of the configuration version in
 * service when the request arrived. Components go where the page's placeholders are, and
 * otherwise to their automatic places. With {@link ChromeSettings.Builder#esi(boolean)} and a
 * request from a cache that assembles ESI, the shared components become includes (see
 * {@link EdgeIncludes}).
 */
final class ChromeDecorators implements DecoratorFactory {

    private final LiveChrome live;
    private final ChromeSettings settings;
    private volatile EdgeIncludes edge;

    ChromeDecorators(LiveChrome live, ChromeSettings settings) {
        this.live = live;
        this.settings = settings;
    }

    @Override
    public PageDecorator forRequest(HttpServletRequest request) {
        ChromeContext existing = ChromeContext.of(request);
        ChromeContext context = existing != null ? existing : ChromeContext.create(live.current(), settings, request);
        if (settings.esi && EdgeIncludes.requested(request)) {
            return new EdgeDecorator(request, context);
        }
        return new SplicingDecorator(points -> insertions(context.chrome().forRequest(context.chromeRequest()), null, points));
    }

    /** The includes for {@code chrome}, worked out once per configuration version. */
    private EdgeIncludes edgeIncludes(Chrome chrome) {
        EdgeIncludes includes = edge;
        if (includes == null || includes.chrome() != chrome) {
            includes = new EdgeIncludes(chrome);
            edge = includes;
        }
        return includes;
    }

    /**
     * Decorates a page for a cache that assembles ESI: shared components as includes, the rest
     * inline, and {@code Surrogate-Control} on the response so that the cache processes it.
     */
    private final class EdgeDecorator implements PageDecorator {

        private final HttpServletRequest request;
        private final ChromeContext context;
        private final SplicingDecorator splicing;

        EdgeDecorator(HttpServletRequest request, ChromeContext context) {
            this.request = request;
            this.context = context;
            this.splicing = new SplicingDecorator(this::plan);
        }

        private Insertions plan(HtmlInsertionPoints points) {
            Chrome chrome = context.chrome();
            ChromeRequest chromeRequest = context.chromeRequest();
            PageChrome page = chrome.forRequest(chromeRequest);
            EdgeIncludes.Page includes = edgeIncludes(chrome)
                    .forPage(request, chromeRequest, page.locale().tag(), settings.countryHeader, settings.prefix);
            return insertions(page, includes, points);
        }

        @Override
        public String decorate(String page) {
            return splicing.decorate(page);
        }

        @Override
        public CharSequence decorate(String page, HttpServletResponse response) {
            CharSequence decorated = splicing.decorate(page, response);
            if (decorated != null) response.setHeader(EdgeIncludes.SURROGATE_CONTROL, EdgeIncludes.SURROGATE_CONTROL_ESI);
            return decorated;
        }
    }

    /** Every component rendered for {@code page}, or, where {@code includes} has one, its include tag. */
    private static Insertions insertions(PageChrome page, EdgeIncludes.Page includes, HtmlInsertionPoints points) {
        Map<String, Markup> placeholders = new HashMap<>();
        for (HtmlInsertionPoints.Placeholder placeholder : points.placeholders()) {
            Component component = Component.byId(placeholder.name());
            if (component != null) placeholders.put(placeholder.name(), new Rendered(page, includes, List.of(component)));
        }
        return new Insertions(automatic(page, includes, Placement.HEAD, placeholders),
                automatic(page, includes, Placement.BODY_START, placeholders),
                automatic(page, includes, Placement.BODY_END, placeholders), placeholders);
    }

    /** The components of {@code placement} that the page has no placeholder for, or null for none. */
    private static Markup automatic(PageChrome page, EdgeIncludes.Page includes, Placement placement, Map<String, Markup> placeholders) {
        List<Component> components = Component.at(placement);
        if (!placeholders.isEmpty()) {
            components = components.stream().filter(component -> !placeholders.containsKey(component.id())).toList();
        }
        return components.isEmpty() ? null : new Rendered(page, includes, components);
    }

    /** Components rendered straight into the decorated page, or where {@code includes} has one, their include tags. */
    private static final class Rendered implements Markup {

        private final PageChrome page;
        private final EdgeIncludes.Page includes;
        private final List<Component> components;

        Rendered(PageChrome page, EdgeIncludes.Page includes, List<Component> components) {
            this.page = page;
            this.includes = includes;
            this.components = components;
        }

        @Override
        public void appendTo(Appendable out) throws IOException {
            for (Component component : components) {
                String include = include(component);
                if (include != null) {
                    out.append(include);
                } else {
                    page.render(component, out);
                }
            }
        }

        @Override
        public long utf8Length() {
            long total = 0;
            for (Component component : components) {
                String include = include(component);
                long length = include != null ? PageCodec.encodedLength(include, StandardCharsets.UTF_8) : page.utf8Length(component);
                if (length < 0) return -1;
                total += length;
            }
            return total;
        }

        private String include(Component component) {
            return includes == null ? null : includes.include(component);
        }
    }
}
