package io.sitechrome.jsp;


import io.sitechrome.render.Chrome;
import io.sitechrome.render.LiveChrome;
import io.sitechrome.servlet.ChromeFilter;
import io.sitechrome.servlet.ChromeSettings;
import io.sitechrome.servlet.TemplateChrome;
import io.sitechrome.servlet.TemplateEngineScenario;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.EnumSet;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.scan.StandardJarScanner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tag library in real JSPs compiled by Jasper on Tomcat 11, over HTTP: under
 * {@code /decorated} with {@link ChromeFilter} (the tags write placeholders the filter fills), under
 * {@code /rendered} without it (the tags render through a published {@link TemplateChrome}).
 * Tomcat finds {@code META-INF/chrome.tld} on the class path, as it does in a jar in WEB-INF/lib.
 */
@Timeout(120)
class ChromeTagsTest extends TemplateEngineScenario {

    @TempDir
    static Path dir;
    private static Tomcat tomcat;
    private static LiveChrome chrome;
    private static URI base;

    @BeforeAll
    static void start() throws Exception {
        Path config = configIn(dir);
        ChromeSettings settings = ChromeSettings.builder().config(config).build();
        chrome = LiveChrome.fixed(Chrome.load(config));

        tomcat = new Tomcat();
        tomcat.setBaseDir(dir.resolve("tomcat").toString());
        tomcat.setPort(0);
        Context decorated = webapp("/decorated");
        decorated.addServletContainerInitializer((classes, context) -> {
            FilterRegistration.Dynamic filter = context.addFilter("site-chrome", new ChromeFilter(chrome, settings));
            filter.setAsyncSupported(true);
            filter.addMappingForUrlPatterns(EnumSet.allOf(DispatcherType.class), false, "/*");
        }, null);
        Context rendered = webapp("/rendered");
        rendered.addServletContainerInitializer((classes, context) -> new TemplateChrome(chrome, settings).publish(context), null);
        tomcat.start();
        base = URI.create("http://localhost:" + tomcat.getConnector().getLocalPort() + "/");
    }

    private static Context webapp(String path) throws URISyntaxException {
        String docBase = Path.of(ChromeTagsTest.class.getResource("/webapp").toURI()).toString();
        Context context = tomcat.addWebapp(path, docBase);
        StandardJarScanner scanner = new StandardJarScanner();
        scanner.setScanAllDirectories(true);
        context.setJarScanner(scanner);
        return context;
    }

    @AfterAll
    static void stop() throws Exception {
        if (tomcat != null) {
            tomcat.stop();
            tomcat.destroy();
        }
        if (chrome != null) chrome.close();
    }

    @Override
    protected URI base() {
        return base;
    }

    @Override
    protected String page() {
        return "page.jsp";
    }
}
