package io.sitechrome.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChromeCliTest {

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h", "help"})
    void helpPrintsUsageAndSucceeds(String help) {
        Cli cli = Cli.run(help);
        assertEquals(0, cli.status());
        assertTrue(cli.out().startsWith("Usage: chrome <command>"), cli.out());
        assertTrue(cli.out().contains("validate") && cli.out().contains("render") && cli.out().contains("preview"), cli.out());
        assertEquals("", cli.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"validate", "render", "preview"})
    void everyCommandHasHelp(String command) {
        Cli cli = Cli.run(command, "--help");
        assertEquals(0, cli.status());
        assertTrue(cli.out().startsWith("Usage: chrome " + command), cli.out());
        assertEquals("", cli.err());
    }

    @Test
    void helpWinsOverOtherMistakes() {
        assertEquals(0, Cli.run("render", "--bogus", "-h").status());
    }

    @Test
    void noCommandIsAUsageError() {
        Cli cli = Cli.run();
        assertEquals(2, cli.status());
        assertTrue(cli.err().startsWith("chrome: missing command\nUsage: chrome"), cli.err());
        assertEquals("", cli.out());
    }

    @Test
    void unknownCommandIsAUsageError() {
        Cli cli = Cli.run("deploy");
        assertEquals(2, cli.status());
        assertTrue(cli.err().startsWith("chrome: unknown command 'deploy'\nUsage: chrome"), cli.err());
    }

    @Test
    void unknownOptionIsAUsageError() {
        Cli cli = Cli.run("validate", "--config", "x.yaml", "--strict");
        assertEquals(2, cli.status());
        assertTrue(cli.err().startsWith("chrome validate: unknown option --strict\nUsage: chrome validate"), cli.err());
    }

    @Test
    void missingRequiredOptionIsAUsageError() {
        Cli cli = Cli.run("validate");
        assertEquals(2, cli.status());
        assertTrue(cli.err().startsWith("chrome validate: missing --config\n"), cli.err());
    }

    @Test
    void optionWithoutValueIsAUsageError() {
        assertTrue(Cli.run("validate", "--config").err().startsWith("chrome validate: --config needs a value\n"));
        assertTrue(Cli.run("validate", "--config=").err().startsWith("chrome validate: --config needs a value\n"));
    }

    @Test
    void repeatedOptionIsAUsageError() {
        Cli cli = Cli.run("validate", "--config", "a.yaml", "--config=b.yaml");
        assertEquals(2, cli.status());
        assertTrue(cli.err().startsWith("chrome validate: --config is given twice\n"), cli.err());
    }

    @Test
    void strayArgumentIsAUsageError() {
        Cli cli = Cli.run("validate", "chrome.yaml");
        assertEquals(2, cli.status());
        assertTrue(cli.err().startsWith("chrome validate: unexpected argument 'chrome.yaml'\n"), cli.err());
    }

    @Test
    void badPortIsAUsageError() {
        for (String port : new String[] {"-1", "65536", "http"}) {
            Cli cli = Cli.run("preview", "--config", Cli.EXAMPLE.toString(), "--port", port);
            assertEquals(2, cli.status(), port);
            assertTrue(cli.err().startsWith("chrome preview: --port must be a number from 0 to 65535, not '" + port + "'\n"), cli.err());
        }
    }
}
