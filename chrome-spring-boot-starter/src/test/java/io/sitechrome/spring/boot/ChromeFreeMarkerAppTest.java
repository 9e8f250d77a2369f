package io.sitechrome.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The same application rendering templates/freemarker-page.ftlh with Spring MVC's FreeMarker views
 * (Thymeleaf's view resolver switched off): the starter registers the {@code chrome} directives.
 */
@SpringBootTest(classes = TemplateApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "chrome.config=classpath:/io/sitechrome/spring/boot/test-chrome.yaml",
        "spring.thymeleaf.enabled=false"})
@Timeout(60)
class ChromeFreeMarkerAppTest {

    @Value("${local.server.port}")
    int port;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void eachComponentIsThereOnceWhereTheTemplatePutIt() throws Exception {
        TemplatePages.assertComponentsInPlace(http.get("/freemarker-page"));
        assertThat(http.get("/freemarker-page").body()).contains("FreeMarker page").doesNotContain("chrome:").doesNotContain("<@chrome");
    }

    @Test
    void allowsShowsAnalyticsContentOnlyAfterAcceptAll() throws Exception {
        TemplatePages.assertAllowsFollowsConsent(http, "/freemarker-page");
    }
}
