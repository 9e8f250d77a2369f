package io.sitechrome.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitechrome.Fixtures;
import io.sitechrome.config.ConfigException;
import io.sitechrome.config.ConfigProblem;
import io.sitechrome.render.LiveChrome;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Configuration files built to exhaust the loader: huge, deeply nested, self-multiplying through
 * aliases, constructing Java objects, binary or in the wrong encoding. Each is refused within two
 * seconds with problems a designer can read (one line each, no stack trace, no Java internals),
 * and a watched file that turns into one of them leaves the last good chrome in service.
 */
class ConfigLimitsTest {

    /** A hang guard, not a speed test: speed is measured in the benchmarks module. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(30);
    private static final int MAX_PROBLEM_LENGTH = 600;
    private static final Pattern JAVA_INTERNALS = Pattern.compile(
            "Exception|Error\\b|\\bat [a-z][\\w.$]*\\(|org\\.yaml|com\\.fasterxml|com\\.networknt|java\\.lang|\\$Proxy|@[0-9a-f]{6,}");
    private static final String SITE = """
            site:
              name: Demo
              url: https://www.example.com/
              locales:
                - { tag: en, name: English }
            """;
    private static final String BRAND = """
            brand:
              name: { text: Demo, href: / }
            """;

    @BeforeAll
    static void warmUp() {
        Fixtures.config(Fixtures.MINIMAL);
        StringBuilder keys = new StringBuilder(SITE + BRAND + "theme: { tokens: {");
        for (int i = 0; i < 40_000; i++) keys.append(i == 0 ? "" : ",").append('k').append(i);
        for (String yaml : List.of(keys + "} }\n", SITE.replace("name: Demo", "name: " + "w".repeat(200_000)) + BRAND)) {
            assertThrows(ConfigException.class, () -> parse("warm-up.yaml", yaml));
        }
    }

    @Test
    void aWatchedFileRewrittenToFiftyMegabytesIsRefusedWithoutBeingReadAndTheLastGoodChromeServes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("chrome.yaml");
        Files.writeString(file, Fixtures.MINIMAL);
        try (LiveChrome live = LiveChrome.watch(file, Duration.ofHours(1))) {
            String good = live.current().version();
            byte[] line = "# padding padding padding padding padding padding padding padding padding padding\n"
                    .getBytes(StandardCharsets.US_ASCII);
            long target = 50L * 1024 * 1024;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
                out.write(Fixtures.MINIMAL.getBytes(StandardCharsets.UTF_8));
                for (long written = 0; written < target; written += line.length) out.write(line);
            }
            long size = Files.size(file);
            assertTrue(size > 50_000_000L);

            LiveChrome.Reload reload = assertTimeoutPreemptively(HANG_GUARD, live::check);
            assertFalse(reload.succeeded());
            assertEquals(List.of(file + ":1:1: (root): the file is " + size + " bytes; the limit is "
                    + ConfigLoader.MAX_FILE_BYTES + " bytes"), reload.problems().stream().map(ConfigProblem::toString).toList());
            assertEquals(good, live.current().version(), "the last good configuration stays in service");
            assertEquals(good, assertTimeoutPreemptively(HANG_GUARD, live::check).chrome().version(), "an unchanged huge file is not read again");
        }
    }

    static Stream<Arguments> deepNesting() {
        int depth = 100_000;
        return Stream.of(
                Arguments.of("flow sequences", SITE + BRAND + "header: " + "[".repeat(depth) + "]".repeat(depth) + "\n"),
                Arguments.of("flow mappings", SITE + BRAND + "header: " + "{a: ".repeat(depth) + "1" + "}".repeat(depth) + "\n"),
                Arguments.of("JSON objects", "{\"site\": " + "{\"a\": ".repeat(depth) + "1" + "}".repeat(depth) + "}"),
                Arguments.of("flow left open", SITE + "header: " + "[{".repeat(depth) + "\n"),
                Arguments.of("block sequences on one line", SITE + BRAND + "header:\n  " + "- ".repeat(depth) + "x\n"),
                Arguments.of("block mappings", SITE + BRAND + blockMappings(1_000)),
                Arguments.of("block sequences and mappings", SITE + BRAND + blockMixed(500)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deepNesting")
    void deeplyNestedInputIsRefusedAtTheNestingLimit(String kind, String yaml) {
        assertTrue(yaml.length() <= ConfigLoader.MAX_FILE_BYTES, "the file must reach the parser: " + yaml.length());
        ConfigException e = refused(kind + ".yaml", yaml.getBytes(StandardCharsets.UTF_8));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("nested more than " + YamlDocument.MAX_NESTING + " levels deep"), e.getMessage());
    }

    @Test
    void billionLaughsThroughManyCollectionAliasesIsRefusedAtTheAliasLimit() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level <= 12; level++) {
            yaml.append('a').append(level).append(": &a").append(level).append(" [");
            for (int i = 0; i < 10; i++) yaml.append(i == 0 ? "" : ", ").append("*a").append(level - 1);
            yaml.append("]\n");
        }
        ConfigException e = refused("lol.yaml", yaml.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("more than " + YamlDocument.MAX_ALIASES + " aliases"), e.getMessage());
    }

    @Test
    void billionLaughsWithinTheAliasLimitIsRefusedAtTheValueLimit() {
        StringBuilder yaml = new StringBuilder(SITE + BRAND + "x0: &x0 [lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level <= 6; level++) {
            yaml.append('x').append(level).append(level < 6 ? ": &x" + level : ":").append(" [");
            for (int i = 0; i < 8; i++) yaml.append(i == 0 ? "" : ", ").append("*x").append(level - 1);
            yaml.append("]\n");
        }
        assertTrue(yaml.toString().split("\\*x", -1).length - 1 <= YamlDocument.MAX_ALIASES);
        ConfigException e = refused("laughs.yaml", yaml.toString().getBytes(StandardCharsets.UTF_8));
        assertTrue(e.getMessage().contains("expands to more than " + YamlDocument.MAX_VALUES + " values"), e.getMessage());
    }

    @Test
    void aliasesOfOneHugeTextCannotMultiplyItIntoGigabytes() {
        StringBuilder yaml = new StringBuilder(SITE.replace("name: Demo", "name: &big \"" + "x".repeat(600_000) + "\""));
        yaml.append(BRAND).append("header:\n  nav:\n");
        for (int i = 0; i < 50; i++) {
            yaml.append("    - { label: *big, items: [");
            for (int j = 0; j < 50; j++) yaml.append(j == 0 ? "" : ", ").append("{ label: *big, href: *big }");
            yaml.append("] }\n");
        }
        yaml.append("footer:\n  columns:\n");
        for (int i = 0; i < 12; i++) {
            yaml.append("    - { heading: *big, links: [");
            for (int j = 0; j < 50; j++) yaml.append(j == 0 ? "" : ", ").append("{ label: *big, href: *big }");
            yaml.append("] }\n");
        }
        byte[] content = yaml.toString().getBytes(StandardCharsets.UTF_8);
        assertTrue(content.length <= ConfigLoader.MAX_FILE_BYTES);
        ConfigException e = refused("aliased-text.yaml", content);
        assertTrue(e.getMessage().contains("expands to more than"), e.getMessage());
    }

    @Test
    void aliasesOfOneHugeKeyCannotMultiplyItIntoGigabytes() {
        StringBuilder yaml = new StringBuilder(SITE + BRAND + "theme:\n  tokens:\n    ? &key \"" + "k".repeat(500_000) + "\"\n    : a\n");
        for (int i = 0; i < 5_000; i++) yaml.append("    ? *key\n    : b\n");
        ConfigException e = refused("aliased-key.yaml", yaml.toString().getBytes(StandardCharsets.UTF_8));
        assertTrue(e.getMessage().contains("expands to more than"), e.getMessage());
    }

    static Stream<Arguments> javaTags() {
        return Stream.of(
                Arguments.of("java.net.URL", "header: !!java.net.URL [\"%s\"]\n", 8),
                Arguments.of("URLClassLoader in a script engine", "header: !!javax.script.ScriptEngineManager "
                        + "[!!java.net.URLClassLoader [[!!java.net.URL [\"%s\"]]]]\n", 8),
                Arguments.of("verbatim java.io.File", "header: !<tag:yaml.org,2002:java.io.File> [\"%s\"]\n", 8),
                Arguments.of("verbatim java.net.URL on a nested value", "header:\n  nav:\n    - { label: a, href: !<tag:yaml.org,2002:java.net.URL> \"%s\" }\n", 10),
                Arguments.of("java.net.URL as a key", "theme:\n  tokens:\n    ? !!java.net.URL \"%s\"\n    : a\n", 10),
                Arguments.of("local tag", "header: !url \"%s\"\n", 8),
                Arguments.of("tag directive", "%%TAG !j! tag:yaml.org,2002:java.net.\n---\n" + SITE + BRAND + "header: !j!URL [\"%s\"]\n", 10));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("javaTags")
    void tagsThatWouldConstructJavaObjectsAreRefusedWithoutConstructingAnything(String kind, String line, int expectedLine) throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + listener.getLocalPort() + "/payload.jar";
            String yaml = line.startsWith("%") ? String.format(line, url) : SITE + BRAND + String.format(line, url);
            ConfigException e = refused("tag.yaml", yaml.getBytes(StandardCharsets.UTF_8));
            assertEquals(1, e.problems().size(), e.getMessage());
            ConfigProblem problem = e.problems().get(0);
            assertEquals(expectedLine, problem.line(), e.getMessage());
            assertTrue(problem.message().contains("tag") && problem.message().contains("not allowed"), e.getMessage());
            listener.setSoTimeout(200);
            assertThrows(SocketTimeoutException.class, () -> {
                try (Socket connected = listener.accept()) {
                    throw new AssertionError("the loader fetched " + url);
                }
            });
        }
    }

    static Stream<Arguments> hugeScalars() {
        String huge = "x".repeat(1_000_000);
        return Stream.of(
                Arguments.of("plain text", SITE.replace("name: Demo", "name: " + huge) + BRAND, "site.name"),
                Arguments.of("quoted URL", SITE.replace("https://www.example.com/", "\"https://www.example.com/" + huge + "\"") + BRAND, "site.url"),
                Arguments.of("refused scheme", SITE.replace("https://www.example.com/", "javascript:" + huge) + BRAND, "site.url"),
                Arguments.of("folded over many lines", SITE.replace("name: Demo", "name: >\n" + ("    " + "y".repeat(76) + "\n").repeat(12_000)) + BRAND, "site.name"),
                Arguments.of("literal block", SITE.replace("name: Demo", "name: |\n" + ("    " + "z".repeat(76) + "\n").repeat(12_000)) + BRAND, "site.name"),
                Arguments.of("escapes", SITE.replace("name: Demo", "name: \"" + "\\u0041".repeat(170_000) + "\"") + BRAND, "site.name"),
                Arguments.of("simple key", SITE + BRAND + "header:\n  " + "k".repeat(1_000_000) + ": 1\n", "(root)"),
                Arguments.of("explicit key", SITE + BRAND + "header:\n  ? " + "k".repeat(1_000_000) + "\n  : 1\n", "header." + "k".repeat(1_000_000)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hugeScalars")
    void aHugeSingleScalarIsRefusedWithAShortMessage(String kind, String yaml, String path) {
        byte[] content = yaml.getBytes(StandardCharsets.UTF_8);
        assertTrue(content.length <= ConfigLoader.MAX_FILE_BYTES, kind + ": " + content.length);
        ConfigException e = refused("huge-scalar.yaml", content);
        assertTrue(e.problems().stream().anyMatch(p -> p.path().equals(path) || p.path().startsWith(path.substring(0, Math.min(path.length(), 20)))),
                () -> "expected a problem on " + path.substring(0, Math.min(path.length(), 40)) + ", got " + abbreviated(e.getMessage()));
    }

    @Test
    void twoHundredThousandKeysAreRefusedAtTheValueLimit() {
        StringBuilder yaml = new StringBuilder(SITE + BRAND + "theme: { tokens: {");
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        int keys = 0;
        outer:
        for (char a : alphabet.toCharArray()) {
            for (char b : alphabet.toCharArray()) {
                for (char c : alphabet.toCharArray()) {
                    for (char d : "abcde".toCharArray()) {
                        yaml.append(keys == 0 ? "" : ",").append(a).append(b).append(c).append(d);
                        if (++keys == 200_000) break outer;
                    }
                }
            }
        }
        yaml.append("} }\n");
        byte[] content = yaml.toString().getBytes(StandardCharsets.UTF_8);
        assertTrue(content.length <= ConfigLoader.MAX_FILE_BYTES, "the file must reach the parser: " + content.length);
        ConfigException e = refused("keys.yaml", content);
        assertEquals(1, e.problems().size(), () -> abbreviated(e.getMessage()));
        assertTrue(e.getMessage().contains("expands to more than " + YamlDocument.MAX_VALUES + " values"), e.getMessage());
    }

    @Test
    void twoHundredThousandKeysInBlockStyleAreRefusedBecauseOfTheirSize() {
        StringBuilder yaml = new StringBuilder(SITE + BRAND + "theme:\n  tokens:\n");
        for (int i = 0; i < 200_000; i++) yaml.append("    k").append(i).append(": a\n");
        byte[] content = yaml.toString().getBytes(StandardCharsets.UTF_8);
        ConfigException e = refused("block-keys.yaml", content);
        assertEquals("block-keys.yaml:1:1: (root): the file is larger than the limit of " + ConfigLoader.MAX_FILE_BYTES + " bytes",
                e.getMessage());
    }

    @Test
    void randomBinaryIsRefused() {
        Random random = new Random(20240615L);
        for (int round = 0; round < 20; round++) {
            byte[] content = new byte[1 + random.nextInt(ConfigLoader.MAX_FILE_BYTES / 8)];
            random.nextBytes(content);
            ConfigException e = refused("binary-" + round + ".bin", content);
            assertEquals(1, e.problems().size(), e.getMessage());
        }
    }

    static Stream<Arguments> forbiddenCharacters() {
        return Stream.of(
                Arguments.of("\u0000", "U+0000"),
                Arguments.of("\u0001", "U+0001"),
                Arguments.of("\u001B", "U+001B"),
                Arguments.of("\u007F", "U+007F"),
                Arguments.of("\uFFFE", "U+FFFE"),
                Arguments.of("\uFFFF", "U+FFFF"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("forbiddenCharacters")
    void controlCharactersAndNonCharactersAreRefusedWhereTheyStand(String character, String name) {
        String yaml = SITE.replace("name: Demo", "name: De" + character + "mo") + BRAND;
        ConfigException e = refused("control.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("control.yaml:2:11: (root): the file contains the character " + name + ", which YAML does not allow"),
                e.problems().stream().map(ConfigProblem::toString).toList());
    }

    @Test
    void aFileFullOfNulBytesIsRefused() {
        byte[] content = new byte[200_000];
        ConfigException e = refused("zeros.yaml", content);
        assertEquals("zeros.yaml:1:1: (root): the file contains the character U+0000, which YAML does not allow", e.getMessage());
    }

    static Stream<Arguments> invalidUtf8() {
        return Stream.of(
                Arguments.of("lone continuation byte", new byte[] {(byte) 0x80}),
                Arguments.of("overlong slash", new byte[] {(byte) 0xC0, (byte) 0xAF}),
                Arguments.of("overlong NUL", new byte[] {(byte) 0xC0, (byte) 0x80}),
                Arguments.of("UTF-16 surrogate", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}),
                Arguments.of("beyond U+10FFFF", new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}),
                Arguments.of("five-byte form", new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}),
                Arguments.of("0xFF", new byte[] {(byte) 0xFF}),
                Arguments.of("Latin-1 e acute", new byte[] {(byte) 0xE9, 'x'}),
                Arguments.of("truncated euro sign", new byte[] {(byte) 0xE2, (byte) 0x82, 'x'}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidUtf8")
    void invalidUtf8IsRefusedAtItsLineAndColumn(String kind, byte[] bad) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] before = (SITE + "brand:\n  name: { text: Dé").getBytes(StandardCharsets.UTF_8);
        out.writeBytes(before);
        out.writeBytes(bad);
        out.writeBytes("mo }\n".getBytes(StandardCharsets.UTF_8));
        ConfigException e = refused("invalid.yaml", out.toByteArray());
        assertEquals(List.of("invalid.yaml:7:19: (root): the file is not UTF-8 text (invalid byte at offset " + before.length + ")"),
                e.problems().stream().map(ConfigProblem::toString).toList());
    }

    static Stream<Arguments> otherEncodings() {
        return Stream.of(
                Arguments.of("UTF-16BE", StandardCharsets.UTF_16BE, new byte[] {(byte) 0xFE, (byte) 0xFF}),
                Arguments.of("UTF-16LE", StandardCharsets.UTF_16LE, new byte[] {(byte) 0xFF, (byte) 0xFE}),
                Arguments.of("UTF-32LE", Charset.forName("UTF-32LE"), new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0}),
                Arguments.of("UTF-32BE", Charset.forName("UTF-32BE"), new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF}));
    }

    @ParameterizedTest(name = "{0} with a byte-order mark")
    @MethodSource("otherEncodings")
    void otherUnicodeEncodingsWithAByteOrderMarkAreRefused(String name, Charset charset, byte[] bom) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bom);
        out.writeBytes(Fixtures.MINIMAL.getBytes(charset));
        ConfigException e = refused(name + ".yaml", out.toByteArray());
        assertEquals(1, e.problems().size(), e.getMessage());
        assertEquals(1, e.problems().get(0).line(), e.getMessage());
        assertTrue(e.problems().get(0).message().startsWith("the file "), e.getMessage());
    }

    @Test
    void utf8WithAByteOrderMarkStillLoads() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.writeBytes(Fixtures.MINIMAL.getBytes(StandardCharsets.UTF_8));
        assertTimeoutPreemptively(HANG_GUARD, () -> ConfigLoader.parse("bom.yaml", out.toByteArray(), Path.of(".")));
    }

    /** Parses within the time limit, expecting a refusal that reads as a report rather than a crash. */
    private static ConfigException refused(String name, byte[] content) {
        ConfigException e = assertTimeoutPreemptively(HANG_GUARD,
                () -> assertThrows(ConfigException.class, () -> ConfigLoader.parse(name, content, Path.of("."))), name);
        assertFalse(e.problems().isEmpty());
        assertEquals(0, e.getStackTrace().length, "a ConfigException carries no stack trace");
        assertNull(e.getCause(), "a ConfigException wraps nothing");
        for (ConfigProblem problem : e.problems()) {
            String text = problem.toString();
            assertTrue(problem.line() >= 1 && problem.column() >= 1, () -> abbreviated(text));
            assertFalse(text.contains("\n") || text.contains("\r"), () -> abbreviated(text));
            assertTrue(problem.message().length() <= MAX_PROBLEM_LENGTH,
                    () -> "a problem's message stays short, got " + problem.message().length() + " characters: " + abbreviated(text));
            assertFalse(JAVA_INTERNALS.matcher(problem.message()).find(), () -> "Java internals in " + abbreviated(text));
        }
        return e;
    }

    private static void parse(String name, String yaml) throws ConfigException {
        ConfigLoader.parse(name, yaml.getBytes(StandardCharsets.UTF_8), Path.of("."));
    }

    private static String abbreviated(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "... (" + text.length() + " characters)";
    }

    private static String blockMappings(int depth) {
        StringBuilder yaml = new StringBuilder("header:\n");
        for (int i = 1; i <= depth; i++) yaml.append(" ".repeat(i)).append("a:\n");
        return yaml.append(" ".repeat(depth + 1)).append("x\n").toString();
    }

    private static String blockMixed(int depth) {
        StringBuilder yaml = new StringBuilder("header:\n");
        int indent = 2;
        for (int i = 1; i <= depth; i++) {
            boolean sequence = i % 2 == 0;
            yaml.append(" ".repeat(indent)).append(sequence ? "- a:\n" : "b:\n");
            indent += sequence ? 4 : 2;
        }
        return yaml.append(" ".repeat(indent)).append("x\n").toString();
    }
}
