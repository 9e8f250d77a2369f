package io.sitechrome.examples.boot;

import io.sitechrome.consent.ConsentListener;
import io.sitechrome.render.Visitor;
import io.sitechrome.servlet.VisitorResolver;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The reference site as a Spring Boot application: the app writes only the "Skype Legal" content
 * (a controller and plain HTML) and chrome-spring-boot-starter adds the chrome from
 * {@code skype.yaml}, as {@code application.properties} says.
 *
 * <pre>java -jar examples/spring-boot/target/chrome-examples-spring-boot.jar [--server.port=8080] [--chrome.config=FILE]</pre>
 */
@SpringBootApplication
public class ChromeExampleApplication {

    private static final Logger LOG = LoggerFactory.getLogger(ChromeExampleApplication.class);

    public static void main(String[] args) {
        SpringApplication.run(ChromeExampleApplication.class, args);
    }

    /**
     * Replaces the starter's visitor resolver: the demo's pretend sign-in keeps the visitor in the
     * session (a real application would read Spring Security's authentication; see the README).
     */
    @Bean
    VisitorResolver demoVisitors() {
        return request -> {
            HttpSession session = request.getSession(false);
            return session != null && session.getAttribute(DemoSignInController.VISITOR) instanceof Visitor visitor ? visitor : null;
        };
    }

    /** Every consent choice, for the audit trail. */
    @Bean
    ConsentListener consentAuditLog() {
        return choice -> LOG.info("consent {} at {}: accepted {} (revision {}, GPC {})",
                choice.consentId(), choice.time(), choice.accepted(), choice.revision(), choice.gpc());
    }
}
