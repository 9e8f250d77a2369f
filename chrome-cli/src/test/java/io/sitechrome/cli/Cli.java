package io.sitechrome.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

record Cli(int status, String out, String err) {

    static final Path EXAMPLE = Path.of("../examples/src/main/resources/io/sitechrome/examples/skype.yaml");

    static Cli run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = ChromeCli.run(args, o, e);
        }
        return new Cli(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Path example(Path directory) throws IOException {
        return Files.copy(EXAMPLE, directory.resolve("chrome.yaml"), StandardCopyOption.REPLACE_EXISTING);
    }

    String all() {
        return out + err;
    }

    void assertNoStackTrace() {
        assertFalse(all().contains("Exception"), all());
        assertFalse(all().contains("at io."), all());
        assertFalse(all().contains("\tat "), all());
    }
}
