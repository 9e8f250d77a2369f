package io.sitechrome.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitechrome.config.ConfigSource;
import io.sitechrome.config.OriginServer;
import io.sitechrome.config.SourceOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code --config} naming an http(s) URL: validate, render and preview read it from a real local origin. */
@Timeout(60) // a hang guard only
class ConfigUrlCommandTest {

    @TempDir
    Path dir;
    private OriginServer origin;

    @BeforeEach
    void startOrigin() throws Exception {
        origin = OriginServer.start();
        origin.put("/chrome.yaml", Files.readString(Cli.EXAMPLE));
    }

    @AfterEach
    void stopOrigin() {
        origin.close();
    }

    @Test
    void validateFetchesTheUrl() {
        Cli cli = Cli.run("validate", "--config", origin.url("/chrome.yaml"));
        assertEquals(0, cli.status(), cli.all());
        assertEquals("OK\n", cli.out());
        assertEquals(List.of(new OriginServer.Request("/chrome.yaml", null, null, 200)), origin.requests());
    }

    @Test
    void validateListsTheProblemsOfTheUrlsBody() throws Exception {
        origin.put("/chrome.yaml", Files.readString(Cli.EXAMPLE) + "heder: {}\n");
        Cli cli = Cli.run("validate", "--config", origin.url("/chrome.yaml"));
        assertEquals(1, cli.status(), cli.all());
        assertTrue(cli.out().startsWith(origin.url("/chrome.yaml") + ":"), cli.out());
        assertTrue(cli.out().endsWith(": heder: unknown key 'heder'; did you mean 'header'?\n"), cli.out());
    }

    @Test
    void anUnreachableOriginIsOneProblemNotAStackTrace() {
        String url = origin.url("/chrome.yaml");
        origin.stop();
        Cli cli = Cli.run("validate", "--config", url);
        assertEquals(1, cli.status(), cli.all());
        assertTrue(cli.out().startsWith(url + ":1:1: (root): cannot connect"), cli.out());
        cli.assertNoStackTrace();
    }

    @Test
    void anErrorStatusIsOneProblem() {
        origin.status("/chrome.yaml", 404);
        Cli cli = Cli.run("validate", "--config", origin.url("/chrome.yaml"));
        assertEquals(1, cli.status());
        assertEquals(origin.url("/chrome.yaml") + ":1:1: (root): the origin answered HTTP status 404\n", cli.out());
    }

    @Test
    void aLocalFileExtendingTheUrlIsValidated() throws Exception {
        Path app = Files.writeString(dir.resolve("app.yaml"), "extends: " + origin.url("/chrome.yaml") + "\nbrand:\n  name: { text: 42 }\n");
        Cli cli = Cli.run("validate", "--config", app.toString());
        assertEquals(1, cli.status(), cli.all());
        assertEquals(app + ":3:17: brand.name.text: expected text or a mapping, found a number\n", cli.out());
    }

    @Test
    void renderWritesTheFragmentsOfTheUrlsConfiguration() throws Exception {
        Path out = dir.resolve("out");
        Cli cli = Cli.run("render", "--config", origin.url("/chrome.yaml"), "--out", out.toString());
        assertEquals(0, cli.status(), cli.all());
        assertTrue(Files.readString(out.resolve("page.html")).contains("Skype"));
    }

    @Test
    void aConfigThatIsNeitherAFileNorAnHttpUrlIsABadCommandLine() {
        Cli cli = Cli.run("validate", "--config", "ftp://example.com/chrome.yaml");
        assertEquals(2, cli.status(), cli.all());
        assertTrue(cli.err().contains("--config 'ftp://example.com/chrome.yaml' is neither a file nor an http:// or https:// URL"), cli.err());
    }

    @Test
    void previewPollsTheUrl() throws Exception {
        try (PreviewServer preview = PreviewServer.start(ConfigSource.of(origin.url("/chrome.yaml"),
                SourceOptions.NO_CACHE), 0)) {
            assertTrue(preview.snapshot().valid());
            assertEquals(origin.url("/chrome.yaml"), preview.snapshot().chrome().config().source());
        }
    }
}
