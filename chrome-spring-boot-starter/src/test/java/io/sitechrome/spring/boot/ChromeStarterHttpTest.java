package io.sitechrome.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitechrome.render.Visitor;
import io.sitechrome.servlet.VisitorResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

/**
 * A Spring Boot application on embedded Tomcat with the starter and nothing else of the chrome's:
 * Spring MVC pages (a response body, a view, a forward, an async handler) wear the chrome, other
 * responses pass through, the endpoints and Boot's own error page work, and the application's
 * VisitorResolver bean is the one asked.
 */
@SpringBootTest(classes = ChromeStarterHttpTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "chrome.config=classpath:/io/sitechrome/spring/boot/test-chrome.yaml",
        "chrome.country-header=CF-IPCountry"})
class ChromeStarterHttpTest {

    private static final String HEADER = "<header class=\"chrome-header\"";

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Pages.class)
    static class App {

        /** Replaces the starter's resolver: the visitor is whoever X-Test-User names. */
        @Bean
        VisitorResolver testVisitors() {
            return request -> request.getHeader("X-Test-User") == null ? null : Visitor.of(request.getHeader("X-Test-User"), null, 0);
        }
    }

    @Controller
    static class Pages {

        @GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE)
        @ResponseBody
        String home() {
            return page("Home", "<h1>Welcome</h1>");
        }

        /** Any template engine ends in a View that writes HTML; this one is a plain string template. */
        @GetMapping("/view")
        ModelAndView view() {
            return new ModelAndView(new HtmlView(), Map.of("title", "Reports"));
        }

        @GetMapping("/forwarded")
        String forwarded() {
            return "forward:/view";
        }

        @GetMapping(value = "/async", produces = MediaType.TEXT_HTML_VALUE)
        @ResponseBody
        Callable<String> async() {
            return () -> page("Later", "<h1>Computed on another thread</h1>");
        }

        @GetMapping(value = "/data", produces = MediaType.APPLICATION_JSON_VALUE)
        @ResponseBody
        Map<String, Object> data() {
            return Map.of("answer", 42);
        }
    }

    static final class HtmlView implements View {
        @Override
        public String getContentType() {
            return "text/html;charset=UTF-8";
        }

        @Override
        public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response) throws Exception {
            response.setContentType(getContentType());
            response.getWriter().write(page(String.valueOf(model.get("title")), "<h1>" + model.get("title") + "</h1>"));
        }
    }

    static String page(String title, String content) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + title + "</title>\n</head>\n<body>\n"
                + "<main id=\"main\">" + content + "</main>\n</body>\n</html>\n";
    }

    @Value("${local.server.port}")
    int port;

    private Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void decoratesPagesWrittenAsAResponseBody() throws Exception {
        HttpResponse<String> home = http.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(home.body());
        assertThat(page.select("head link[rel=stylesheet][href^=/chrome/assets/chrome.]")).hasSize(1);
        assertThat(page.select("body > header.chrome-header .chrome-brand__name").text()).isEqualTo("Boot Test Site");
        assertThat(page.select("main h1").text()).isEqualTo("Welcome");
        assertThat(page.select("footer.chrome-footer")).hasSize(1);
        assertThat(page.select(".chrome-account__sign-in").text()).isEqualTo("Sign in");
        assertThat(home.headers().firstValueAsLong("Content-Length").orElse(-1)).isEqualTo(home.body().getBytes("UTF-8").length);
    }

    @Test
    void decoratesViewsForwardsAndAsyncHandlersOnce() throws Exception {
        for (String path : new String[] {"/view", "/forwarded", "/async"}) {
            HttpResponse<String> response = http.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(Http.count(response.body(), HEADER)).as(path).isEqualTo(1);
            assertThat(Http.count(response.body(), "<footer class=\"chrome-footer\"")).as(path).isEqualTo(1);
        }
        Document forwarded = Jsoup.parse(http.get("/forwarded").body());
        assertThat(forwarded.select("main h1").text()).isEqualTo("Reports");
    }

    @Test
    void leavesOtherResponsesAlone() throws Exception {
        HttpResponse<String> data = http.get("/data", "Accept", "application/json");
        assertThat(data.body()).isEqualTo("{\"answer\":42}");
    }

    @Test
    void asksTheApplicationsVisitorResolver() throws Exception {
        Document page = Jsoup.parse(http.get("/", "X-Test-User", "Grace Hopper").body());
        assertThat(page.select(".chrome-account__button").text()).contains("Grace Hopper");
        assertThat(page.select(".chrome-account__sign-in")).isEmpty();
    }

    @Test
    void servesTheCountrysBanners() throws Exception {
        assertThat(http.get("/", "CF-IPCountry", "US").body()).contains("US notice");
        assertThat(http.get("/", "CF-IPCountry", "FR").body()).doesNotContain("US notice");
    }

    @Test
    void servesAssetsWithStrongETags() throws Exception {
        String href = Jsoup.parse(http.get("/").body()).select("link[href^=/chrome/assets/]").attr("href");
        HttpResponse<String> css = http.get(href, "Accept", "text/css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type").orElse("")).startsWith("text/css");
        assertThat(css.headers().firstValue("Cache-Control").orElse("")).contains("immutable");
        String etag = css.headers().firstValue("ETag").orElseThrow();
        assertThat(http.get(href, "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(http.get("/chrome/assets/nothing.css").statusCode()).isEqualTo(404);
    }

    @Test
    void switchesTheLocale() throws Exception {
        HttpResponse<String> switched = http.get("/chrome/locale/de?return=/view");
        assertThat(switched.statusCode()).isEqualTo(303);
        assertThat(switched.headers().firstValue("Location")).hasValue("/view");
        String cookie = switched.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        assertThat(cookie).isEqualTo("chrome_locale=de");
        Document page = Jsoup.parse(http.get("/view", "Cookie", cookie).body());
        assertThat(page.select(".chrome-account__sign-in").text()).isEqualTo("Anmelden");
        assertThat(http.get("/chrome/locale/xx").statusCode()).isEqualTo(400);
    }

    @Test
    void recordsConsent() throws Exception {
        HttpResponse<String> saved = http.post("/chrome/consent", "choice=accept-all&return=/view");
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location")).hasValue("/view");
        assertThat(saved.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("chrome_consent="));
        HttpResponse<String> json = http.post("/chrome/consent", "choice=reject-all", "Accept", "application/json");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).contains("\"ok\":true");
        assertThat(http.post("/chrome/consent", "choice=accept-all", "Origin", "https://evil.example").statusCode()).isEqualTo(403);
    }

    @Test
    void decoratesSpringBootsErrorPage() throws Exception {
        HttpResponse<String> missing = http.get("/no-such-page");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Whitelabel Error Page");
        assertThat(Http.count(missing.body(), HEADER)).isEqualTo(1);
        assertThat(missing.body()).contains("<footer class=\"chrome-footer\"");
    }
}
