package io.sitechrome.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** {@code chrome.sites} on embedded Tomcat: a {@code /business/} section with a configuration and endpoints of its own. */
@SpringBootTest(classes = ChromeSitesTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "chrome.config=classpath:/io/sitechrome/spring/boot/test-chrome.yaml"})
class ChromeSitesTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Pages.class)
    static class App {
    }

    @Controller
    static class Pages {

        @GetMapping(value = {"/", "/business/"}, produces = MediaType.TEXT_HTML_VALUE)
        @ResponseBody
        String page() {
            return ChromeStarterHttpTest.page("Page", "<h1>Page</h1>");
        }
    }

    @DynamicPropertySource
    static void businessConfig(DynamicPropertyRegistry registry) throws IOException {
        String base;
        try (InputStream in = ChromeSitesTest.class.getResourceAsStream("test-chrome.yaml")) {
            base = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path file = Files.createTempFile("business-", ".yaml");
        file.toFile().deleteOnExit();
        Files.writeString(file, base.replace("text: Boot Test Site", "text: Business Site"));
        registry.add("chrome.sites[0].path-prefix", () -> "/business/");
        registry.add("chrome.sites[0].config", file::toString);
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void theSectionWearsItsOwnBrandAndServesItsOwnAssets() throws Exception {
        Http http = new Http(port);
        Document home = Jsoup.parse(http.get("/").body());
        assertThat(home.selectFirst("header.chrome-header").text()).contains("Boot Test Site").doesNotContain("Business Site");
        Document business = Jsoup.parse(http.get("/business/").body());
        assertThat(business.selectFirst("header.chrome-header").text()).contains("Business Site");
        String stylesheet = business.selectFirst("head link[rel=stylesheet]").attr("href");
        assertThat(stylesheet).startsWith("/business/chrome/assets/chrome.");
        assertThat(http.get(stylesheet).statusCode()).isEqualTo(200);
    }
}
