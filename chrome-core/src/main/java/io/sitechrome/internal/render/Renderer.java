package io.sitechrome.internal.render;

import com.github.mustachejava.Mustache;
import io.sitechrome.model.ChromeConfig;
import io.sitechrome.render.Component;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Renders components through their templates once per variant and keeps the result as
 * segments; every later request of the same variant only copies them. The variants visitors
 * share (which the configuration bounds) and those a visitor makes up (a custom consent choice,
 * dismissed banners: any number of them) are kept apart, each within a budget of characters.
 */
public final class Renderer {

    /** The output kept of variants visitors share; beyond it, new ones are rendered without being kept. */
    static final long MAX_SHARED_CHARS = 16L << 20;
    /** The output kept of variants visitors make up; beyond it, they are dropped and collected again. */
    static final long MAX_VISITOR_CHARS = 2L << 20;

    private final ChromeConfig config;
    private final TemplateSet templates;
    private final Assets assets;
    private final VariantCache shared = new VariantCache(MAX_SHARED_CHARS, false);
    private final VariantCache madeUp = new VariantCache(MAX_VISITOR_CHARS, true);
    private final LanguageFallbacks fallbacks = new LanguageFallbacks();
    /** Per component, the variant found last and its segments: most requests want the same one again. */
    private final AtomicReferenceArray<Found> lastFound = new AtomicReferenceArray<>(Component.values().length);

    /** A variant and its segments. */
    private record Found(Variant variant, Segments segments) {
    }

    /**
     * A renderer of one configuration.
     *
     * @param config    the configuration
     * @param templates its templates, built-in or overridden
     * @param assets    its stylesheet and scripts, whose names the templates link to
     */
    public Renderer(ChromeConfig config, TemplateSet templates, Assets assets) {
        this.config = config;
        this.templates = templates;
        this.assets = assets;
    }

    /**
     * Writes a component as a request sees it.
     *
     * @param component the component
     * @param facts     the resolved request
     * @param out       where the HTML goes
     * @throws IOException when {@code out} fails
     */
    public void render(Component component, RequestFacts facts, Appendable out) throws IOException {
        segments(component, facts).writeTo(out, facts.slotValues());
    }

    /**
     * The length a component's HTML has in UTF-8, without writing it.
     *
     * @param component the component
     * @param facts     the resolved request
     * @return the number of bytes {@link #render} writes in UTF-8
     */
    public long utf8Length(Component component, RequestFacts facts) {
        return segments(component, facts).utf8Length(facts.slotValues());
    }

    /** The characters the kept output costs. */
    long cachedChars() {
        return shared.chars() + madeUp.chars();
    }

    /**
     * The confirmation of a saved choice.
     *
     * @param facts the resolved request
     * @return the confirmation for this request's consent, as plain text; null without cookie settings
     */
    public String consentConfirmation(RequestFacts facts) {
        if (config.cookies() == null) return null;
        String text = LanguageMarks.strip(CookieBannerView.confirmation(
                new ViewContext(config, facts.variantFor(Component.COOKIE_BANNER), fallbacks)));
        StringBuilder out = new StringBuilder(text.length());
        try {
            Segments.of(text).writeTo(out, facts.slotValues());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private Segments segments(Component component, RequestFacts facts) {
        Found last = lastFound.get(component.ordinal());
        if (last != null && last.variant().equals(facts.variantFor(component))) return last.segments();
        Variant variant = facts.variantFor(component);
        VariantCache cache = facts.madeUpByVisitor(component) ? madeUp : shared;
        Segments segments = cache.get(variant);
        if (segments == null) {
            segments = compile(variant);
            cache.put(variant, segments);
        }
        lastFound.set(component.ordinal(), new Found(variant, segments));
        return segments;
    }

    /** Renders one variant through its template, without keeping it. */
    Segments compile(Variant variant) {
        ViewContext context = new ViewContext(config, variant, fallbacks);
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
        return Segments.of(LanguageMarks.resolve(out.toString()));
    }

    /** @return the texts rendered so far in another language than their page's: one line per locale (see {@link LanguageFallbacks}) */
    public List<String> languageFallbacks() {
        return fallbacks.summary(config.site().locales());
    }
}
