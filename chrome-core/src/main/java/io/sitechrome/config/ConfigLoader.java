package io.sitechrome.config;

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
 */
public final class ConfigLoader {

    /** Files larger than this are refused before they are parsed. */
    public static final int MAX_FILE_BYTES = 1024 * 1024;

    private ConfigLoader() {
    }

    /** Loads {@code file}; texts in problems name it as given. */
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
     * Parses configuration bytes as read from a source.
     *
     * @param content the bytes, with their name and base folder
     * @return the validated configuration
     * @throws ConfigException listing every problem
     */
    public static ChromeConfig parse(ConfigContent content) throws ConfigException {
        return parse(content.name(), content.bytes(), content.baseDirectory());
    }

    /** Loads a configuration bundled on the class path, such as an example's default. */
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
     */
    public static ChromeConfig parse(String name, byte[] content, Path baseDirectory) throws ConfigException {
        if (content.length > MAX_FILE_BYTES) {
            throw single(name, "the file is larger than the limit of " + MAX_FILE_BYTES + " bytes");
        }
        String text = decode(name, content);
        List<ConfigProblem> problems = new ArrayList<>();
        YamlDocument document = YamlDocument.parse(name, text, problems);
        if (document != null && problems.isEmpty()) {
            if (!document.root.isObject()) {
                problems.add(new ConfigProblem(name, 1, 1, ConfigProblem.ROOT, "expected a mapping with site, brand, header and footer"));
            } else {
                ConfigSchema.validate(document, name, problems);
                ChromeConfig config = bind(document, name, baseDirectory, problems, content);
                if (problems.isEmpty()) return config;
            }
        }
        throw new ConfigException(inFileOrder(problems));
    }

    /** Sorted by position, keeping only the first problem reported for each place and path. */
    private static List<ConfigProblem> inFileOrder(List<ConfigProblem> problems) {
        Map<String, ConfigProblem> first = new LinkedHashMap<>();
        for (ConfigProblem problem : problems) {
            first.putIfAbsent(problem.line() + ":" + problem.column() + ":" + problem.path(), problem);
        }
        List<ConfigProblem> sorted = new ArrayList<>(first.values());
        sorted.sort(Comparator.comparingInt(ConfigProblem::line).thenComparingInt(ConfigProblem::column));
        return sorted;
    }

    /** The bundled JSON Schema, for editors and tools. */
    public static InputStream schema() {
        return ConfigLoader.class.getResourceAsStream(ConfigSchema.RESOURCE);
    }

    /**
     * Binds even when the schema found problems, so that one run reports the semantic
     * ones too; a tree the schema refused may then break the binder's assumptions, and
     * what it would add is dropped.
     */
    private static ChromeConfig bind(YamlDocument document, String name, Path baseDirectory, List<ConfigProblem> problems, byte[] content) {
        boolean schemaValid = problems.isEmpty();
        List<ConfigProblem> semantic = new ArrayList<>();
        try {
            ChromeConfig config = new ConfigBinder(document, name, baseDirectory, semantic).bind(content);
            problems.addAll(semantic);
            return config;
        } catch (RuntimeException e) {
            if (schemaValid) throw e;
            problems.addAll(semantic);
            return null;
        }
    }

    private static String decode(String name, byte[] content) throws ConfigException {
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
     * The version a configuration of {@code content} has when its template folder ({@code site.templates},
     * or null for none) holds what it holds now: a watcher compares it with the version in service
     * to notice an edit of the file or of any template.
     *
     * @param content   the configuration file's bytes
     * @param templates the template folder it names, or null
     * @return a short hash of everything that shapes the output
     */
    public static String version(byte[] content, Path templates) {
        return version(content, TemplateFolder.read(templates));
    }

    static String version(byte[] content, TemplateFolder templates) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(content);
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
