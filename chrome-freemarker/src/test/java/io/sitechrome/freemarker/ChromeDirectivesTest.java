package io.sitechrome.freemarker;


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
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The directives on FreeMarker 2.3's Jakarta {@code FreemarkerServlet} in Jetty 12, over HTTP: under
 * {@code /decorated} with {@link ChromeFilter} (the directives write placeholders the filter fills),
 * under {@code /rendered} without it (they render through a published {@link TemplateChrome}).
 */
@Timeout(60)
class ChromeDirectivesTest extends TemplateEngineScenario {

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
        decorated.addServlet(pageServlet(), "*.ftlh");
        decorated.addFilter(new FilterHolder(new ChromeFilter(chrome, settings)), "/*", EnumSet.allOf(DispatcherType.class));

        ServletContextHandler rendered = new ServletContextHandler("/rendered");
        rendered.addServlet(pageServlet(), "*.ftlh");
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

    private static ServletHolder pageServlet() {
        ServletHolder holder = new ServletHolder(PageServlet.class);
        holder.setInitParameter("TemplatePath", "classpath:templates");
        return holder;
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
        return "page.ftlh";
    }
}
