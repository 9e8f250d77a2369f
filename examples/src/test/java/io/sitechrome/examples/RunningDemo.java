package io.sitechrome.examples;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A demo server for one test class: {@link DemoServer#start} on 127.0.0.1 and a free port,
 * with its consent audit log in a temporary folder. Every {@link #browser()} is a fresh
 * visitor with its own cookie jar.
 */
final class RunningDemo implements AutoCloseable {

    private final DemoServer server;
    private final Path auditLog;
    private final URI base;

    private RunningDemo(DemoServer server, Path auditLog) {
        this.server = server;
        this.auditLog = auditLog;
        this.base = URI.create("http://127.0.0.1:" + server.port() + "/");
    }

    /** The demo with its bundled skype.yaml. */
    static RunningDemo start(Path folder) throws Exception {
        return start(folder, null);
    }

    /** The demo serving the configuration file {@code config} (null: the bundled one), as {@code --config} does. */
    static RunningDemo start(Path folder, Path config) throws Exception {
        Path auditLog = folder.resolve("consent-audit-" + System.nanoTime() + ".log");
        return new RunningDemo(DemoServer.start("127.0.0.1", 0, config == null ? null : config.toString(), auditLog), auditLog);
    }

    URI base() {
        return base;
    }

    int port() {
        return server.port();
    }

    /** A new visitor: no cookies yet. */
    Browser browser() {
        return new Browser(base);
    }

    /** The consent audit log's lines; none before the first choice is recorded. */
    List<String> auditLines() throws IOException {
        return Files.exists(auditLog) ? Files.readAllLines(auditLog, StandardCharsets.UTF_8) : List.of();
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
