package io.sitechrome.cli;

import io.sitechrome.config.ConfigSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviewCommandTest {

    private static final Pattern URL = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/) \\(Ctrl-C to stop\\)");

    @TempDir
    Path dir;

    @Test
    void servesUntilInterruptedAndPrintsTheUrlAndProblems() throws Exception {
        Path config = Files.writeString(dir.resolve("chrome.yaml"), "site: [\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AtomicInteger status = new AtomicInteger(-1);
        Thread preview = new Thread(() -> status.set(ChromeCli.run(
                new String[] {"preview", "--config", config.toString(), "--port", "0"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))));
        preview.start();
        try {
            Matcher url = URL.matcher("");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!url.reset(out.toString(StandardCharsets.UTF_8)).find()) {
                assertTrue(System.nanoTime() < deadline, "no URL printed: " + out + err);
                Thread.sleep(20);
            }
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> gallery = http.send(HttpRequest.newBuilder(URI.create(url.group(1))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, gallery.statusCode());
            assertTrue(gallery.body().contains(config + ":"), gallery.body());
            assertTrue(err.toString(StandardCharsets.UTF_8).contains(config + ":"), err.toString(StandardCharsets.UTF_8));
        } finally {
            preview.interrupt();
            preview.join(10_000);
        }
        assertFalse(preview.isAlive());
        assertEquals(0, status.get());
    }

    @Test
    void aPortInUseIsOneLine() throws Exception {
        try (PreviewServer taken = PreviewServer.start(ConfigSource.file(Cli.example(dir)), 0)) {
            int port = taken.uri().getPort();
            Cli cli = Cli.run("preview", "--config", Cli.EXAMPLE.toString(), "--port", Integer.toString(port));
            assertEquals(1, cli.status());
            assertTrue(cli.err().startsWith("chrome preview: cannot listen on 127.0.0.1:" + port + ": "), cli.err());
            assertEquals(1, cli.err().lines().count(), cli.err());
        }
    }
}
