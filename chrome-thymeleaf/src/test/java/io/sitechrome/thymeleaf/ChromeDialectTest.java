package io.sitechrome.thymeleaf;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.sitechrome.render.Chrome;
import io.sitechrome.render.LiveChrome;
import io.sitechrome.servlet.ChromeFilter;
import io.sitechrome.servlet.ChromeSettings;
import io.sitechrome.servlet.TemplateChrome;
import io.sitechrome.servlet.TemplateEngineScenario;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.nio.file.Path;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dialect on plain Thymeleaf 3.1 in Jetty 12, over HTTP: under {@code /decorated} with
 * {@link ChromeFilter} (the elements become placeholders the filter fills), under {@code /rendered}
 * without it (the dialect renders through a published {@link TemplateChrome}).
 */
@Timeout(60)
class ChromeDialectTest extends TemplateEngineScenario {

    @TempDir
    static Path dir;
    private static Server server;
    private static LiveChrome chrome;
    private static URI base;

    @BeforeAll
    static void start() throws Exception {
        Path config = configIn(dir);
        ChromeSettings settings = ChromeSettings.builder().config(config).build();
        chrome = LiveChrome.fixed(Chrome.load(config));

        ServletContextHandler decorated = new ServletContextHandler("/decorated");
        decorated.addServlet(PageServlet.class, "/page");
        decorated.addFilter(new FilterHolder(new ChromeFilter(chrome, settings)), "/*", EnumSet.allOf(DispatcherType.class));

        ServletContextHandler rendered = new ServletContextHandler("/rendered");
        rendered.addServlet(PageServlet.class, "/page");
        rendered.addEventListener(new jakarta.servlet.ServletContextListener() {
            @Override
            public void contextInitialized(jakarta.servlet.ServletContextEvent event) {
                new TemplateChrome(chrome, settings).publish(event.getServletContext());
            }
        });

        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Sequence(decorated, rendered));
        server.start();
        base = URI.create("http://localhost:" + connector.getLocalPort() + "/");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) server.stop();
        if (chrome != null) chrome.close();
    }

    @Override
    protected URI base() {
        return base;
    }

    @Override
    protected String page() {
        return "page";
    }

    @Override
    protected void assertNoEngineSyntax(String path, String html) {
        assertFalse(html.contains(ChromeDialect.NAMESPACE), path + " still declares the namespace");
    }
}
