package io.sitechrome.servlet;

import io.sitechrome.internal.servlet.DecoratorFactory;
import io.sitechrome.internal.servlet.PageDecorator;
import io.sitechrome.render.Chrome;
import io.sitechrome.render.Component;
import io.sitechrome.render.LiveChrome;
import io.sitechrome.render.PageChrome;
import io.sitechrome.render.Placement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.List;

/**
 * Gives each request a decorator that renders the chrome of the configuration version in
 * service when the request arrived. Each component is placed once: where the page's first
 * placeholder for it is, if that comes before its automatic place is written, and otherwise at
 * its automatic place; later placeholders for it stay as they are. With
 * {@link ChromeSettings.Builder#esi(boolean)}, a request from a cache that assembles ESI and a
 * UTF-8 page, the shared components become includes (see {@link EdgeIncludes}); a page in
 * another charset gets them inline, where characters its charset lacks become references.
 */
final class ChromeDecorators implements DecoratorFactory {

    private static final String CONTENT_LANGUAGE = "Content-Language";

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
        return new ChromePage(request, context, settings.esi && EdgeIncludes.requested(request));
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

    /** The chrome of one page view, rendered straight into the page as it is written. */
    private final class ChromePage implements PageDecorator {

        private final HttpServletRequest request;
        private final ChromeContext context;
        private boolean esi;
        private PageChrome page;
        private EdgeIncludes.Page includes;
        private int placed;
        private HttpServletResponse decorated;

        ChromePage(HttpServletRequest request, ChromeContext context, boolean esi) {
            this.request = request;
            this.context = context;
            this.esi = esi;
        }

        @Override
        public boolean fills(String placeholder) {
            Component component = Component.byId(placeholder);
            if (component == null || isPlaced(component)) return false;
            placed |= 1 << component.ordinal();
            return true;
        }

        @Override
        public boolean wanted() {
            return !ChromeAttributes.optedOut(request);
        }

        /** The skip link's in-page target, such as {@code main} for {@code #main}. */
        @Override
        public String skipTarget() {
            String target = context.chrome().config().skipLink().target();
            return target != null && target.startsWith("#") && target.length() > 1 ? target.substring(1) : null;
        }

        @Override
        public void decorating(HttpServletResponse response, Charset charset) {
            esi &= StandardCharsets.UTF_8.equals(charset);
            if (esi) response.setHeader(EdgeIncludes.SURROGATE_CONTROL, EdgeIncludes.SURROGATE_CONTROL_ESI);
            decorated = response;
            agreeContentLanguage();
        }

        @Override
        public void localeSet(Locale locale) {
            context.responseLocale(locale);
            if (decorated != null) agreeContentLanguage();
        }

        /**
         * Makes the Content-Language the application set name the chrome's language too: it stays
         * when it is that language (de-AT for a chrome in de), and otherwise lists both (the page
         * is in two languages). Without one, the application said nothing and neither does the chrome.
         */
        private void agreeContentLanguage() {
            Locale app = context.responseLocale();
            if (app == null || app.getLanguage().isEmpty()) return;
            String spoken = page().locale().tag();
            String language = spoken.indexOf('-') < 0 ? spoken : spoken.substring(0, spoken.indexOf('-'));
            if (!app.getLanguage().equalsIgnoreCase(language)) {
                unsetLocale(decorated);
                decorated.setHeader(CONTENT_LANGUAGE, app.toLanguageTag() + ", " + spoken);
            }
        }

        /**
         * Takes the application's locale off the container's response, since Tomcat sends a locale's
         * Content-Language over the header; the charset a container may have derived from it stays.
         */
        private static void unsetLocale(HttpServletResponse response) {
            String type = response.getContentType();
            response.setLocale(null);
            if (type != null && !type.equals(response.getContentType())) response.setContentType(type);
        }

        @Override
        public void write(Point point, String placeholder, Appendable out) throws IOException {
            if (point == Point.PLACEHOLDER) {
                render(Component.byId(placeholder), out);
                return;
            }
            List<Component> components = components(point);
            for (int i = 0; i < components.size(); i++) {
                Component component = components.get(i);
                if (!isPlaced(component)) {
                    placed |= 1 << component.ordinal();
                    render(component, out);
                }
            }
        }

        /** The sum of what {@link PageChrome#utf8Length} knows of the components {@link #write} would render; -1 with includes. */
        @Override
        public long utf8Length(Point point, String placeholder) {
            PageChrome page = page();
            if (includes != null) return -1;
            if (point == Point.PLACEHOLDER) return page.utf8Length(Component.byId(placeholder));
            List<Component> components = components(point);
            long total = 0;
            for (int i = 0; i < components.size(); i++) {
                Component component = components.get(i);
                if (isPlaced(component)) continue;
                long bytes = page.utf8Length(component);
                if (bytes < 0) return -1;
                total += bytes;
            }
            return total;
        }

        /** The components whose automatic place is {@code point} (not a placeholder), in page order. */
        private static List<Component> components(Point point) {
            return Component.at(switch (point) {
                case HEAD -> Placement.HEAD;
                case BODY_START -> Placement.BODY_START;
                default -> Placement.BODY_END;
            });
        }

        private boolean isPlaced(Component component) {
            return (placed & 1 << component.ordinal()) != 0;
        }

        /** The chrome of this page view, fixed (its locale included) the first time it is needed. */
        private PageChrome page() {
            if (page == null) {
                page = context.chrome().forRequest(context.chromeRequest());
                if (esi) {
                    includes = edgeIncludes(context.chrome()).forPage(request, context.chromeRequest(), page.locale().tag(),
                        settings.countryHeader, settings.prefix);
                }
            }
            return page;
        }

        private void render(Component component, Appendable out) throws IOException {
            PageChrome page = page();
            String include = includes == null ? null : includes.include(component);
            if (include != null) {
                out.append(include);
            } else {
                page.render(component, out);
            }
        }
    }
}
