package io.sitechrome.config;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A static origin for configuration files on 127.0.0.1 and a free port, as a CDN or any static
 * host serves them: an ETag and a Last-Modified per file, 304 for a conditional request that
 * matches. It records every request, and a test can make a path answer an error status or hold
 * its answer until released.
 */
public final class OriginServer implements AutoCloseable {

    /** One request as the origin saw it. */
    public record Request(String path, String ifNoneMatch, String ifModifiedSince, int status) {
        /** @return whether the request carried a validator */
        public boolean conditional() {
            return ifNoneMatch != null || ifModifiedSince != null;
        }
    }

    private record Resource(byte[] body, String etag, String lastModified) {
    }

    private static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "origin-server");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Resource> files = new ConcurrentHashMap<>();
    private final Map<String, Integer> statuses = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch hold;
    private volatile CountDownLatch held = new CountDownLatch(1);
    private int edits;

    private OriginServer(HttpServer server) {
        this.server = server;
    }

    /** @return an origin listening on 127.0.0.1 and a free port */
    public static OriginServer start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        OriginServer origin = new OriginServer(server);
        server.createContext("/", origin::handle);
        server.setExecutor(origin.executor);
        server.start();
        return origin;
    }

    /** @return the URL of {@code path} on this origin */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Publishes {@code body} at {@code path}, with a new ETag and a later Last-Modified. */
    public synchronized void put(String path, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        edits++;
        String lastModified = DateTimeFormatter.RFC_1123_DATE_TIME.format(EPOCH.plusSeconds(edits).atOffset(ZoneOffset.UTC));
        files.put(path, new Resource(bytes, "\"" + sha256(bytes).substring(0, 16) + "\"", lastModified));
    }

    /** Makes {@code path} answer {@code status} (0: serve the file again). */
    public void status(String path, int status) {
        if (status == 0) statuses.remove(path);
        else statuses.put(path, status);
    }

    /** Holds every answer from now on until {@link #release()}. */
    public void holdAnswers() {
        held = new CountDownLatch(1);
        hold = new CountDownLatch(1);
    }

    /** Waits (at most 30 s) until a request is being held. */
    public boolean awaitHeldRequest() throws InterruptedException {
        return held.await(30, TimeUnit.SECONDS);
    }

    /** Answers the held requests and no longer holds any. */
    public void release() {
        CountDownLatch current = hold;
        hold = null;
        if (current != null) current.countDown();
    }

    /** @return every request so far, in order */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** @return the requests so far for {@code path} */
    public List<Request> requests(String path) {
        return requests.stream().filter(request -> request.path().equals(path)).toList();
    }

    /** @return the ETag {@code path} is served with now */
    public String etag(String path) {
        return files.get(path).etag();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            CountDownLatch waiting = hold;
            if (waiting != null) {
                held.countDown();
                waiting.await(60, TimeUnit.SECONDS);
            }
            String path = exchange.getRequestURI().getPath();
            String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
            String ifModifiedSince = exchange.getRequestHeaders().getFirst("If-Modified-Since");
            Resource file = files.get(path);
            int status = statuses.getOrDefault(path, file == null ? 404 : 200);
            if (status == 200 && (ifNoneMatch != null ? ifNoneMatch.equals(file.etag()) : file.lastModified().equals(ifModifiedSince))) {
                status = 304;
            }
            requests.add(new Request(path, ifNoneMatch, ifModifiedSince, status));
            if (file != null && (status == 200 || status == 304)) {
                exchange.getResponseHeaders().set("ETag", file.etag());
                exchange.getResponseHeaders().set("Last-Modified", file.lastModified());
            }
            if (status == 200) {
                exchange.getResponseHeaders().set("Content-Type", "application/yaml; charset=utf-8");
                exchange.sendResponseHeaders(200, file.body().length);
                exchange.getResponseBody().write(file.body());
            } else {
                exchange.sendResponseHeaders(status, -1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops answering: connections to the port are refused from now on. */
    public void stop() {
        release();
        server.stop(0);
    }

    @Override
    public void close() {
        stop();
        executor.shutdownNow();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
