package io.sitechrome.render;

import io.sitechrome.internal.render.Renderer;
import io.sitechrome.internal.render.RequestFacts;
import io.sitechrome.model.SiteLocale;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The chrome of one page view: a request resolved once, ready to render any component.
 * Cheap to create; not meant to outlive the request.
 */
public final class PageChrome {

    private final Renderer renderer;
    private final RequestFacts facts;

    PageChrome(Renderer renderer, RequestFacts facts) {
        this.renderer = renderer;
        this.facts = facts;
    }

    /** The site locale chosen for this request. */
    public SiteLocale locale() {
        return facts.locale();
    }

    /**
     * The confirmation shown after a choice is saved, saying what this request's consent allows
     * ("You accepted all cookies.", or the optional categories by name), in its locale.
     *
     * @return plain text (not HTML), or null when the site has no cookie settings
     */
    public String consentConfirmation() {
        return renderer.consentConfirmation(facts);
    }

    public void render(Component component, Appendable out) throws IOException {
        renderer.render(component, facts, out);
    }

    /**
     * How many bytes {@link #render(Component, Appendable)} writes once encoded as UTF-8, known
     * without rendering (for a Content-Length); -1 when the markup holds an unpaired surrogate.
     */
    public long utf8Length(Component component) {
        return renderer.utf8Length(component, facts);
    }

    /** Every component of {@code placement}, in page order. */
    public void render(Placement placement, Appendable out) throws IOException {
        for (Component component : Component.at(placement)) renderer.render(component, facts, out);
    }

    public String render(Component component) {
        StringBuilder out = new StringBuilder(8192);
        try {
            render(component, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public String render(Placement placement) {
        StringBuilder out = new StringBuilder(16384);
        try {
            render(placement, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
