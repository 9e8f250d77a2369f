package io.sitechrome.internal.servlet;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collections;
import java.util.Enumeration;

/**
 * Routes async processing through the decorating response: a plain {@code startAsync()} hands the
 * decorating response to the async context, and the context the application gets sends the
 * decorated page when it calls {@code complete()}. For a document request it also hides the
 * conditional and range headers (see {@link CachedValidators}).
 */
public final class AsyncCapturingRequest extends HttpServletRequestWrapper {

    private final DecoratingResponse response;
    private final boolean hidesConditionals;
    private CompletingAsyncContext asyncContext;

    /**
     * Wraps a request whose response is being decorated.
     *
     * @param request  the request
     * @param response its decorating response, finished when an async request completes
     */
    public AsyncCapturingRequest(HttpServletRequest request, DecoratingResponse response) {
        super(request);
        this.response = response;
        this.hidesConditionals = CachedValidators.hidesConditionals(request);
    }

    @Override
    public String getHeader(String name) {
        return hidden(name) ? null : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
    }

    @Override
    public long getDateHeader(String name) {
        return hidden(name) ? -1 : super.getDateHeader(name);
    }

    @Override
    public int getIntHeader(String name) {
        return hidden(name) ? -1 : super.getIntHeader(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        Enumeration<String> names = super.getHeaderNames();
        if (!hidesConditionals || names == null) return names;
        return Collections.enumeration(Collections.list(names).stream().filter(name -> !hidden(name)).toList());
    }

    private boolean hidden(String name) {
        return hidesConditionals && CachedValidators.isConditional(name);
    }

    @Override
    public AsyncContext startAsync() {
        return startAsync(this, response);
    }

    @Override
    public AsyncContext startAsync(ServletRequest servletRequest, ServletResponse servletResponse) {
        asyncContext = new CompletingAsyncContext(super.startAsync(servletRequest, servletResponse), response);
        return asyncContext;
    }

    @Override
    public AsyncContext getAsyncContext() {
        AsyncContext context = super.getAsyncContext();
        return asyncContext != null && asyncContext.wraps(context) ? asyncContext : context;
    }
}
