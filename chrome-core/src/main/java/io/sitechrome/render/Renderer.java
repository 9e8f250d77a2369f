package io.sitechrome.render;

import com.github.mustachejava.Mustache;
import io.sitechrome.model.ChromeConfig;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders components through their templates once per variant and keeps the result as
 * segments; every later request of the same variant only copies them.
 */
final class Renderer {

    /** Beyond this many variants, new ones are rendered without being kept. */
    static final int MAX_CACHED_VARIANTS = 20_000;

    private final ChromeConfig config;
    private final TemplateSet templates;
    private final Assets assets;
    private final ConcurrentHashMap<Variant, Segments> cache = new ConcurrentHashMap<>();

    Renderer(ChromeConfig config, TemplateSet templates, Assets assets) {
        this.config = config;
        this.templates = templates;
        this.assets = assets;
    }

    void render(Component component, RequestFacts facts, Appendable out) throws IOException {
        segments(component, facts).writeTo(out, facts.slotValues());
    }

    long utf8Length(Component component, RequestFacts facts) {
        return segments(component, facts).utf8Length(facts.slotValues());
    }

    /** The confirmation of a saved choice for this request's consent, as plain text; null without cookie settings. */
    String consentConfirmation(RequestFacts facts) {
        if (config.cookies() == null) return null;
        String text = CookieBannerView.confirmation(new ViewContext(config, facts.variantFor(Component.COOKIE_BANNER)));
        StringBuilder out = new StringBuilder(text.length());
        try {
            Segments.of(text).writeTo(out, facts.slotValues());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private Segments segments(Component component, RequestFacts facts) {
        Variant variant = facts.variantFor(component);
        Segments segments = cache.get(variant);
        if (segments == null) {
            segments = compile(variant);
            if (cache.size() < MAX_CACHED_VARIANTS) cache.putIfAbsent(variant, segments);
        }
        return segments;
    }

    private Segments compile(Variant variant) {
        ViewContext context = new ViewContext(config, variant);
        Object view = switch (variant.component()) {
            case HEAD -> HeadView.of(context, assets);
            case COOKIE_BANNER -> CookieBannerView.of(context);
            case SKIP_LINK -> SkipLinkView.of(context);
            case BANNERS -> BannersView.of(context);
            case HEADER -> HeaderView.of(context);
            case FOOTER -> FooterView.of(context);
            case SCRIPTS -> ScriptsView.of(context, assets);
        };
        if (view == null) return Segments.of("");
        Mustache template = templates.get(variant.component());
        StringWriter out = new StringWriter(4096);
        template.execute(out, view);
        return Segments.of(out.toString());
    }
}
