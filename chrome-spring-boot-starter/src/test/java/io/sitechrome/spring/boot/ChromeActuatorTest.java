package io.sitechrome.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.sitechrome.render.LiveChrome;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Spring Boot Actuator over HTTP: {@code /actuator/health} has a {@code chrome} component, UP with
 * the version in service, which after a refused edit stays UP and says the last reload failed;
 * {@code /actuator/info} names the version and the file; Micrometer counts pages decorated and passed
 * through, fragments, reloads and consent choices.
 */
@SpringBootTest(classes = TemplateApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.endpoints.web.exposure.include=health,info",
        "management.endpoint.health.show-details=always",
        "chrome.reload-interval=1h"})
@Timeout(60)
class ChromeActuatorTest {

    private static final Path CONFIG = copyOfTestConfig();
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void config(DynamicPropertyRegistry registry) {
        registry.add("chrome.config", CONFIG::toString);
    }

    @Value("${local.server.port}")
    int port;
    @Autowired
    LiveChrome chrome;
    @Autowired
    MeterRegistry meters;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    /** On Boot 4 (the build) and Boot 3.5 ({@code -Pspring-boot-3.5}), each with its own health API. */
    @Test
    void healthIsUpWithTheVersionAndSaysWhenAReloadWasRefused() throws Exception {
        String version = chrome.current().version();
        JsonNode healthy = json("/actuator/health").path("components").path("chrome");
        assertThat(healthy.path("status").asText()).isEqualTo("UP");
        assertThat(healthy.path("details").path("version").asText()).isEqualTo(version);
        assertThat(healthy.path("details").path("lastReload").asText()).isEqualTo("ok");

        String good = Files.readString(CONFIG);
        try {
            Files.writeString(CONFIG, good.replace("severity: info", "severity: loud"));
            assertThat(chrome.check().succeeded()).isFalse();
            JsonNode refused = json("/actuator/health").path("components").path("chrome");
            assertThat(refused.path("status").asText()).isEqualTo("UP");
            assertThat(refused.path("details").path("version").asText()).isEqualTo(version);
            assertThat(refused.path("details").path("lastReload").asText()).isEqualTo("failed");
            assertThat(refused.path("details").path("serving").asText()).contains(version);
            assertThat(refused.path("details").path("problems").get(0).asText()).contains(CONFIG.getFileName().toString(), "severity");
        } finally {
            Files.writeString(CONFIG, good);
            chrome.check();
        }
    }

    @Test
    void micrometerCountsReloadsAndConsentChoices() throws Exception {
        double failedBefore = count(ChromeMetrics.RELOADS, "result", "failed");
        double okBefore = count(ChromeMetrics.RELOADS, "result", "ok");
        String good = Files.readString(CONFIG);
        try {
            Files.writeString(CONFIG, good.replace("severity: info", "severity: loud"));
            chrome.check();
        } finally {
            Files.writeString(CONFIG, good + "# edited\n");
            chrome.check();
        }
        assertThat(count(ChromeMetrics.RELOADS, "result", "failed")).isEqualTo(failedBefore + 1);
        assertThat(count(ChromeMetrics.RELOADS, "result", "ok")).isEqualTo(okBefore + 1);

        double acceptedBefore = count(ChromeMetrics.CONSENT_CHOICES, "kind", "accept-all");
        double rejectedBefore = count(ChromeMetrics.CONSENT_CHOICES, "kind", "reject-all");
        assertThat(http.post("/chrome/consent", "choice=accept-all&return=/").statusCode()).isEqualTo(303);
        assertThat(http.post("/chrome/consent", "choice=reject-all&return=/").statusCode()).isEqualTo(303);
        assertThat(count(ChromeMetrics.CONSENT_CHOICES, "kind", "accept-all")).isEqualTo(acceptedBefore + 1);
        assertThat(count(ChromeMetrics.CONSENT_CHOICES, "kind", "reject-all")).isEqualTo(rejectedBefore + 1);
    }

    @Test
    void micrometerCountsPagesDecoratedAndPassedThroughAndFragmentsFromInsideTheFilter() throws Exception {
        double decoratedBefore = count(ChromeMetrics.DECORATED);
        double notHtmlBefore = count(ChromeMetrics.PASSED, "reason", "not-html");
        double fragmentsBefore = count(ChromeMetrics.FRAGMENTS, "component", "footer");

        assertThat(http.get("/page").body()).contains("<header class=\"chrome-header\"");
        assertThat(http.get("/page").statusCode()).isEqualTo(200);
        assertThat(http.get("/actuator/info", "Accept", "application/json").statusCode()).isEqualTo(200);
        assertThat(http.get("/chrome/fragments/footer").statusCode()).isEqualTo(200);

        assertThat(count(ChromeMetrics.DECORATED)).isEqualTo(decoratedBefore + 2);
        assertThat(count(ChromeMetrics.PASSED, "reason", "not-html")).isEqualTo(notHtmlBefore + 1);
        assertThat(count(ChromeMetrics.FRAGMENTS, "component", "footer")).isEqualTo(fragmentsBefore + 1);
        assertThat(meters.find(ChromeMetrics.PASSED).tag("reason", "over-cap").counter()).as("every reason is registered").isNotNull();
    }

    private double count(String name) {
        Counter counter = meters.find(name).counter();
        return counter == null ? 0 : counter.count();
    }

    private double count(String name, String tag, String value) {
        Counter counter = meters.find(name).tag(tag, value).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void infoNamesTheVersionAndTheFile() throws Exception {
        JsonNode info = json("/actuator/info").path("chrome");
        assertThat(info.path("version").asText()).isEqualTo(chrome.current().version());
        assertThat(info.path("config").asText()).isEqualTo(CONFIG.toString());
    }

    private JsonNode json(String path) throws Exception {
        return JSON.readTree(http.get(path, "Accept", "application/json").body());
    }

    private static Path copyOfTestConfig() {
        try (InputStream in = ChromeActuatorTest.class.getResourceAsStream("test-chrome.yaml")) {
            Path file = Files.createTempDirectory("chrome-actuator-test").resolve("chrome.yaml");
            Files.copy(in, file);
            file.toFile().deleteOnExit();
            file.getParent().toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
