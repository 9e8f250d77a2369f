package io.sitechrome.servlet;

import jakarta.servlet.http.HttpServletResponse;

/** Decorates one complete page. Called at most once per response, after the body is complete. */
@FunctionalInterface
interface PageDecorator {

    /** Returns the decorated page, or null to send the page unchanged. */
    String decorate(String page);

    /**
     * As {@link #decorate(String)}, for a decorator that also sets response headers that go with
     * the decorated page; {@code response} is not committed yet. The result is only read, once,
     * so it need not be a String.
     */
    default CharSequence decorate(String page, HttpServletResponse response) {
        return decorate(page);
    }

    /**
     * As {@link #decorate(String, HttpServletResponse)}, as a page to be measured and written out,
     * which a decorator can do without building it first; null to send the page unchanged.
     */
    default DecoratedPage decoratedPage(String page, HttpServletResponse response) {
        CharSequence decorated = decorate(page, response);
        return decorated == null ? null : DecoratedPage.of(decorated);
    }
}
