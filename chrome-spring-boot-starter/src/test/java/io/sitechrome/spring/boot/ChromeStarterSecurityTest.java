package io.sitechrome.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitechrome.render.Visitor;
import io.sitechrome.servlet.VisitorResolver;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * With Spring Security: the README's VisitorResolver, which reads the SecurityContextHolder, shows
 * the signed-in user in the account menu (ChromeFilter decorates after Security has cleared the
 * holder, so the starter asks the resolver from inside the chain); and the chrome's own endpoints
 * answer ahead of Security's CSRF check and authorization rules.
 */
@SpringBootTest(classes = ChromeStarterSecurityTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "chrome.config=classpath:/io/sitechrome/spring/boot/test-chrome.yaml")
class ChromeStarterSecurityTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Pages.class)
    static class App {

        @Bean
        SecurityFilterChain security(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(requests -> requests.requestMatchers("/private").authenticated().anyRequest().permitAll())
                    .httpBasic(Customizer.withDefaults())
                    .build();
        }

        @Bean
        UserDetailsService users() {
            return new InMemoryUserDetailsManager(User.withUsername("ada").password("{noop}secret").roles("USER").build());
        }

        /** As in the README: the chrome's visitor from Spring Security's authentication. */
        @Bean
        VisitorResolver chromeVisitors() {
            return request -> {
                Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
                if (authentication == null || !authentication.isAuthenticated()
                        || authentication instanceof AnonymousAuthenticationToken) {
                    return null;
                }
                return Visitor.of(authentication.getName(), null, 0);
            };
        }
    }

    @Controller
    static class Pages {

        @GetMapping(value = {"/", "/private"}, produces = MediaType.TEXT_HTML_VALUE)
        @ResponseBody
        String page() {
            return ChromeStarterHttpTest.page("Page", "<h1>Content</h1>");
        }

        @PostMapping("/app-form")
        @ResponseBody
        String form() {
            return "accepted";
        }
    }

    @Value("${local.server.port}")
    int port;

    private Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theSignedInUserIsInTheAccountMenu() throws Exception {
        Document anonymous = Jsoup.parse(http.get("/").body());
        assertThat(anonymous.select(".chrome-account__sign-in")).hasSize(1);

        for (String path : new String[] {"/", "/private"}) {
            HttpResponse<String> response = http.get(path, "Authorization", basic("ada", "secret"));
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            Document page = Jsoup.parse(response.body());
            assertThat(page.select(".chrome-account__button").text()).as(path).contains("ada");
            assertThat(page.select(".chrome-account__sign-in")).as(path).isEmpty();
        }
        assertThat(http.get("/private").statusCode()).isEqualTo(401);
    }

    @Test
    void theChromesEndpointsAnswerAheadOfSecurity() throws Exception {
        assertThat(http.post("/app-form", "x=1").statusCode()).as("CSRF protects the app's own forms").isEqualTo(403);
        HttpResponse<String> consent = http.post("/chrome/consent", "choice=accept-all&return=/");
        assertThat(consent.statusCode()).isEqualTo(303);
        assertThat(consent.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("chrome_consent="));
    }
}
