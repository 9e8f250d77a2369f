package io.sitechrome.cli;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

final class EventStream implements AutoCloseable {

    private static final long KEEP_ALIVE_SECONDS = 15;

    private final Set<BlockingQueue<String>> clients = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    void publish(String event, List<String> data) {
        String message = message(event, data);
        for (BlockingQueue<String> client : clients) client.offer(message);
    }

    void serve(HttpExchange exchange, String hello) throws IOException {
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        clients.add(queue);
        try {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, 0);
            OutputStream body = exchange.getResponseBody();
            send(body, "retry: 1000\n\n" + message("hello", List.of(hello)));
            while (!closed) {
                String message = queue.poll(KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
                if (closed) break;
                send(body, message == null ? ": keep-alive\n\n" : message);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                exchange.close();
            } finally {
                clients.remove(queue);
                synchronized (this) {
                    notifyAll();
                }
            }
        }
    }

    // waits a moment, so that each stream ends with a complete response, not a cut connection
    @Override
    public void close() {
        closed = true;
        for (BlockingQueue<String> client : clients) client.offer("");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        synchronized (this) {
            try {
                for (long left = deadline - System.nanoTime(); !clients.isEmpty() && left > 0; left = deadline - System.nanoTime()) {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void send(OutputStream body, String message) throws IOException {
        body.write(message.getBytes(StandardCharsets.UTF_8));
        body.flush();
    }

    private static String message(String event, List<String> data) {
        StringBuilder message = new StringBuilder("event: ").append(event).append('\n');
        for (String line : data.isEmpty() ? List.of("") : data) {
            message.append("data: ").append(line.replaceAll("[\\r\\n]+", " ")).append('\n');
        }
        return message.append('\n').toString();
    }
}
