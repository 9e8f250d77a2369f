package io.sitechrome.servlet;

import static io.sitechrome.servlet.ChromeSite.CONFIG;
import static io.sitechrome.servlet.SiteClient.form;
import static io.sitechrome.servlet.SiteClient.setCookie;
import static io.sitechrome.servlet.SiteClient.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.sitechrome.render.Chrome;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.scan.StandardJarScanner;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real-chrome contract on Tomcat 11, plus registration through {@code web.xml}. */
class TomcatChromeFilterTest extends ChromeFilterContractTest {

    @Override
    EmbeddedContainer newContainer() {
        return EmbeddedContainer.tomcat();
    }

    @Test
    void webXmlRegistration(@TempDir Path dir) throws Exception {
        Path file = ChromeSite.write(dir.resolve("chrome.yaml"), CONFIG);
        Path docBase = dir.resolve("webapp");
        Files.createDirectories(docBase.resolve("WEB-INF"));
        Files.writeString(docBase.resolve("WEB-INF/web.xml"), webXml(file));

        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createDirectories(dir.resolve("tomcat")).toString());
        tomcat.setPort(0);
        tomcat.getConnector();
        tomcat.setAddDefaultWebXmlToWebapp(false);
        Context context = tomcat.addWebapp("", docBase.toString());
        StandardJarScanner scanner = new StandardJarScanner();
        scanner.setScanClassPath(false);
        context.setJarScanner(scanner);
        try {
            tomcat.start();
            SiteClient app = new SiteClient(URI.create("http://localhost:" + tomcat.getConnector().getLocalPort() + "/"));

            Document page = app.page("/page", COUNTRY_HEADER, "US");
            assertEquals(Chrome.load(file).version(), page.selectFirst("header.chrome-header").attr("data-chrome-version"));
            assertNotNull(page.selectFirst("[data-chrome-banner=us-only]"), "the country-header init-param is read");
            assertEquals(200, app.get(page.selectFirst("head link[rel=stylesheet]").attr("href")).statusCode());

            HttpResponse<byte[]> consent = app.post("/chrome/consent", form("choice", "accept-all", "return", "/page"));
            assertEquals(303, consent.statusCode());
            assertNotNull(setCookie(consent, "chrome_consent"));

            HttpResponse<byte[]> missing = app.get("/missing");
            assertEquals(404, missing.statusCode());
            Document error = Jsoup.parse(text(missing));
            assertEquals("Page not found", error.selectFirst("h1").text());
            assertNotNull(error.selectFirst("header.chrome-header"), "the ERROR dispatcher is mapped");

            ChromeSite.replace(file, CONFIG.replace("en: Products", "en: From web.xml"));
            await(() -> app.page("/page"), p -> p.selectFirst(".chrome-nav__link").text().equals("From web.xml"),
                "a reload at the reload-interval-ms init-param");
        } finally {
            tomcat.stop();
            tomcat.destroy();
        }
    }

    private static String webXml(Path config) {
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee"
                     xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                     xsi:schemaLocation="https://jakarta.ee/xml/ns/jakartaee https://jakarta.ee/xml/ns/jakartaee/web-app_6_0.xsd"
                     version="6.0" metadata-complete="true">
              <filter>
                <filter-name>site-chrome</filter-name>
                <filter-class>io.sitechrome.servlet.ChromeFilter</filter-class>
                <async-supported>true</async-supported>
                <init-param><param-name>site-chrome.config</param-name><param-value>CONFIG</param-value></init-param>
                <init-param><param-name>site-chrome.country-header</param-name><param-value>CF-IPCountry</param-value></init-param>
                <init-param><param-name>site-chrome.reload-interval-ms</param-name><param-value>100</param-value></init-param>
              </filter>
              <filter-mapping>
                <filter-name>site-chrome</filter-name>
                <url-pattern>/*</url-pattern>
                <dispatcher>REQUEST</dispatcher>
                <dispatcher>FORWARD</dispatcher>
                <dispatcher>ERROR</dispatcher>
                <dispatcher>ASYNC</dispatcher>
              </filter-mapping>
              <servlet>
                <servlet-name>page</servlet-name>
                <servlet-class>io.sitechrome.servlet.ChromeSite$PageServlet</servlet-class>
              </servlet>
              <servlet-mapping><servlet-name>page</servlet-name><url-pattern>/page</url-pattern></servlet-mapping>
              <servlet>
                <servlet-name>default</servlet-name>
                <servlet-class>io.sitechrome.servlet.ChromeSite$NotFoundServlet</servlet-class>
              </servlet>
              <servlet-mapping><servlet-name>default</servlet-name><url-pattern>/</url-pattern></servlet-mapping>
              <servlet>
                <servlet-name>error-page</servlet-name>
                <servlet-class>io.sitechrome.servlet.ChromeSite$ErrorPageServlet</servlet-class>
              </servlet>
              <servlet-mapping><servlet-name>error-page</servlet-name><url-pattern>/error-page</url-pattern></servlet-mapping>
              <error-page><error-code>404</error-code><location>/error-page</location></error-page>
            </web-app>
            """.replace("CONFIG", config.toString().replace("&", "&amp;").replace("<", "&lt;"));
    }
}
