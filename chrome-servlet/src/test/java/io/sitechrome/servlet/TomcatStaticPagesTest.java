package io.sitechrome.servlet;

import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.Context;
import org.apache.catalina.servlets.DefaultServlet;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

class TomcatStaticPagesTest extends StaticPagesContractTest {

    private Tomcat tomcat;

    @Override
    URI start(Path root, ChromeFilter filter) throws Exception {
        tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createDirectories(Path.of("target", "tomcat")).toAbsolutePath().toString());
        tomcat.setPort(0);
        tomcat.getConnector();
        Context context = tomcat.addContext("", root.toString());
        context.addMimeMapping("html", "text/html");
        context.addMimeMapping("css", "text/css");
        Tomcat.addServlet(context, "default", new DefaultServlet());
        context.addServletMappingDecoded("/", "default");
        FilterDef def = new FilterDef();
        def.setFilterName("chrome");
        def.setFilter(filter);
        def.setAsyncSupported("true");
        context.addFilterDef(def);
        FilterMap map = new FilterMap();
        map.setFilterName("chrome");
        map.addURLPattern("/*");
        for (DispatcherType type : DispatcherType.values()) map.setDispatcher(type.name());
        context.addFilterMap(map);
        tomcat.start();
        return URI.create("http://127.0.0.1:" + tomcat.getConnector().getLocalPort());
    }

    @Override
    void stop() throws Exception {
        tomcat.stop();
        tomcat.destroy();
    }
}
