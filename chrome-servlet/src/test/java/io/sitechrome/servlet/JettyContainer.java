package io.sitechrome.servlet;

import java.net.URI;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** Jetty 12, ee10 environment. */
final class JettyContainer implements EmbeddedContainer {

    private Server server;

    @Override
    public String name() {
        return "jetty";
    }

    @Override
    public URI start(WebApp app) throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setPort(0);
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler("/");
        app.contextParams().forEach(context::setInitParameter);
        app.initializers().forEach(context::addServletContainerInitializer);
        for (WebApp.ServletMapping mapping : app.servlets()) {
            ServletHolder holder = new ServletHolder(mapping.name(), mapping.servlet());
            holder.setAsyncSupported(true);
            for (String pattern : mapping.patterns()) {
                context.addServlet(holder, pattern);
            }
        }
        for (WebApp.FilterMapping mapping : app.filters()) {
            FilterHolder holder = new FilterHolder(mapping.filter());
            holder.setName(mapping.name());
            holder.setAsyncSupported(true);
            for (String pattern : mapping.patterns()) {
                context.addFilter(holder, pattern, EnumSet.copyOf(mapping.dispatcherTypes()));
            }
        }
        ErrorPageErrorHandler errors = new ErrorPageErrorHandler();
        for (WebApp.ErrorPage page : app.errorPages()) {
            errors.addErrorPage(page.status(), page.location());
        }
        context.setErrorHandler(errors);

        server.setHandler(context);
        server.start();
        return URI.create("http://localhost:" + connector.getLocalPort() + "/");
    }

    @Override
    public void close() throws Exception {
        if (server != null) {
            server.stop();
        }
    }
}
