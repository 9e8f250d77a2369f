package io.sitechrome.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

    @TempDir
    Path dir;

    @Test
    void theExampleIsValid() {
        Cli cli = Cli.run("validate", "--config", Cli.EXAMPLE.toString());
        assertEquals(0, cli.status(), cli.all());
        assertEquals("OK\n", cli.out());
        List<String> warnings = cli.err().lines().toList();
        assertEquals(26, warnings.size(), "one line per locale with texts in another language: " + cli.err());
        assertEquals(Cli.EXAMPLE + ": warning: bg: 82 texts fall back to en", warnings.get(0));
        assertTrue(warnings.stream().noneMatch(w -> w.contains(" ar: ") || w.contains(" de: ") || w.contains(" en-US: ")), cli.err());
    }

    @Test
    void everyProblemIsOneLineInFileOrder() throws IOException {
        Path file = Files.writeString(dir.resolve("broken.yaml"), """
                site:
                  name: Demo
                  url: "https://example.com/"
                  locales:
                    - { tag: en, name: English }
                brand:
                  name: { text: Demo, href: "javascript:alert(1)" }
                header:
                  nav:
                    - { label: Home, hreff: "/" }
                footer:
                  links: []
                """);
        Cli cli = Cli.run("validate", "--config", file.toString());
        assertEquals(1, cli.status());
        assertEquals(file + ":7:29: brand.name.href: URL scheme 'javascript:' is not allowed; use http, https, mailto, tel or a site-relative URL\n"
                + file + ":10:22: header.nav[0].hreff: unknown key 'hreff'; did you mean 'href'?\n", cli.out());
        assertEquals("", cli.err());
    }

    @Test
    void aMissingFileIsOneProblem() {
        Path missing = dir.resolve("missing.yaml");
        assertOneProblem(Cli.run("validate", "--config", missing.toString()), missing + ":1:1: (root): cannot read the file: no such file\n");
    }

    @Test
    void aDirectoryIsOneProblem() {
        assertOneProblem(Cli.run("validate", "--config", dir.toString()),
                dir + ":1:1: (root): cannot read the file: it is a directory, not a configuration file\n");
    }

    @Test
    void binaryGarbageIsOneProblem() throws IOException {
        byte[] garbage = new byte[4096];
        new Random(42).nextBytes(garbage);
        garbage[0] = (byte) 0xC3;
        garbage[1] = (byte) 0x28;
        Path file = Files.write(dir.resolve("garbage.bin"), garbage);
        assertOneProblem(Cli.run("validate", "--config", file.toString()),
                file + ":1:1: (root): the file is not UTF-8 text (invalid byte at offset 0)\n");
    }

    @Test
    void aHugeFileIsOneProblem() throws IOException {
        Path file = Files.writeString(dir.resolve("huge.yaml"), "#".repeat(2 * 1024 * 1024));
        Cli cli = Cli.run("validate", "--config", file.toString());
        assertEquals(1, cli.status());
        assertEquals(1, cli.out().lines().count(), cli.out());
        cli.assertNoStackTrace();
    }

    @Test
    void deeplyNestedYamlIsOneProblem() throws IOException {
        Path file = Files.writeString(dir.resolve("deep.yaml"), "[".repeat(100_000));
        Cli cli = Cli.run("validate", "--config", file.toString());
        assertEquals(1, cli.status());
        assertEquals(1, cli.out().lines().count(), cli.out());
        cli.assertNoStackTrace();
    }

    @Test
    void anEmptyFileIsOneProblem() throws IOException {
        Path file = Files.writeString(dir.resolve("empty.yaml"), "");
        Cli cli = Cli.run("validate", "--config", file.toString());
        assertEquals(1, cli.status());
        assertEquals(1, cli.out().lines().count(), cli.out());
        cli.assertNoStackTrace();
    }

    @Test
    void aTemplateThatIncludesItselfIsRefusedNamingIt() throws IOException {
        Path config = withTemplates(dir);
        Path template = Files.writeString(dir.resolve("templates/skip-link.mustache"), "<a href=\"{{target}}\">{{text}}</a>{{> skip-link}}\n");
        Cli cli = Cli.run("validate", "--config", config.toString());
        assertEquals(1, cli.status(), cli.all());
        assertEquals(1, cli.out().lines().count(), cli.out());
        assertTrue(cli.out().startsWith(template + ":1:1: site.templates: template error"), cli.out());
        cli.assertNoStackTrace();
    }

    @Test
    void aTemplateThatOverflowsTheStackIsRefusedNamingIt() throws IOException {
        Path config = withTemplates(dir);
        Path template = Files.writeString(dir.resolve("templates/footer.mustache"), "{{#a}}".repeat(20_000) + "{{/a}}".repeat(20_000));
        assertOneProblem(Cli.run("validate", "--config", config.toString()),
                template + ":1:1: site.templates: template error: it nests sections or partials too deeply\n");
    }

    @Test
    void anUnbalancedThemeValueIsRefused() throws IOException {
        Path config = Cli.example(dir);
        Files.writeString(config, Files.readString(config).replace("theme:\n  tokens:\n", "theme:\n  tokens:\n    radius: \"calc(4px + 2px\"\n"));
        Cli cli = Cli.run("validate", "--config", config.toString());
        assertEquals(1, cli.status(), cli.all());
        assertTrue(cli.out().contains(": theme.tokens.radius: 'calc(4px + 2px' is not a plain CSS value"), cli.out());
    }

    static Path withTemplates(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("templates"));
        Path config = Cli.example(dir);
        Files.writeString(config, Files.readString(config).replaceFirst("(?m)^site:\n", "site:\n  templates: templates\n"));
        return config;
    }

    private static void assertOneProblem(Cli cli, String expected) {
        assertEquals(1, cli.status(), cli.all());
        assertEquals(expected, cli.out());
        assertEquals("", cli.err());
        cli.assertNoStackTrace();
    }
}
