package io.sitechrome.servlet;

import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.ErrorPage;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/** Tomcat 11, with its base directory under {@code target/}. */
final class TomcatContainer implements EmbeddedContainer {

    private Tomcat tomcat;
    private Path baseDir;

    @Override
    public String name() {
        return "tomcat";
    }

    @Override
    public URI start(WebApp app) throws Exception {
        Path base = Files.createDirectories(Path.of("target", "tomcat")).toAbsolutePath();
        baseDir = Files.createTempDirectory(base, "base-");
        Path docBase = Files.createDirectories(baseDir.resolve("webapp"));

        tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        tomcat.setPort(0);
        tomcat.getConnector();

        Context context = tomcat.addContext("", docBase.toString());
        app.contextParams().forEach(context::addParameter);
        app.initializers().forEach(initializer -> context.addServletContainerInitializer(initializer, null));
        for (WebApp.ServletMapping mapping : app.servlets()) {
            Wrapper wrapper = Tomcat.addServlet(context, mapping.name(), mapping.servlet());
            wrapper.setAsyncSupported(true);
            for (String pattern : mapping.patterns()) {
                context.addServletMappingDecoded(pattern, mapping.name(), false);
            }
        }
        for (WebApp.FilterMapping mapping : app.filters()) {
            FilterDef def = new FilterDef();
            def.setFilterName(mapping.name());
            def.setFilter(mapping.filter());
            def.setAsyncSupported("true");
            context.addFilterDef(def);
            FilterMap map = new FilterMap();
            map.setFilterName(mapping.name());
            mapping.patterns().forEach(map::addURLPattern);
            for (DispatcherType type : mapping.dispatcherTypes()) {
                map.setDispatcher(type.name());
            }
            context.addFilterMap(map);
        }
        for (WebApp.ErrorPage page : app.errorPages()) {
            ErrorPage errorPage = new ErrorPage();
            errorPage.setErrorCode(page.status());
            errorPage.setLocation(page.location());
            context.addErrorPage(errorPage);
        }

        tomcat.start();
        return URI.create("http://localhost:" + tomcat.getConnector().getLocalPort() + "/");
    }

    @Override
    public void close() throws Exception {
        if (tomcat != null) {
            tomcat.stop();
            tomcat.destroy();
        }
        if (baseDir != null) {
            try (Stream<Path> paths = Files.walk(baseDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
