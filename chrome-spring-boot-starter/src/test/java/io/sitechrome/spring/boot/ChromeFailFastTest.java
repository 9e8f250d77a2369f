package io.sitechrome.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitechrome.config.ConfigException;
import io.sitechrome.render.LiveChrome;
import io.sitechrome.servlet.ChromeSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/** {@code chrome.fail-fast}: a wrong or invalid {@code chrome.config} stops the application instead of serving the default. */
class ChromeFailFastTest {

    private final WebApplicationContextRunner web = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ChromeAutoConfiguration.class));

    @Test
    void aMissingConfigurationStopsTheApplicationWithFailFast(@TempDir Path dir) {
        Path missing = dir.resolve("missing.yaml");
        web.withPropertyValues("chrome.config=" + missing, "chrome.fail-fast=true").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasRootCauseInstanceOf(ConfigException.class)
                    .rootCause().hasMessageContaining(missing + ":1:1: (root): cannot read the file: no such file");
        });
    }

    @Test
    void anInvalidConfigurationStopsTheApplicationWithFailFastAndServesTheDefaultWithout(@TempDir Path dir) throws Exception {
        Path invalid = Files.writeString(dir.resolve("chrome.yaml"), "site: [\n");
        web.withPropertyValues("chrome.config=" + invalid, "chrome.fail-fast=true").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageStartingWith(invalid + ":");
        });
        web.withPropertyValues("chrome.config=" + invalid).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(ChromeSettings.class).failFast()).isFalse();
            LiveChrome live = context.getBean(LiveChrome.class);
            assertThat(live.problems()).isNotEmpty();
            assertThat(live.current().config().source()).isEqualTo(ChromeSettings.BUNDLED_CONFIG);
        });
    }
}
