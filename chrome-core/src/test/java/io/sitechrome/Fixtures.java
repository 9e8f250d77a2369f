package io.sitechrome;

import io.sitechrome.config.ConfigException;
import io.sitechrome.internal.config.ConfigLoader;
import io.sitechrome.model.ChromeConfig;
import io.sitechrome.render.Chrome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Configurations and helpers shared by the tests. */
public final class Fixtures {

    /** A fixed clock in 2024, the year of the reference capture. */
    public static final Clock CLOCK_2024 = Clock.fixed(Instant.parse("2024-06-15T12:00:00Z"), ZoneOffset.UTC);

    /** The smallest valid configuration: what every other test configuration starts from. */
    public static final String MINIMAL = """
            site:
              name: Demo
              url: https://www.example.com/
              locales:
                - { tag: en, name: English }
            brand:
              name: { text: Demo, href: / }
            """;

    private Fixtures() {
    }

    /** Parses {@code yaml}; a configuration a test expects to be valid fails the test with the loader's problems. */
    public static ChromeConfig config(String yaml) {
        try {
            return ConfigLoader.parse("test.yaml", yaml.getBytes(StandardCharsets.UTF_8), Path.of("."));
        } catch (ConfigException e) {
            throw new AssertionError("expected a valid configuration, got:\n" + e.getMessage() + "\n---\n" + yaml);
        }
    }

    /** A chrome of {@code yaml}, with the 2024 clock. */
    public static Chrome chrome(String yaml) {
        try {
            return Chrome.of(config(yaml), CLOCK_2024);
        } catch (ConfigException e) {
            throw new AssertionError(e.getMessage());
        }
    }

    /** The repository's root folder (surefire runs in chrome-core). */
    public static Path repoRoot() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("chrome-core")) && Files.isDirectory(p.resolve("examples"))) return p;
        }
        throw new AssertionError("cannot find the repository root from " + here);
    }

    /** The example configuration that reproduces the reference page's chrome. */
    public static Path exampleConfig() {
        return repoRoot().resolve("examples/src/main/resources/io/sitechrome/examples/skype.yaml");
    }

    public static ChromeConfig exampleModel() {
        try {
            return ConfigLoader.load(exampleConfig());
        } catch (ConfigException e) {
            throw new AssertionError("the example configuration must load:\n" + e.getMessage());
        }
    }

    /** The example's chrome, with the 2024 clock. */
    public static Chrome example() {
        try {
            return Chrome.of(exampleModel(), CLOCK_2024);
        } catch (ConfigException e) {
            throw new AssertionError(e.getMessage());
        }
    }

    /** Parses a rendered fragment as the body of a page. */
    public static Document html(String fragment) {
        return Jsoup.parseBodyFragment(fragment);
    }
}
