package io.sitechrome.internal.servlet;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Gives the filter, once per request and before the application runs, the decorator for that
 * request. It should only capture what it needs from the request (locale, user, path) and leave
 * rendering to {@link PageDecorator#write}, which runs only for pages that are decorated.
 */
@FunctionalInterface
public interface DecoratorFactory {

    /**
     * The decorator of a request.
     *
     * @param request the request
     * @return the decorator for this request, or null to leave the response alone
     */
    PageDecorator forRequest(HttpServletRequest request);
}
