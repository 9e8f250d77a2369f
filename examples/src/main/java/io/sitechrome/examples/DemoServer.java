package io.sitechrome.examples;

import io.sitechrome.config.ConfigSource;
import io.sitechrome.config.SourceOptions;
import io.sitechrome.servlet.ChromeFilter;
import io.sitechrome.servlet.ChromeSettings;
import jakarta.servlet.DispatcherType;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The reference site on embedded Jetty: the app writes only the "Skype Legal" content and
 * {@link ChromeFilter} adds the chrome from {@code skype.yaml}.
 *
 * <pre>java -jar examples/target/chrome-examples.jar [--port 8080] [--host 127.0.0.1] [--config FILE-OR-URL] [--cache-dir DIR]</pre>
 */
public final class DemoServer implements AutoCloseable {

    /** The demo's configuration, bundled in the jar. */
    public static final String BUNDLED_CONFIG = "/io/sitechrome/examples/skype.yaml";
    /** The header the demo reads the visitor's country from, as Cloudflare sends it. */
    public static final String COUNTRY_HEADER = "CF-IPCountry";

    private final Server server;

    private DemoServer(Server server) {
        this.server = server;
    }

    /**
     * Starts the demo on {@code host}:{@code port} (port 0 picks a free one), with the
     * configuration {@code config}, or the bundled one when null.
     *
     * @param host     the address to listen on
     * @param port     the port, or 0 for a free one
     * @param config   a configuration file's path or an {@code http(s)} URL, or null for the bundled one
     * @param auditLog where consent choices are appended
     * @return the running demo
     * @throws Exception when it cannot start
     */
    public static DemoServer start(String host, int port, String config, Path auditLog) throws Exception {
        return start(new Options(host, port, config, null, false), auditLog);
    }

    /** Starts the demo as {@code options} say; a configuration URL keeps its last good copy in their cache folder. */
    static DemoServer start(Options options, Path auditLog) throws Exception {
        ChromeSettings.Builder settings = ChromeSettings.builder()
                .bundledConfig(BUNDLED_CONFIG)
                .countryHeader(COUNTRY_HEADER)
                .visitors(DemoSignInServlet.visitors())
                .consentListener(new ConsentAuditLog(auditLog));
        if (options.cacheDir() != null) settings.cacheDirectory(options.cacheDir());
        if (options.config() != null) settings.config(options.config());
        String host = options.host();
        int port = options.port();

        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.setContextPath("/");
        FilterHolder chrome = new FilterHolder(new ChromeFilter(settings.build()));
        chrome.setAsyncSupported(true);
        context.addFilter(chrome, "/*", EnumSet.allOf(DispatcherType.class));
        context.addServlet(new ServletHolder(new LegalPageServlet()), "/");
        context.addServlet(new ServletHolder(new DemoSignInServlet()), "/demo/sign-in");
        context.addServlet(new ServletHolder(new DemoSignInServlet()), "/demo/sign-out");
        context.addServlet(new ServletHolder(new AnalyticsScriptServlet()), "/demo/analytics.js");
        context.addServlet(new ServletHolder(new SiteStylesheetServlet()), "/demo/site.css");
        context.addServlet(new ServletHolder(new NotFoundServlet()), "/demo/not-found");
        ErrorPageErrorHandler errors = new ErrorPageErrorHandler();
        errors.addErrorPage(404, "/demo/not-found");
        context.setErrorHandler(errors);

        Server server = new Server(new InetSocketAddress(host, port));
        server.setHandler(context);
        server.start();
        return new DemoServer(server);
    }

    /** The port the demo listens on. */
    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("chrome-examples: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(USAGE);
            return;
        }
        Path auditLog = Path.of(System.getProperty("java.io.tmpdir"), "site-chrome-demo-consent.log");
        DemoServer demo = start(options, auditLog);
        System.out.println("site-chrome demo: http://localhost:" + demo.port() + "/  (configuration: "
                + (options.config() == null ? "bundled skype.yaml" : options.config())
                + "; consent audit log: " + auditLog + ")");
        demo.server.join();
    }

    static final String USAGE = "usage: java -jar chrome-examples.jar [--port 8080] [--host 127.0.0.1] [--config FILE-OR-URL] [--cache-dir DIR]";

    /**
     * The command line: where to listen, which configuration to serve (a file's path or an http(s) URL;
     * null: the bundled one), where a URL's last good copy is kept (null: under java.io.tmpdir), or a
     * request for help.
     */
    record Options(String host, int port, String config, Path cacheDir, boolean help) {

        /** Parses {@code args}; a bad one is an {@link IllegalArgumentException} whose message says what is wrong. */
        static Options parse(String... args) {
            int port = 8080;
            String host = "127.0.0.1";
            String config = null;
            Path cacheDir = null;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--help") || arg.equals("-h")) return new Options(host, port, config, cacheDir, true);
                if (i + 1 >= args.length) throw new IllegalArgumentException("missing value after " + arg);
                String value = args[++i];
                switch (arg) {
                    case "--port" -> port = parsePort(value);
                    case "--host" -> host = value;
                    case "--config" -> config = configLocation(value);
                    case "--cache-dir" -> cacheDir = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            return new Options(host, port, config, cacheDir, false);
        }

        /** A URL as given (its origin may be down: the last good copy serves), or a file that must exist. */
        private static String configLocation(String value) {
            if (ConfigSource.isUrl(value)) {
                ConfigSource.of(value, SourceOptions.NO_CACHE); // refuses a malformed URL now
                return value;
            }
            if (!Files.isRegularFile(Path.of(value))) throw new IllegalArgumentException("no such configuration file: " + value);
            return value;
        }

        private static int parsePort(String value) {
            int port;
            try {
                port = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--port must be a number: " + value);
            }
            if (port < 0 || port > 65535) throw new IllegalArgumentException("--port must be between 0 and 65535");
            return port;
        }
    }
}
