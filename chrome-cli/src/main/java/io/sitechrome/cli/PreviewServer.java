package io.sitechrome.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sitechrome.config.ConfigProblem;
import io.sitechrome.config.ConfigSource;
import io.sitechrome.render.Asset;
import io.sitechrome.render.Chrome;
import io.sitechrome.render.LiveChrome;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

final class PreviewServer implements AutoCloseable {

    static final Duration WATCH_INTERVAL = Duration.ofMillis(300);

    private final LiveChrome live;
    private final String config;
    private final List<Consumer<PreviewSnapshot>> listeners = new CopyOnWriteArrayList<>();
    private PreviewSnapshot snapshot;
    private final EventStream events = new EventStream();
    private final HttpServer server;
    private final ExecutorService executor;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicBoolean closing = new AtomicBoolean();

    private PreviewServer(LiveChrome live, String config, HttpServer server, ExecutorService executor) {
        this.live = live;
        this.config = config;
        this.snapshot = new PreviewSnapshot(live.current(), live.problems(), 1);
        this.server = server;
        this.executor = executor;
    }

    static PreviewServer start(ConfigSource config, int port) throws IOException {
        LiveChrome live = LiveChrome.open(config, WATCH_INTERVAL, null);
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            live.close();
            throw e;
        }
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "chrome-preview-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        PreviewServer preview = new PreviewServer(live, config.name(), server, executor);
        live.onReload(reload -> preview.publish(reload.chrome(), reload.problems()));
        // a reload between opening and listening would otherwise wait for the next edit
        preview.publish(live.current(), live.problems());
        server.createContext("/", preview::handle);
        server.setExecutor(executor);
        server.start();
        return preview;
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    synchronized PreviewSnapshot snapshot() {
        return snapshot;
    }

    void onChange(Consumer<PreviewSnapshot> listener) {
        listeners.add(listener);
    }

    private synchronized void publish(Chrome chrome, List<ConfigProblem> problems) {
        if (chrome == snapshot.chrome() && problems.equals(snapshot.problems())) return;
        snapshot = new PreviewSnapshot(chrome, problems, snapshot.generation() + 1);
        announce(snapshot);
        for (Consumer<PreviewSnapshot> listener : listeners) listener.accept(snapshot);
    }

    void awaitClose() throws InterruptedException {
        closed.await();
    }

    private void announce(PreviewSnapshot snapshot) {
        if (snapshot.valid()) {
            events.publish("reload", List.of(snapshot.chrome().version()));
        } else {
            events.publish("problems", ConfigFiles.lines(snapshot.problems()));
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            route(exchange);
        } catch (RuntimeException e) {
            if (exchange.getResponseCode() == -1) send(exchange, 500, "text/plain", "the preview failed: " + ConfigFiles.describe(e) + "\n");
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        PreviewSnapshot snapshot = snapshot();
        Chrome chrome = snapshot.chrome();
        if (method.equals("POST")) {
            form(exchange, chrome);
            return;
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD, POST");
            send(exchange, 405, "text/plain", "method not allowed\n");
            return;
        }
        if (path.equals("/")) {
            send(exchange, 200, "text/html", Gallery.html(snapshot, config));
        } else if (path.equals("/events")) {
            events.serve(exchange, Integer.toString(snapshot.generation()));
        } else if (path.equals("/version")) {
            if (chrome == null) send(exchange, 503, "text/plain", "none\n");
            else send(exchange, 200, "text/plain", chrome.version() + "\n");
        } else if (path.startsWith("/assets/")) {
            Asset asset = chrome == null ? null : chrome.asset(path.substring("/assets/".length()));
            if (asset == null) send(exchange, 404, "text/plain", "no such asset\n");
            else send(exchange, 200, asset.contentType(), asset.bytes());
        } else if (path.startsWith("/state/")) {
            state(exchange, snapshot, path.substring("/state/".length()));
        } else {
            send(exchange, 404, "text/plain", "not found\n");
        }
    }

    private void state(HttpExchange exchange, PreviewSnapshot snapshot, String name) throws IOException {
        Chrome chrome = snapshot.chrome();
        if (chrome == null) {
            send(exchange, 503, "text/html", Gallery.problemsPage(snapshot));
            return;
        }
        PreviewState state = PreviewState.named(chrome, name);
        if (state == null) {
            send(exchange, 404, "text/plain", "no such state\n");
            return;
        }
        String locale = query(exchange.getRequestURI(), "locale");
        send(exchange, 200, "text/html", StatePage.html(chrome, state, locale, snapshot.generation()));
    }

    private static void form(HttpExchange exchange, Chrome chrome) throws IOException {
        exchange.getRequestBody().readNBytes(64 * 1024);
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        if (chrome == null || accept == null || !accept.contains("application/json")) {
            exchange.sendResponseHeaders(204, -1);
            return;
        }
        String referer = exchange.getRequestHeaders().getFirst("Referer");
        String locale = null;
        try {
            locale = referer == null ? null : query(URI.create(referer), "locale");
        } catch (IllegalArgumentException e) {
            // a malformed Referer only loses the page's locale
        }
        send(exchange, 200, "application/json", InertForms.json(chrome, locale));
    }

    private static String query(URI uri, String name) {
        String query = uri.getRawQuery();
        if (query == null) return null;
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals(name)) {
                try {
                    return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static void send(HttpExchange exchange, int status, String type, String text) throws IOException {
        send(exchange, status, type + "; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
        } else {
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) return;
        events.close();
        server.stop(0);
        executor.shutdownNow();
        live.close();
        closed.countDown();
    }
}
