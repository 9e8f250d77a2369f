package io.sitechrome.internal.servlet;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;

/**
 * Sends the decorated page when the application calls {@link #complete()}, before the container
 * completes the response: Jetty 12 closes the output before it calls
 * {@code AsyncListener.onComplete}, so finishing there would be too late.
 */
final class CompletingAsyncContext implements AsyncContext {

    private static final System.Logger LOG = System.getLogger(CompletingAsyncContext.class.getName());

    private final AsyncContext delegate;
    private final DecoratingResponse response;

    CompletingAsyncContext(AsyncContext delegate, DecoratingResponse response) {
        this.delegate = delegate;
        this.response = response;
    }

    boolean wraps(AsyncContext context) {
        return delegate == context;
    }

    @Override
    public void complete() {
        try {
            response.finish();
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not send the decorated page", e);
        } finally {
            delegate.complete();
        }
    }

    @Override
    public ServletRequest getRequest() {
        return delegate.getRequest();
    }

    @Override
    public ServletResponse getResponse() {
        return delegate.getResponse();
    }

    @Override
    public boolean hasOriginalRequestAndResponse() {
        return delegate.hasOriginalRequestAndResponse();
    }

    @Override
    public void dispatch() {
        delegate.dispatch();
    }

    @Override
    public void dispatch(String path) {
        delegate.dispatch(path);
    }

    @Override
    public void dispatch(ServletContext context, String path) {
        delegate.dispatch(context, path);
    }

    @Override
    public void start(Runnable run) {
        delegate.start(run);
    }

    @Override
    public void addListener(AsyncListener listener) {
        delegate.addListener(new Listener(listener));
    }

    @Override
    public void addListener(AsyncListener listener, ServletRequest servletRequest, ServletResponse servletResponse) {
        delegate.addListener(new Listener(listener), servletRequest, servletResponse);
    }

    @Override
    public <T extends AsyncListener> T createListener(Class<T> clazz) throws ServletException {
        return delegate.createListener(clazz);
    }

    @Override
    public void setTimeout(long timeout) {
        delegate.setTimeout(timeout);
    }

    @Override
    public long getTimeout() {
        return delegate.getTimeout();
    }

    /** Hands the application's listener events that carry this context, so its {@code complete()} finishes. */
    private final class Listener implements AsyncListener {

        private final AsyncListener listener;

        Listener(AsyncListener listener) {
            this.listener = listener;
        }

        @Override
        public void onComplete(AsyncEvent event) throws IOException {
            listener.onComplete(ours(event));
        }

        @Override
        public void onTimeout(AsyncEvent event) throws IOException {
            listener.onTimeout(ours(event));
        }

        @Override
        public void onError(AsyncEvent event) throws IOException {
            listener.onError(ours(event));
        }

        @Override
        public void onStartAsync(AsyncEvent event) throws IOException {
            listener.onStartAsync(ours(event));
        }

        private AsyncEvent ours(AsyncEvent event) {
            return new AsyncEvent(CompletingAsyncContext.this, event.getSuppliedRequest(),
                event.getSuppliedResponse(), event.getThrowable());
        }
    }
}
