package io.sitechrome.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/** The same application with {@code chrome.filter.enabled=false}: the dialect renders the components itself. */
@SpringBootTest(classes = TemplateApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "chrome.config=classpath:/io/sitechrome/spring/boot/test-chrome.yaml",
        "chrome.filter.enabled=false"})
@Timeout(60)
class ChromeThymeleafWithoutFilterTest {

    @Value("${local.server.port}")
    int port;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void theDialectRendersEachComponentOnceWhereTheTemplatePutIt() throws Exception {
        TemplatePages.assertComponentsInPlace(http.get("/page"));
        assertThat(http.get("/page").body()).doesNotContain("chrome:");
    }

    @Test
    void langParameterSwitchesTheAppAndTheChromeToGerman() throws Exception {
        TemplatePages.assertGerman(http.get("/page?lang=de"));
    }
}
