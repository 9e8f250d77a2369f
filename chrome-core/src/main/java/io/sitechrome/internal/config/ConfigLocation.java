package io.sitechrome.internal.config;

import io.sitechrome.config.ConfigSource;
import io.sitechrome.config.SourceOptions;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where one configuration document lives: a local file or an {@code http(s)} URL. It names the
 * document in problems, opens it, and resolves what its {@code extends} names: a relative path
 * against the file's folder, a relative reference against the URL.
 */
public record ConfigLocation(Path file, URI url) {

    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    /** A Windows drive such as {@code C:\}, which looks like a scheme. */
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:[\\\\/].*");

    /**
     * @param text a path, or a URL starting with {@code http://} or {@code https://}
     * @return where it points
     * @throws IllegalArgumentException when it is neither, saying why
     */
    public static ConfigLocation parse(String text) {
        if (isUrl(text)) return new ConfigLocation(null, url(text));
        if (SCHEME.matcher(text).find() && !DRIVE.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + text + "' is neither a file nor an http:// or https:// URL");
        }
        try {
            return new ConfigLocation(Path.of(text), null);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid path");
        }
    }

    /**
     * Whether a location names a URL rather than a file.
     *
     * @param text a location as a setting or {@code extends} gives it
     * @return whether {@code text} is an {@code http://} or {@code https://} URL rather than a path
     */
    public static boolean isUrl(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    private static URI url(String text) {
        URI url;
        try {
            url = new URI(text).normalize();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid URL: " + e.getReason());
        }
        if (url.getHost() == null) throw new IllegalArgumentException("'" + text + "' is not a valid URL: it names no host");
        if (url.getRawFragment() != null) throw new IllegalArgumentException("'" + text + "' is not a valid URL for a configuration: it has a #fragment");
        return url;
    }

    /**
     * Where {@code reference}, as written in this document's {@code extends}, points.
     *
     * @param reference an absolute URL, or a path (a relative URL in a document read from a URL)
     * @return the base's location
     * @throws IllegalArgumentException when it cannot be followed from here, saying why
     */
    ConfigLocation resolve(String reference) {
        if (isUrl(reference)) return parse(reference);
        if (url != null) {
            if (SCHEME.matcher(reference).find()) {
                throw new IllegalArgumentException("'" + reference + "' is not an http:// or https:// URL");
            }
            try {
                return new ConfigLocation(null, url(url.resolve(new URI(reference)).toString()));
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("'" + reference + "' is not a valid relative URL: " + e.getReason());
            }
        }
        ConfigLocation relative = parse(reference);
        Path folder = file.toAbsolutePath().getParent();
        return new ConfigLocation(folder.resolve(relative.file).normalize(), null);
    }

    /** @return the file's path or the URL, as problems and logs name it */
    String name() {
        return url != null ? url.toString() : file.toString();
    }

    /** @return the same document, however it was written: for finding cycles */
    String identity() {
        return url != null ? url.toString() : file.toAbsolutePath().normalize().toString();
    }

    /**
     * @param options how a URL is fetched and kept
     * @return a reader of this one document
     */
    ConfigSource open(SourceOptions options) {
        return url != null ? new UrlSource(url, options) : new FileSource(file);
    }
}
