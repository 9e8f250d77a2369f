package io.sitechrome.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * {@code chrome.exclude} on embedded Tomcat: pages under an excluded pattern go out exactly as the
 * controller wrote them, the rest wear the chrome, and a controller opts one page out with
 * {@code X-Chrome: off}, which the client never sees.
 */
@SpringBootTest(classes = ChromeExcludeTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "chrome.config=classpath:/io/sitechrome/spring/boot/test-chrome.yaml",
        "chrome.exclude=/admin/**, *.print.html"})
class ChromeExcludeTest {

    private static final String HEADER = "<header class=\"chrome-header\"";

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Pages.class)
    static class App {
    }

    @Controller
    static class Pages {

        @GetMapping(value = {"/", "/admin/", "/admin/users", "/report.print.html"}, produces = MediaType.TEXT_HTML_VALUE)
        @ResponseBody
        String page() {
            return ChromeStarterHttpTest.page("Page", "<h1>Page</h1>");
        }

        @GetMapping(value = "/widget", produces = MediaType.TEXT_HTML_VALUE)
        ResponseEntity<String> widget() {
            return ResponseEntity.ok().header("X-Chrome", "off").body(ChromeStarterHttpTest.page("Widget", "<h1>Widget</h1>"));
        }
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void excludedPagesAreSentAsWritten() throws Exception {
        Http http = new Http(port);
        assertThat(http.get("/").body()).contains(HEADER);
        for (String path : new String[] {"/admin/", "/admin/users", "/report.print.html"}) {
            HttpResponse<String> page = http.get(path);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).as(path).isEqualTo(ChromeStarterHttpTest.page("Page", "<h1>Page</h1>"));
        }
    }

    @Test
    void xChromeOffLeavesThePageAloneAndIsNotSent() throws Exception {
        HttpResponse<String> widget = new Http(port).get("/widget");
        assertThat(widget.body()).isEqualTo(ChromeStarterHttpTest.page("Widget", "<h1>Widget</h1>"));
        assertThat(widget.headers().firstValue("X-Chrome")).isEmpty();
    }
}
