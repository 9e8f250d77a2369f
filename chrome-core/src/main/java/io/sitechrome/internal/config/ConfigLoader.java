package io.sitechrome.internal.config;

import io.sitechrome.config.ConfigContent;
import io.sitechrome.config.ConfigException;
import io.sitechrome.config.ConfigProblem;
import io.sitechrome.config.ConfigSource;
import io.sitechrome.model.ChromeConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a configuration file (YAML or JSON), validates it against the bundled JSON Schema
 * and the rules a schema cannot express, and returns the immutable model, or throws a
 * {@link ConfigException} listing every problem at once.
 *
 * <p>A configuration that {@code extends} a base is laid over it first (see
 * {@link ConfigSource}): mappings merge key by key, lists and other values replace the base's,
 * and each problem names the file its line is in, the base's or the extending one's.
 */
public final class ConfigLoader {

    /** Files larger than this are refused before they are parsed. */
    public static final int MAX_FILE_BYTES = 1024 * 1024;

    private ConfigLoader() {
    }

    /**
     * Loads a configuration file, with the bases it {@code extends}.
     *
     * @param file the configuration file; problems name it as given
     * @return the validated configuration
     * @throws ConfigException listing every problem, when the file cannot be read or is not valid
     */
    public static ChromeConfig load(Path file) throws ConfigException {
        return load(ConfigSource.file(file));
    }

    /**
     * Reads and loads the configuration {@code source} holds now.
     *
     * @param source a file or URL
     * @return the validated configuration
     * @throws ConfigException listing every problem, each naming the file (or template) and place
     */
    public static ChromeConfig load(ConfigSource source) throws ConfigException {
        return parse(source.read());
    }

    /**
     * Parses configuration bytes as read from a source, laid over the bases read with them.
     *
     * @param content the bytes, with their name, base folder and base
     * @return the validated configuration
     * @throws ConfigException listing every problem, each naming the document it is in
     */
    public static ChromeConfig parse(ConfigContent content) throws ConfigException {
        List<ConfigProblem> problems = new ArrayList<>();
        List<String> files = new ArrayList<>();
        YamlDocument merged = null;
        List<YamlDocument> layers = new ArrayList<>();
        for (ConfigContent layer = content; layer != null; layer = layer.base()) {
            files.add(layer.name());
            YamlDocument document = layer(layer, problems);
            if (document != null) layers.add(document);
        }
        if (problems.isEmpty()) {
            for (int i = layers.size() - 1; i >= 0; i--) merged = merged == null ? layers.get(i) : layers.get(i).over(merged);
            ConfigSchema.validate(merged, content.name(), problems);
            ChromeConfig config = bind(merged, content, problems);
            if (problems.isEmpty()) return config;
        }
        YamlDocument located = merged;
        throw new ConfigException(inFileOrder(located == null ? problems : problems.stream().map(located::locate).toList(), files));
    }

    /** One document of a configuration, without its {@code extends}; null when it cannot be read, with the problems why. */
    private static YamlDocument layer(ConfigContent layer, List<ConfigProblem> problems) {
        String name = layer.name();
        if (layer.bytes().length > MAX_FILE_BYTES) {
            problems.add(new ConfigProblem(name, 1, 1, ConfigProblem.ROOT, "the file is larger than the limit of " + MAX_FILE_BYTES + " bytes"));
            return null;
        }
        String text;
        try {
            text = decode(name, layer.bytes());
        } catch (ConfigException e) {
            problems.addAll(e.problems());
            return null;
        }
        List<ConfigProblem> found = new ArrayList<>();
        YamlDocument document = YamlDocument.parse(new YamlDocument.Origin(name, layer.baseDirectory()), text, found);
        problems.addAll(found);
        if (document == null || !found.isEmpty()) return null;
        if (!document.root.isObject()) {
            problems.add(new ConfigProblem(name, 1, 1, ConfigProblem.ROOT, "expected a mapping with site, brand, header and footer"));
            return null;
        }
        if (document.hasExtends() && layer.base() == null) {
            SourcePosition at = document.keyAt(YamlDocument.EXTENDS);
            problems.add(new ConfigProblem(name, at.line(), at.column(), YamlDocument.EXTENDS,
                    "only a configuration read from a file or URL can extend another"));
            return null;
        }
        return document.withoutExtends();
    }

