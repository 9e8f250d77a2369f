package io.sitechrome.servlet;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * Routes async processing through the decorating response: a plain {@code startAsync()} hands the
 * decorating response to the async context, and the context the application gets sends the
 * decorated page when it calls {@code complete()}.
 */
final class AsyncCapturingRequest extends HttpServletRequestWrapper {

    private final DecoratingResponseWrapper response;
    private CompletingAsyncContext asyncContext;

    AsyncCapturingRequest(HttpServletRequest request, DecoratingResponseWrapper response) {
        super(request);
        this.response = response;
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
