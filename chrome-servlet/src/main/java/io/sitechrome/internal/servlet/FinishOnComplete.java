package io.sitechrome.internal.servlet;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import java.io.IOException;

/** Finishes an async response when its async cycle completes. */
public final class FinishOnComplete implements AsyncListener {

    private final DecoratingResponse response;

    /**
     * A listener that finishes a decorating response when its async request completes.
     *
     * @param response the response to finish
     */
    public FinishOnComplete(DecoratingResponse response) {
        this.response = response;
    }

    @Override
    public void onComplete(AsyncEvent event) throws IOException {
        response.finish();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        event.getAsyncContext().addListener(this);
    }

    @Override
    public void onTimeout(AsyncEvent event) {
    }

    @Override
    public void onError(AsyncEvent event) {
    }
}
