package io.sitechrome.internal.config;

import io.sitechrome.config.ConfigContent;
import io.sitechrome.config.ConfigException;
import io.sitechrome.config.ConfigProblem;
import io.sitechrome.config.ConfigSource;
import io.sitechrome.config.SourceOptions;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A configuration document at an {@code http(s)} URL. Every read is one request, conditional
 * ({@code If-None-Match}, {@code If-Modified-Since}) once a body is known, so an unchanged
 * document costs a 304. Connecting and the whole request are bounded by
 * {@link SourceOptions}' timeouts. An error status, a timeout or an unreachable origin is a
 * problem of the read; only before anything was fetched in this process is the last good copy
 * kept on disk read instead (and logged as such), so that an application restarted while the
 * origin is down serves the organisation's chrome rather than its bundled default.
 */
final class UrlSource implements ConfigSource {

    private static final System.Logger LOG = System.getLogger(UrlSource.class.getName());
    private static final String ACCEPT = "application/yaml, application/x-yaml, text/yaml, application/json, text/plain;q=0.5, */*;q=0.1";

    private final URI url;
    private final SourceOptions options;
    /** Made at the first read: a source only named in settings starts no thread. */
    private HttpClient client;
    /** The last good copy on disk, or null when no cache directory is set. */
    private final Path copy;
    /** The body of the last 200, or of the disk copy read instead; null before either. */
    private byte[] body;
    private String etag;
    private String lastModified;
    /** What this process last wrote to (or found in) the disk copy, so that an unchanged one is not written again. */
    private byte[] kept;
    /** Why the last write of the copy failed: each distinct failure is logged once. */
    private String keepFailure;

    /**
     * A source polling {@code url}.
     *
     * @param url     the configuration's http(s) URL
     * @param options the timeouts, the pin, and where the last good copy is kept (none when null)
     */
    UrlSource(URI url, SourceOptions options) {
        this.url = url;
        this.options = options;
        this.copy = options.cacheDirectory() == null ? null : options.cacheDirectory().resolve(copyName(url));
    }

    /**
     * The name of a URL's disk copy: its host, for people looking into the folder, and a hash of the whole URL.
     *
     * @param url the configuration's URL
     * @return a file name safe on every file system
     */
    static String copyName(URI url) {
        String host = url.getHost().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "_");
        return host + "-" + LayeredSource.sha256(url.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 16) + ".chrome";
    }

    @Override
    public String name() {
        return url.toString();
    }

    @Override
    public synchronized ConfigContent read() throws ConfigException {
        HttpResponse<byte[]> response;
        try {
            response = send();
        } catch (FetchFailure failure) {
            return fallBack(failure.getMessage());
        }
        int status = response.statusCode();
        if (status == 304 && body != null) return content(body);
        if (status != 200) return fallBack("the origin answered HTTP status " + status);
        body = response.body();
        etag = response.headers().firstValue("ETag").orElse(null);
        lastModified = response.headers().firstValue("Last-Modified").orElse(null);
        return content(body);
    }

    /** Why a request did not get an answer, in words that stay the same while the cause does, so it is logged once. */
    private static final class FetchFailure extends Exception {
        FetchFailure(String message) {
            super(message, null, false, false);
        }
    }

    private HttpResponse<byte[]> send() throws FetchFailure {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).GET()
                .timeout(options.requestTimeout())
                .header("Accept", ACCEPT);
        if (body != null && etag != null) request.header("If-None-Match", etag);
        if (body != null && lastModified != null) request.header("If-Modified-Since", lastModified);
        if (client == null) {
            client = HttpClient.newBuilder().connectTimeout(options.connectTimeout()).followRedirects(HttpClient.Redirect.NORMAL).build();
        }
        CompletableFuture<HttpResponse<byte[]>> pending =
                client.sendAsync(request.build(), info -> new LimitedBody(ConfigLoader.MAX_FILE_BYTES));
        try {
            return pending.get(options.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new FetchFailure("no complete answer within " + options.requestTimeout().toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchFailure("interrupted while fetching");
        } catch (ExecutionException e) {
            throw new FetchFailure(describe(e.getCause()));
        } finally {
            pending.cancel(true);
        }
    }

    private String describe(Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException) {
            return "cannot connect within " + options.connectTimeout().toMillis() + " ms";
        }
        if (cause instanceof HttpTimeoutException) {
            return "no complete answer within " + options.requestTimeout().toMillis() + " ms";
        }
        if (cause instanceof LimitedBody.TooLarge) return cause.getMessage();
        if (cause instanceof ConnectException) return "cannot connect (" + (cause.getMessage() == null ? "connection refused" : cause.getMessage()) + ")";
        if (cause instanceof IOException && cause.getCause() instanceof ConnectException connect) return describe(connect);
        String message = cause.getMessage();
        return "cannot fetch it: " + cause.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message.replaceAll("\\s+", " "));
    }

    /**
     * A read that failed: the disk copy when nothing was fetched yet in this process, otherwise a problem,
     * so that the chrome in service stays.
     */
    private ConfigContent fallBack(String why) throws ConfigException {
        if (body == null && copy != null && Files.isRegularFile(copy)) {
            try {
                byte[] saved = Files.readAllBytes(copy);
                if (saved.length <= ConfigLoader.MAX_FILE_BYTES) {
                    LOG.log(Level.WARNING, "site-chrome: {0}: {1}; serving its last good copy, saved {2} in {3}",
                            name(), why, Files.getLastModifiedTime(copy), copy);
                    body = saved;
                    kept = saved;
                    return content(body);
                }
            } catch (IOException e) {
                LOG.log(Level.WARNING, "site-chrome: cannot read the last good copy {0} of {1}: {2}", copy, name(), e.getMessage());
            }
        }
        throw new ConfigException(List.of(new ConfigProblem(name(), 1, 1, ConfigProblem.ROOT, why)));
    }

    private ConfigContent content(byte[] bytes) {
        return ConfigContent.of(name(), bytes, null);
    }

    /**
     * Keeps {@code content}, which went into service, as the last good copy: written to a temporary
     * file and moved over the old copy, so a crash never leaves half a configuration.
     */
    @Override
    public synchronized void accepted(ConfigContent content) {
        if (copy == null || Arrays.equals(content.bytes(), kept)) return;
        Path temporary = null;
        try {
            Files.createDirectories(copy.getParent());
            temporary = Files.createTempFile(copy.getParent(), copy.getFileName().toString(), ".tmp");
            Files.write(temporary, content.bytes());
            try {
                Files.move(temporary, copy, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            kept = content.bytes();
            keepFailure = null;
        } catch (IOException e) {
            String failure = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (!failure.equals(keepFailure)) {
                LOG.log(Level.WARNING, "site-chrome: cannot keep the last good copy of {0} in {1}: {2}", name(), copy, failure);
            }
            keepFailure = failure;
            deleteQuietly(temporary);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) return;
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stray temporary file in the cache folder is harmless
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
