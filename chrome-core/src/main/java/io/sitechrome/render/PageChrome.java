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

    /**
     * The site locale chosen for this request.
     *
     * @return the locale the chrome renders in: the nearest to the one asked for, or the site's default
     */
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

    /**
     * Renders one component into {@code out}.
     *
     * @param component the component to render
     * @param out       where its HTML is written
     * @throws IOException when {@code out} fails
     */
    public void render(Component component, Appendable out) throws IOException {
        renderer.render(component, facts, out);
    }

    /**
     * How many bytes {@link #render(Component, Appendable)} writes once encoded as UTF-8, known
     * without rendering (for a Content-Length); -1 when the markup holds an unpaired surrogate.
     *
     * @param component the component to measure
     * @return its length in bytes of UTF-8, or -1 as above
     */
    public long utf8Length(Component component) {
        return renderer.utf8Length(component, facts);
    }

    /**
     * Renders every component of {@code placement} into {@code out}, in page order.
     *
     * @param placement the place in the page
     * @param out       where the HTML is written
     * @throws IOException when {@code out} fails
     */
    public void render(Placement placement, Appendable out) throws IOException {
        for (Component component : Component.at(placement)) renderer.render(component, facts, out);
    }

    /**
     * Renders one component as a string.
     *
     * @param component the component to render
     * @return its HTML
     */
    public String render(Component component) {
        StringBuilder out = new StringBuilder(8192);
        try {
            render(component, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Renders every component of {@code placement} as one string, in page order.
     *
     * @param placement the place in the page
     * @return the components' HTML, one after the other
     */
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