    /**
     * Loads a configuration bundled on the class path, such as an example's default. Relative paths
     * in it (such as {@code site.templates}) resolve against the working directory.
     *
     * @param anchor   the class whose {@link Class#getResourceAsStream(String)} finds the resource
     * @param resource the resource's name, relative to {@code anchor}'s package unless it starts with {@code /};
     *                 problems name it
     * @return the validated configuration
     * @throws ConfigException when there is no such resource, it cannot be read, or it is not valid
     */
    public static ChromeConfig loadResource(Class<?> anchor, String resource) throws ConfigException {
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) throw single(resource, "no such resource");
            return parse(resource, in.readNBytes(MAX_FILE_BYTES + 1), Path.of("."));
        } catch (IOException e) {
            throw single(resource, "cannot read the resource: " + e.getMessage());
        }
    }

    /**
     * Parses configuration bytes (UTF-8). {@code baseDirectory} resolves relative paths
     * such as {@code site.templates}.
     *
     * @param name          the name problems give the document, such as its file name
     * @param content       the YAML or JSON document, in UTF-8
     * @param baseDirectory the folder relative paths in it resolve against
     * @return the validated configuration
     * @throws ConfigException listing every problem, when the bytes are not valid UTF-8 or not a valid configuration
     */
    public static ChromeConfig parse(String name, byte[] content, Path baseDirectory) throws ConfigException {
        return parse(ConfigContent.of(name, content, baseDirectory));
    }

    /**
     * Sorted by document (the extending one first, then its bases) and position, keeping only the
     * first problem reported for each place and path.
     */
    private static List<ConfigProblem> inFileOrder(List<ConfigProblem> problems, List<String> files) {
        Map<String, ConfigProblem> first = new LinkedHashMap<>();
        for (ConfigProblem problem : problems) {
            first.putIfAbsent(problem.file() + "\n" + problem.line() + ":" + problem.column() + ":" + problem.path(), problem);
        }
        List<ConfigProblem> sorted = new ArrayList<>(first.values());
        sorted.sort(Comparator.comparingInt((ConfigProblem problem) -> Math.max(0, files.indexOf(problem.file())))
                .thenComparingInt(ConfigProblem::line).thenComparingInt(ConfigProblem::column));
        return sorted;
    }

    /**
     * The bundled JSON Schema, for editors and tools.
     *
     * @return a new stream of the schema's JSON; the caller closes it
     */
    public static InputStream schema() {
        return ConfigLoader.class.getResourceAsStream(ConfigSchema.RESOURCE);
    }

    /**
     * Binds even when the schema found problems, so that one run reports the semantic
     * ones too; a tree the schema refused may then break the binder's assumptions, and
     * what it would add is dropped.
     */
    private static ChromeConfig bind(YamlDocument document, ConfigContent content, List<ConfigProblem> problems) {
        boolean schemaValid = problems.isEmpty();
        List<ConfigProblem> semantic = new ArrayList<>();
        try {
            ChromeConfig config = new ConfigBinder(document, content.name(), semantic).bind(content);
            problems.addAll(semantic);
            return config;
        } catch (RuntimeException e) {
            if (schemaValid) throw e;
            problems.addAll(semantic);
            return null;
        }
    }

    /**
     * Decodes a document's bytes as strict UTF-8, without a leading byte order mark.
     *
     * @param name    the document's name, for the problem
     * @param content the bytes
     * @return the text
     * @throws ConfigException with one problem at the line and column of the first byte that is not UTF-8
     */
    static String decode(String name, byte[] content) throws ConfigException {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            int offset = firstInvalidByte(content);
            int line = 1;
            int column = 1;
            for (int i = 0; i < offset; i++) {
                if (content[i] == '\n') {
                    line++;
                    column = 1;
                } else if ((content[i] & 0xC0) != 0x80) {
                    column++;
                }
            }
            throw new ConfigException(List.of(new ConfigProblem(name, line, column, ConfigProblem.ROOT,
                    "the file is not UTF-8 text (invalid byte at offset " + offset + ")")));
        }
    }

    private static int firstInvalidByte(byte[] content) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        var out = java.nio.CharBuffer.allocate(content.length + 1);
        var result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : content.length;
    }

    /**
     * The version a configuration read from a source has when its template folder holds what it holds
     * now: it covers the bases the configuration extends too, so an edit of a base is noticed.
     *
     * @param content   the configuration as read, with its bases
     * @param templates the template folder it names, or null
     * @return a short hash of everything that shapes the output
     */
    public static String version(ConfigContent content, Path templates) {
        return version(content, TemplateFolder.read(templates));
    }

    /**
     * The version of a configuration with a template folder already read.
     *
     * @param content   the configuration as read, with its bases
     * @param templates the template folder as read
     * @return a short hash of the bytes of every document and template
     */
    static String version(ConfigContent content, TemplateFolder templates) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(content.bytes());
            for (ConfigContent base = content.base(); base != null; base = base.base()) {
                digest.update((byte) 0);
                digest.update(base.name().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(base.bytes());
            }
            templates.addTo(digest);
            return HexFormat.of().formatHex(digest.digest(), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ConfigException single(String name, String message) {
        return new ConfigException(List.of(new ConfigProblem(name, 1, 1, ConfigProblem.ROOT, message)));
    }
}
