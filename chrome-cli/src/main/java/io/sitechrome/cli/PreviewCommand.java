package io.sitechrome.cli;

import io.sitechrome.config.ConfigSource;
import io.sitechrome.render.LiveChrome;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

final class PreviewCommand implements Command {

    static final int DEFAULT_PORT = 8090;

    // the preview reports reloads and refused edits itself; LiveChrome would log them again
    private static final Logger LIVE_CHROME_LOG = Logger.getLogger(LiveChrome.class.getName());

    @Override
    public String name() {
        return "preview";
    }

    @Override
    public String summary() {
        return "serve a live gallery of every state of the chrome, for designers";
    }

    @Override
    public String usage() {
        return """
                Usage: chrome preview --config FILE-OR-URL [--port N]

                Serves a gallery on http://127.0.0.1:N/ showing every component in every state
                (signed out and in, each banner, the cookie banner and its preferences), in a
                left-to-right and a right-to-left locale, narrow (320px) and wide (1280px).
                Saving the file (or a base it extends) reloads the gallery; a URL is polled.
                An invalid edit shows its problems in the gallery while the last valid
                version stays on show. Stop with Ctrl-C.

                Options:
                  --config FILE-OR-URL   the configuration file or http(s) URL (required)
                  --port N               the port, 0 for any free one (default: 8090)
                  --help                 show this help

                Exit status: 0 stopped, 1 cannot listen on the port, 2 bad command line.
                """;
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("--config", "--port");
    }

    @Override
    public int run(Arguments arguments, PrintStream out, PrintStream err) throws UsageException {
        ConfigSource config = arguments.requiredConfig("--config");
        int port = port(arguments.value("--port"));
        LIVE_CHROME_LOG.setLevel(Level.SEVERE);
        PreviewServer server;
        try {
            server = PreviewServer.start(config, port);
        } catch (IOException e) {
            err.println("chrome preview: cannot listen on 127.0.0.1:" + port + ": " + ConfigFiles.describe(e));
            return ChromeCli.FAILED;
        }
        Thread shutdown = new Thread(server::close, "chrome-preview-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        out.println("Previewing " + config.name() + " at " + server.uri() + " (Ctrl-C to stop)");
        report(server.snapshot(), out, err);
        server.onChange(snapshot -> report(snapshot, out, err));
        try {
            server.awaitClose();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.close();
            try {
                Runtime.getRuntime().removeShutdownHook(shutdown);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook is what closed the server
            }
        }
        return ChromeCli.OK;
    }

    private static void report(PreviewSnapshot snapshot, PrintStream out, PrintStream err) {
        if (snapshot.valid()) {
            out.println("Loaded version " + snapshot.chrome().version());
            return;
        }
        err.println(snapshot.chrome() == null ? "The configuration is invalid; the gallery shows its problems until it is fixed:"
                : "Edit refused; still showing version " + snapshot.chrome().version() + ":");
        for (String line : ConfigFiles.lines(snapshot.problems())) err.println(line);
    }

    private static int port(String value) throws UsageException {
        if (value == null) return DEFAULT_PORT;
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) return port;
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new UsageException("--port must be a number from 0 to 65535, not '" + value + "'");
    }
}
