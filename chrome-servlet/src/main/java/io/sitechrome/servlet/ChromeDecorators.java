package io.sitechrome.servlet;

import io.sitechrome.render.Chrome;
import io.sitechrome.render.Component;
import io.sitechrome.render.LiveChrome;
import io.sitechrome.render.PageChrome;
import io.sitechrome.render.Placement;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Gives each request a decorator that renders the chrome of the configuration version in
 * service when the request arrived. Components go where the page's placeholders are, and
 * otherwise to their automatic places.
 */
final class ChromeDecorators implements DecoratorFactory {

    private final LiveChrome live;
    private final ChromeSettings settings;

    ChromeDecorators(LiveChrome live, ChromeSettings settings) {
        this.live = live;
        this.settings = settings;
    }

    @Override
    public PageDecorator forRequest(HttpServletRequest request) {
        ChromeContext existing = ChromeContext.of(request);
        ChromeContext context = existing != null ? existing : ChromeContext.create(live.current(), settings, request);
        return new SplicingDecorator(points -> insertions(context.chrome(), context, points));
    }

    private static Insertions insertions(Chrome chrome, ChromeContext context, HtmlInsertionPoints points) {
        PageChrome page = chrome.forRequest(context.chromeRequest());
        Map<String, String> placeholders = new HashMap<>();
        for (HtmlInsertionPoints.Placeholder placeholder : points.placeholders()) {
            Component component = Component.byId(placeholder.name());
            if (component != null) placeholders.put(placeholder.name(), page.render(component));
        }
        Map<Placement, StringBuilder> automatic = new EnumMap<>(Placement.class);
        for (Placement placement : Placement.values()) automatic.put(placement, new StringBuilder(placement == Placement.HEAD ? 128 : 16384));
        try {
            for (Component component : Component.values()) {
                if (!placeholders.containsKey(component.id())) page.render(component, automatic.get(component.placement()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Insertions(automatic.get(Placement.HEAD).toString(), automatic.get(Placement.BODY_START).toString(),
                automatic.get(Placement.BODY_END).toString(), placeholders);
    }
}
