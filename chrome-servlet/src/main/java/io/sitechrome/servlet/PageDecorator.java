package io.sitechrome.servlet;

/** Decorates one complete page. Called at most once per response, after the body is complete. */
@FunctionalInterface
interface PageDecorator {

    /** Returns the decorated page, or null to send the page unchanged. */
    String decorate(String page);
}
