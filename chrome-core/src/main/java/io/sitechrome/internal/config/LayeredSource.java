package io.sitechrome.internal.config;

import io.sitechrome.config.ConfigContent;
import io.sitechrome.config.ConfigException;
import io.sitechrome.config.ConfigProblem;
import io.sitechrome.config.ConfigSource;
import io.sitechrome.config.SourceOptions;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A configuration with the bases its {@code extends} names, each read again at every
 * {@link #read()}: so a watcher following this source follows an edit of a base too. A base
 * named by a relative path resolves against the document naming it; a cycle, or more than
 * {@link #MAX_BASES} bases, is a problem at the {@code extends} that goes too far. The
 * configuration's own body must have the SHA-256 {@link SourceOptions#sha256()} pins, if any.
 */
public final class LayeredSource implements ConfigSource {

    /** How many bases one configuration may stand on, one extending the next. */
    static final int MAX_BASES = 4;

    private final ConfigLocation location;
    private final SourceOptions options;
    /** Every document read so far, by {@link ConfigLocation#identity()}: a URL keeps its validators from one read to the next. */
    private final Map<String, ConfigSource> documents = new LinkedHashMap<>();
    /** What each document's {@code extends} said, for the bytes it was last found in, so unchanged bytes are not parsed again. */
    private final Map<String, Found> references = new HashMap<>();

    private record Found(byte[] bytes, YamlDocument.Reference reference) {
    }

    /**
     * A source for the document at {@code location} and the bases its {@code extends} names.
     *
     * @param location where the document lives
     * @param options  how documents at URLs are fetched and kept
     */
    public LayeredSource(ConfigLocation location, SourceOptions options) {
        this.location = location;
        this.options = options;
        documents.put(location.identity(), location.open(options));
    }

    @Override
    public String name() {
        return location.name();
    }

    @Override
    public Path file() {
        return location.file();
    }

    @Override
    public synchronized ConfigContent read() throws ConfigException {
        ConfigContent own = documents.get(location.identity()).read();
        checkPin(own);
        List<String> chain = new ArrayList<>();
        chain.add(location.identity());
        return withBases(location, own, chain);
    }

    private ConfigContent withBases(ConfigLocation at, ConfigContent own, List<String> chain) throws ConfigException {
        YamlDocument.Reference reference = reference(at, own);
        if (reference == null) return own;
        if (reference.text() == null) throw problem(own, reference, "expected text: the URL or path of the base configuration");
        ConfigLocation base;
        try {
            base = at.resolve(reference.text());
        } catch (IllegalArgumentException e) {
            throw problem(own, reference, e.getMessage());
        }
        if (chain.contains(base.identity())) {
            throw problem(own, reference, "the bases form a cycle: " + String.join(" -> ", chain) + " -> " + base.identity());
        }
        if (chain.size() > MAX_BASES) {
            throw problem(own, reference, "a configuration may stand on at most " + MAX_BASES + " bases, one extending the next");
        }
        ConfigContent baseContent = documents.computeIfAbsent(base.identity(), identity -> base.open(options)).read();
        chain.add(base.identity());
        return own.extending(withBases(base, baseContent, chain));
    }

    private YamlDocument.Reference reference(ConfigLocation at, ConfigContent own) {
        Found found = references.get(at.identity());
        if (found == null || !Arrays.equals(found.bytes(), own.bytes())) {
            found = new Found(own.bytes(), YamlDocument.extendsReference(own.name(), own.bytes()));
            references.put(at.identity(), found);
        }
        return found.reference();
    }

    private void checkPin(ConfigContent own) throws ConfigException {
        if (options.sha256() == null) return;
        String actual = sha256(own.bytes());
        if (!actual.equals(options.sha256())) {
            throw new ConfigException(List.of(new ConfigProblem(own.name(), 1, 1, ConfigProblem.ROOT,
                    "its SHA-256 is " + actual + ", not the pinned " + options.sha256() + "; it is refused")));
        }
    }

    private static ConfigException problem(ConfigContent own, YamlDocument.Reference reference, String message) {
        return new ConfigException(List.of(new ConfigProblem(own.name(), reference.line(), reference.column(), YamlDocument.EXTENDS, message)));
    }

    /** Tells each document of {@code content} that it went into service: a URL keeps its last good copy. */
    @Override
    public synchronized void accepted(ConfigContent content) {
        for (ConfigContent layer = content; layer != null; layer = layer.base()) {
            for (ConfigSource document : documents.values()) {
                if (document.name().equals(layer.name())) document.accepted(layer);
            }
        }
    }

    /**
     * The SHA-256 of some bytes, as a pin compares it.
     *
     * @param bytes the bytes
     * @return 64 lower-case hex digits
     */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
