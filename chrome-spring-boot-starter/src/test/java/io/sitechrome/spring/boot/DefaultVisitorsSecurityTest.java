package io.sitechrome.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/** Under Spring Security, the starter's default VisitorResolver already names the signed-in user. */
@SpringBootTest(classes = DefaultVisitorsSecurityTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "chrome.config=classpath:/io/sitechrome/spring/boot/test-chrome.yaml")
class DefaultVisitorsSecurityTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(ChromeStarterSecurityTest.Pages.class)
    static class App {

        @Bean
        SecurityFilterChain security(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll()).httpBasic(Customizer.withDefaults()).build();
        }

        @Bean
        UserDetailsService users() {
            return new InMemoryUserDetailsManager(User.withUsername("grace").password("{noop}secret").roles("USER").build());
        }
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void theDefaultResolverReadsThePrincipalThroughSecuritysRequestWrapper() throws Exception {
        Http http = new Http(port);
        String basic = "Basic " + Base64.getEncoder().encodeToString("grace:secret".getBytes(StandardCharsets.UTF_8));
        Document signedIn = Jsoup.parse(http.get("/", "Authorization", basic).body());
        assertThat(signedIn.select(".chrome-account__button").text()).contains("grace");
        Document anonymous = Jsoup.parse(http.get("/").body());
        assertThat(anonymous.select(".chrome-account__sign-in")).hasSize(1);
    }
}
