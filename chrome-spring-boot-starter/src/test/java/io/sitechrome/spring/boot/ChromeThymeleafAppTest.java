package io.sitechrome.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A Spring MVC + Thymeleaf application using only the documented dialect, with the filter on (the
 * default), on embedded Tomcat over HTTP: each component once where the template put it, no
 * {@code chrome:} syntax left, {@code chrome:allows} following consent, and one language for the
 * app and the chrome, whether it is switched by {@code ?lang=de} or by the chrome's own switch.
 */
@SpringBootTest(classes = TemplateApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "chrome.config=classpath:/io/sitechrome/spring/boot/test-chrome.yaml")
@Timeout(60)
class ChromeThymeleafAppTest {

    @Value("${local.server.port}")
    int port;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void eachComponentIsThereOnceWhereTheTemplatePutIt() throws Exception {
        TemplatePages.assertComponentsInPlace(http.get("/page"));
    }

    @Test
    void noChromeSyntaxIsLeft() throws Exception {
        assertThat(http.get("/page").body()).doesNotContain("chrome:").doesNotContain("sitechrome.io/thymeleaf");
    }

    @Test
    void allowsShowsAnalyticsContentOnlyAfterAcceptAll() throws Exception {
        TemplatePages.assertAllowsFollowsConsent(http, "/page");
    }

    @Test
    void langParameterSwitchesTheAppAndTheChromeToGerman() throws Exception {
        HttpResponse<String> response = http.get("/page?lang=de");
        TemplatePages.assertGerman(response);
        String appCookie = TemplatePages.cookie(response, TemplateApp.APP_LOCALE_COOKIE);
        TemplatePages.assertGerman(http.get("/page", "Cookie", appCookie));
    }

    @Test
    void theChromesLanguageSwitchSwitchesTheAppToo() throws Exception {
        HttpResponse<String> switched = http.get("/chrome/locale/de?return=/page");
        assertThat(switched.statusCode()).isEqualTo(303);
        String cookies = TemplatePages.cookie(switched, TemplateApp.APP_LOCALE_COOKIE) + "; "
                + TemplatePages.cookie(switched, "chrome_locale");
        TemplatePages.assertGerman(http.get("/page", "Cookie", cookies));
    }

    @Test
    void theChromeFollowsTheAppsLocaleResolver() throws Exception {
        // The app's resolver says English (its cookie), whatever the browser prefers: so does the chrome.
        Document page = Jsoup.parse(http.get("/page", "Accept-Language", "de", "Cookie", TemplateApp.APP_LOCALE_COOKIE + "=en").body());
        assertThat(page.getElementById("greeting").text()).isEqualTo("Welcome");
        assertThat(page.selectFirst("header.chrome-header").attr("lang")).isEqualTo("en");
        assertThat(List.of(page.select("header.chrome-header a").eachText())).asString().contains("Home");
    }
}
