package io.sitechrome.servlet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletContainerInitializer;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An embedded servlet container that runs a {@link WebApp} on an ephemeral port, for tests that
 * must hold on every supported container.
 */
interface EmbeddedContainer extends AutoCloseable {

    String name();

    /** Deploys the app at the root context, starts the container and returns its base URI. */
    URI start(WebApp app) throws Exception;

    @Override
    void close() throws Exception;

    static EmbeddedContainer jetty() {
        return new JettyContainer();
    }

    static EmbeddedContainer tomcat() {
        return new TomcatContainer();
    }

    /** A container-neutral web application: servlets, filters, error pages, context parameters and initializers. */
    final class WebApp {

        record ServletMapping(String name, Servlet servlet, List<String> patterns) {
        }

        record FilterMapping(String name, Filter filter, List<String> patterns, Set<DispatcherType> dispatcherTypes) {
        }

        record ErrorPage(int status, String location) {
        }

        private final List<ServletMapping> servlets = new ArrayList<>();
        private final List<FilterMapping> filters = new ArrayList<>();
        private final List<ErrorPage> errorPages = new ArrayList<>();
        private final Map<String, String> contextParams = new LinkedHashMap<>();
        private final List<ServletContainerInitializer> initializers = new ArrayList<>();

        /** Adds an async-supported servlet. */
        WebApp servlet(String name, Servlet servlet, String... patterns) {
            servlets.add(new ServletMapping(name, servlet, List.of(patterns)));
            return this;
        }

        /** Adds an async-supported filter for every dispatcher type, in declaration order. */
        WebApp filter(String name, Filter filter, String... patterns) {
            filters.add(new FilterMapping(name, filter, List.of(patterns), EnumSet.allOf(DispatcherType.class)));
            return this;
        }

        WebApp errorPage(int status, String location) {
            errorPages.add(new ErrorPage(status, location));
            return this;
        }

        /** A context parameter ({@code <context-param>}). */
        WebApp contextParam(String name, String value) {
            contextParams.put(name, value);
            return this;
        }

        /** A {@link ServletContainerInitializer} run when the context starts, as if found by the container. */
        WebApp initializer(ServletContainerInitializer initializer) {
            initializers.add(initializer);
            return this;
        }

        Map<String, String> contextParams() {
            return contextParams;
        }

        List<ServletContainerInitializer> initializers() {
            return initializers;
        }

        List<ServletMapping> servlets() {
            return servlets;
        }

        List<FilterMapping> filters() {
            return filters;
        }

        List<ErrorPage> errorPages() {
            return errorPages;
        }
    }
}
