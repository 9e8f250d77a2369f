package io.sitechrome.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitechrome.config.OriginServer;
import io.sitechrome.render.LiveChrome;
import io.sitechrome.servlet.ChromeSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/** {@code chrome.config} naming a URL on a real local origin, with {@code chrome.cache-dir} and {@code chrome.config-sha256}. */
@Timeout(60) // a hang guard only
class ChromeConfigUrlTest {

    private final WebApplicationContextRunner web = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ChromeAutoConfiguration.class));

    @Test
    void servesTheConfigurationAtTheUrlKeepsItsCopyAndHonoursThePin(@TempDir Path cache) throws Exception {
        String yaml;
        try (var in = getClass().getResourceAsStream("test-chrome.yaml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String pin = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(yaml.getBytes(StandardCharsets.UTF_8)));
        try (OriginServer origin = OriginServer.start()) {
            origin.put("/chrome.yaml", yaml);
            web.withPropertyValues("chrome.config=" + origin.url("/chrome.yaml"), "chrome.cache-dir=" + cache, "chrome.config-sha256=" + pin)
                    .run(context -> {
                        ChromeSettings settings = context.getBean(ChromeSettings.class);
                        assertThat(settings.config()).isEqualTo(origin.url("/chrome.yaml"));
                        LiveChrome live = context.getBean(LiveChrome.class);
                        assertThat(live.problems()).isEmpty();
                        assertThat(live.current().config().source()).isEqualTo(origin.url("/chrome.yaml"));
                        assertThat(live.current().config().brand().name().in(List.of("en"))).isEqualTo("Boot Test Site");
                    });
            try (var copies = Files.list(cache)) {
                assertThat(copies.toList()).hasSize(1);
            }

            origin.put("/chrome.yaml", yaml.replace("Boot Test Site", "Tampered Site"));
            web.withPropertyValues("chrome.config=" + origin.url("/chrome.yaml"), "chrome.cache-dir=" + cache, "chrome.config-sha256=" + pin)
                    .run(context -> {
                        LiveChrome live = context.getBean(LiveChrome.class);
                        assertThat(live.problems()).singleElement().satisfies(problem -> assertThat(problem.message()).contains("not the pinned"));
                        assertThat(live.current().config().source()).isEqualTo(ChromeSettings.BUNDLED_CONFIG);
                    });
        }
    }
}
