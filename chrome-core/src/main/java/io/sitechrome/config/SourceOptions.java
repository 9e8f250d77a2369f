package io.sitechrome.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * How a configuration named by a URL is fetched and kept, and what body is accepted. Immutable: start
 * from {@link #DEFAULTS} or {@link #NO_CACHE} and change what differs with the {@code with...} methods.
 */
public final class SourceOptions {

    /** The folder under {@code java.io.tmpdir} that keeps the last good copies when no other is named. */
    public static final String DEFAULT_CACHE_FOLDER = "site-chrome-cache";

    /** Options for a running application: the cache under {@code java.io.tmpdir}, 2 s to connect, 5 s per request, no pin. */
    public static final SourceOptions DEFAULTS = new SourceOptions(
            Path.of(System.getProperty("java.io.tmpdir"), DEFAULT_CACHE_FOLDER), Duration.ofSeconds(2), Duration.ofSeconds(5), null);

    /** Options for a one-off check such as {@code chrome validate}: what the origin serves now, no copy on disk. */
    public static final SourceOptions NO_CACHE = DEFAULTS.withCacheDirectory(null);

    private final Path cacheDirectory;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final String sha256;

    /**
     * Checks the timeouts and normalises the pin to lower case.
     *
     * @param cacheDirectory where the last good copy of each URL is kept, or null for no copy
     * @param connectTimeout how long connecting to the origin may take; positive
     * @param requestTimeout how long one request may take; positive
     * @param sha256         the SHA-256 (64 hex digits, either case) the body must have, or null for any
     * @throws IllegalArgumentException for a timeout that is not positive or a pin that is not 64 hex digits
     */
    private SourceOptions(Path cacheDirectory, Duration connectTimeout, Duration requestTimeout, String sha256) {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (connectTimeout.isNegative() || connectTimeout.isZero()) throw new IllegalArgumentException("the connect timeout must be positive");
        if (requestTimeout.isNegative() || requestTimeout.isZero()) throw new IllegalArgumentException("the request timeout must be positive");
        if (sha256 != null) {
            sha256 = sha256.strip().toLowerCase(Locale.ROOT);
            if (sha256.length() != 64 || !sha256.chars().allMatch(HexFormat::isHexDigit)) {
                throw new IllegalArgumentException("a configuration's SHA-256 is 64 hex digits, not '" + sha256 + "'");
            }
        }
        this.cacheDirectory = cacheDirectory;
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        this.sha256 = sha256;
    }

    /**
     * @return where the last good copy of each URL is kept, so that an application restarted while the origin
     *         is down serves it; null keeps no copy (the CLI's checks)
     */
    public Path cacheDirectory() {
        return cacheDirectory;
    }

    /** @return how long connecting to the origin may take */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** @return how long one request may take, from sending it to the last byte of the body */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /**
     * @return the SHA-256 (64 hex digits, lower case) the configuration's body must have, or null for any:
     *         a body with another one is refused like an invalid edit
     */
    public String sha256() {
        return sha256;
    }

    /**
     * @param directory where last good copies are kept, or null for none
     * @return these options keeping copies there
     */
    public SourceOptions withCacheDirectory(Path directory) {
        return new SourceOptions(directory, connectTimeout, requestTimeout, sha256);
    }

    /**
     * @param connect how long connecting may take
     * @param request how long a whole request may take
     * @return these options with those timeouts
     */
    public SourceOptions withTimeouts(Duration connect, Duration request) {
        return new SourceOptions(cacheDirectory, connect, request, sha256);
    }

    /**
     * @param pin the SHA-256 the configuration's body must have (64 hex digits), or null for any
     * @return these options with that pin
     */
    public SourceOptions withSha256(String pin) {
        return new SourceOptions(cacheDirectory, connectTimeout, requestTimeout, pin);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SourceOptions that && Objects.equals(cacheDirectory, that.cacheDirectory)
                && connectTimeout.equals(that.connectTimeout) && requestTimeout.equals(that.requestTimeout)
                && Objects.equals(sha256, that.sha256);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cacheDirectory, connectTimeout, requestTimeout, sha256);
    }

    @Override
    public String toString() {
        return "SourceOptions[cacheDirectory=" + cacheDirectory + ", connectTimeout=" + connectTimeout
                + ", requestTimeout=" + requestTimeout + ", sha256=" + sha256 + "]";
    }
}
