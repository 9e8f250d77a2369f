package io.sitechrome.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.sitechrome.Fixtures;
import io.sitechrome.config.ConfigException;
import io.sitechrome.config.ConfigProblem;
import io.sitechrome.config.UrlPolicy;
import io.sitechrome.model.Banner;
import io.sitechrome.model.ChromeConfig;
import io.sitechrome.model.CookieSettings;
import io.sitechrome.model.Footer;
import io.sitechrome.model.SiteLocale;
import io.sitechrome.model.Text;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

class ConfigLoaderTest {

    /**
     * One expected problem per line of a {@code .expected} file: {@code LINE:COLUMN: PATH: MESSAGE}, where MESSAGE
     * is a part of the message, or its end when followed by {@code $}.
     */
    private static final Pattern EXPECTED = Pattern.compile("(\\d+):(\\d+): (\\S+): (.+)");
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:java|javax|jdk|sun|org|com|io)\\.[a-z0-9_]+\\.[A-Za-z0-9_.$]+");
    private static final Pattern THROWABLE = Pattern.compile("[A-Z][A-Za-z]*(?:Exception|Error)\\b|\\bat [a-z][\\w.$]*\\(|@[0-9a-f]{6,}\\b");
    private static final List<String> IMPLEMENTATION_NAMES = List.of("JsonNode", "ObjectNode", "TextNode", "NullNode",
            "MissingNode", "ArrayNode", "ScalarNode", "MappingNode", "SequenceNode", "ConfigBinder", "ConfigSchema",
            "YamlDocument", "ValidationMessage", "java.lang", "NullPointer", "ClassCast", "IndexOutOfBounds");

    static Stream<Path> brokenFiles() throws IOException {
        try (Stream<Path> files = Files.list(resourceDirectory("broken"))) {
            return files.filter(p -> !p.getFileName().toString().endsWith(".expected")).sorted().toList().stream();
        }
    }

    @Test
    void theBrokenCorpusIsLargeAndEveryFileHasItsExpectations() throws IOException {
        List<Path> files = brokenFiles().toList();
        assertTrue(files.size() >= 40, "at least 40 broken files, found " + files.size());
        for (Path file : files) assertTrue(Files.isRegularFile(Path.of(file + ".expected")), "missing " + file + ".expected");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void everyBrokenFileIsRefusedWithExactlyTheExpectedProblems(Path file) throws IOException {
        List<String> expected = Files.readAllLines(Path.of(file + ".expected"), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank()).toList();
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
        List<ConfigProblem> problems = e.problems();
        assertEquals(expected.size(), problems.size(), () -> "expected\n" + String.join("\n", expected) + "\nbut got\n" + e.getMessage());
        for (int i = 0; i < expected.size(); i++) {
            Matcher m = EXPECTED.matcher(expected.get(i));
            assertTrue(m.matches(), "bad expectation line " + expected.get(i));
            ConfigProblem problem = problems.get(i);
            String where = file + ":" + m.group(1) + ":" + m.group(2) + ": " + m.group(3) + ": ";
            assertTrue(problem.toString().startsWith(where), () -> "expected a problem at\n  " + where + "\nbut got\n  " + problem);
            assertEquals(file.toString(), problem.file());
            assertEquals(Integer.parseInt(m.group(1)), problem.line());
            assertEquals(Integer.parseInt(m.group(2)), problem.column());
            assertEquals(m.group(3), problem.path());
            String fragment = m.group(4);
            if (fragment.endsWith("$")) {
                String end = fragment.substring(0, fragment.length() - 1);
                assertTrue(problem.message().endsWith(end), () -> "expected the message to end with\n  " + end + "\nbut got\n  " + problem.message());
            } else {
                assertTrue(problem.message().contains(fragment), () -> "expected the message to contain\n  " + fragment + "\nbut got\n  " + problem.message());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void everyMessageHasOneProblemPerLineAndNoJavaInternals(Path file) throws IOException {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
        assertFalse(e.problems().isEmpty());
        List<String> lines = List.of(e.getMessage().split("\n", -1));
        assertEquals(e.problems().stream().map(ConfigProblem::toString).toList(), lines);
        String source = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        for (ConfigProblem problem : e.problems()) {
            String text = problem.toString();
            assertFalse(text.contains("\n") || text.contains("\r") || text.contains("\u2028") || text.contains("\u0085"), text);
            assertTrue(problem.line() >= 1 && problem.column() >= 1, text);
            assertFalse(THROWABLE.matcher(problem.message()).find(), () -> "Java internals in " + text);
            Matcher className = CLASS_NAME.matcher(problem.message());
            while (className.find()) {
                assertTrue(source.contains(className.group()), "a class name that is not the designer's own text: " + text);
            }
            for (String name : IMPLEMENTATION_NAMES) assertFalse(problem.message().contains(name), text);
        }
        assertEquals(0, e.getStackTrace().length, "a ConfigException is a report, not a crash: it carries no stack trace");
    }

    @Test
    void problemsNeverSpanLinesEvenWhenKeysAndValuesHoldLineBreaks() {
        String yaml = Fixtures.MINIMAL + "\"a\\rb\\u2028c\": 1\nheader:\n  actions:\n    - { label: Go, href: \"java\\u0085script:x\" }\n";
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.parse("lines.yaml", yaml.getBytes(StandardCharsets.UTF_8), Path.of(".")));
        assertEquals(2, e.problems().size(), e.getMessage());
        assertEquals(2, e.getMessage().split("\n").length, e.getMessage());
        assertEquals("a\\rb\\u2028c", e.problems().get(0).path());
        assertTrue(e.problems().get(1).message().contains("java\\u0085script:x"), e.getMessage());
    }

    @Test
    void aFiftyMegabyteFileIsRefusedQuicklyBecauseOfItsSize(@TempDir Path dir) throws IOException {
        Path huge = dir.resolve("huge.yaml");
        byte[] line = "# padding padding padding padding padding padding padding padding padding padding\n".getBytes(StandardCharsets.US_ASCII);
        long target = 50L * 1024 * 1024;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(huge), 1 << 20)) {
            for (long written = 0; written < target; written += line.length) out.write(line);
        }
        long size = Files.size(huge);
        ConfigException e = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(ConfigException.class, () -> ConfigLoader.load(huge)));
        assertEquals(1, e.problems().size());
        ConfigProblem problem = e.problems().get(0);
        assertEquals(huge + ":1:1: (root): the file is " + size + " bytes; the limit is " + ConfigLoader.MAX_FILE_BYTES + " bytes",
                problem.toString());
    }

    @Test
    void parsingMoreBytesThanTheLimitIsRefusedBeforeDecoding() {
        byte[] content = new byte[ConfigLoader.MAX_FILE_BYTES + 1];
        java.util.Arrays.fill(content, (byte) 0xff);
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse("big.yaml", content, Path.of(".")));
        assertEquals(1, e.problems().size());
        assertTrue(e.getMessage().startsWith("big.yaml:1:1: (root): the file is larger than the limit of 1048576 bytes"), e.getMessage());
    }

    @Test
    void aMissingFileIsReportedAsAProblemNotAnIoException(@TempDir Path dir) {
        Path missing = dir.resolve("missing.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(missing));
        assertEquals(1, e.problems().size());
        assertTrue(e.getMessage().startsWith(missing + ":1:1: (root): cannot read the file"), e.getMessage());
    }

    @Test
    void aMissingClassPathResourceIsReported() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.loadResource(ConfigLoaderTest.class, "nope.yaml"));
        assertEquals("nope.yaml:1:1: (root): no such resource", e.getMessage());
    }

    @Test
    void theExampleConfigurationLoads() {
        ChromeConfig config = Fixtures.exampleModel();
        assertEquals(30, config.site().locales().size());
        assertEquals("en-US", config.site().defaultLocale().tag());
        assertEquals("https://www.skype.com/", config.site().url());
        assertEquals(9, config.header().nav().size());
        assertEquals(2, config.header().nav().stream().filter(n -> n.isDropdown()).count());
        assertEquals(1, config.header().actions().size());
        assertNotNull(config.header().chat());
        assertNotNull(config.account());
        assertEquals(3, config.account().menu().size());
        assertEquals(List.of("emergency-calling"), config.banners().stream().map(Banner::id).toList());
        assertEquals(6, config.footer().columns().size());
        assertEquals(11, config.footer().links().size());
        assertEquals(4, config.footer().social().size());
        assertEquals(List.of("necessary", "analytics", "social-media", "advertising"),
                config.cookies().categories().stream().map(CookieSettings.Category::id).toList());
        assertEquals(Set.of("advertising"), config.cookies().saleOrSharing());
        assertEquals(CookieSettings.Mode.OPT_OUT, config.cookies().modeFor("US"));
        assertEquals(CookieSettings.Mode.OPT_IN, config.cookies().modeFor("DE"));
        assertEquals("#0067b8", config.theme().tokens().get("accent"));
    }

    @Test
    void aConfigurationWithEveryOptionalPartLoads() throws ConfigException {
        Path file = resourceDirectory(".").resolve("complete.yaml");
        ChromeConfig config = ConfigLoader.load(file);
        List<String> en = List.of("en-US", "en");
        List<String> de = List.of("de");

        assertEquals("Complete", config.site().name().in(en));
        assertEquals("Vollständig", config.site().name().in(de));
        assertEquals(file.toAbsolutePath().getParent().resolve("templates"), config.site().templates());
        assertEquals(List.of("en-US", "de", "ar", "en-x-pirate"), config.site().locales().stream().map(SiteLocale::tag).toList());
        assertEquals(List.of("ltr", "ltr", "rtl", "rtl"), config.site().locales().stream().map(SiteLocale::dir).toList(),
                "ar is right-to-left by its language; en-x-pirate by its explicit dir");

        assertEquals("Zum Inhalt", config.skipLink().text().in(de));
        assertEquals("#content", config.skipLink().target());
        assertEquals("/logo.svg", config.brand().logo().src());
        assertEquals("https://corp.example.com/", config.brand().logo().href());
        assertEquals(108, config.brand().logo().width());
        assertEquals(23, config.brand().logo().height());
        assertEquals("/", config.brand().href());

        assertEquals("Produkte", config.header().nav().get(1).label().in(de));
        assertEquals("/products/one?lang={locale}", config.header().nav().get(1).items().get(0).href());
        assertEquals("#chat", config.header().chat().href());
        assertEquals("https://login.example.com/signup", config.account().signUp().href());
        assertEquals("My account", config.account().label().in(en));
        assertEquals("mailto:support@example.com", config.account().menu().get(1).href());

        Banner banner = config.banners().get(0);
        assertEquals(Banner.Severity.CRITICAL, banner.severity());
        assertEquals("/status", banner.link().href());
        assertEquals(Set.of("US", "GB", "NO"), banner.countries(), "NO stays a country code: YAML 1.2 has no yes/no booleans");
        assertEquals(Set.of("ON"), banner.exceptCountries());
        assertTrue(banner.dismissible());

        Footer footer = config.footer();
        assertEquals("tel:+15551234567", footer.columns().get(0).links().get(1).href());
        assertEquals("privacy-choices", footer.links().get(0).icon());
        assertEquals(Set.of("US"), footer.links().get(0).countries());
        assertEquals("manage-cookies", footer.links().get(1).action());
        assertNull(footer.links().get(1).href());
        assertEquals("mastodon", footer.social().get(0).network());
        assertEquals("© Example {year}", footer.copyright().in(en));

        CookieSettings cookies = config.cookies();
        assertEquals("consent", cookies.cookieName());
        assertEquals(".example.com", cookies.domain());
        assertEquals("/app", cookies.path());
        assertEquals(30, cookies.lifetimeDays());
        assertEquals(7, cookies.revision());
        assertEquals(CookieSettings.Mode.OPT_OUT, cookies.modeFor("US"));
        assertEquals(CookieSettings.Mode.OPT_IN, cookies.modeFor("DE"));
        assertEquals(CookieSettings.Mode.OPT_OUT, cookies.modeFor(null));
        assertEquals("/cookies", cookies.policyUrl());
        assertEquals("a-secret-of-at-least-16-chars", cookies.secret());
        CookieSettings.Service clarity = cookies.categories().get(1).services().get(0);
        assertEquals("Clarity", clarity.label().in(en));
        assertTrue(clarity.cookies().get(0).matches("_clck"));
        assertFalse(clarity.cookies().get(0).matches("_clck2"));
        assertTrue(clarity.cookies().get(1).matches("_clsk"));
        assertFalse(clarity.cookies().get(1).matches("x_cl"));
        assertEquals(List.of(new CookieSettings.GatedScript("analytics", "https://cdn.example.com/a.js")), cookies.scripts());
        assertEquals("Yes", cookies.text().acceptAll().in(en), "Yes stays text under YAML 1.2");
        assertEquals("No", cookies.text().rejectAll().in(en));
        assertEquals("Save", cookies.text().save().in(en));

        assertEquals(Map.of("accent", "#0067b8", "footer-text", "rgb(60 60 60)", "radius", "4px", "font", "'Segoe UI', sans-serif"),
                config.theme().tokens());
    }

    @Test
    void jsonInputLoads() throws ConfigException {
        String json = """
                {
                  "site": { "name": "Demo", "url": "https://www.example.com/",
                            "locales": [ { "tag": "en", "name": "English" }, { "tag": "de", "name": "Deutsch" } ] },
                  "brand": { "name": { "text": { "en": "Demo", "de": "Vorführung" } } },
                  "header": { "nav": [ { "label": "Home", "href": "/" } ] },
                  "banners": [ { "id": "b", "title": "T", "text": "X", "dismissible": true, "countries": ["NO"] } ]
                }
                """;
        ChromeConfig config = ConfigLoader.parse("demo.json", json.getBytes(StandardCharsets.UTF_8), Path.of("."));
        assertEquals("Vorführung", config.brand().name().in(List.of("de")));
        assertEquals("/", config.header().nav().get(0).href());
        assertTrue(config.banners().get(0).dismissible());
        assertEquals("demo.json", config.source());
    }

    @Test
    void aByteOrderMarkIsAccepted() throws ConfigException {
        byte[] yaml = ("\uFEFF" + Fixtures.MINIMAL).getBytes(StandardCharsets.UTF_8);
        assertEquals("Demo", ConfigLoader.parse("bom.yaml", yaml, Path.of(".")).brand().name().in(List.of("en")));
    }

    @Test
    void theVersionIsAShortHashOfTheContent() throws ConfigException {
        String a = ConfigLoader.parse("a.yaml", Fixtures.MINIMAL.getBytes(StandardCharsets.UTF_8), Path.of(".")).version();
        String again = ConfigLoader.parse("b.yaml", Fixtures.MINIMAL.getBytes(StandardCharsets.UTF_8), Path.of(".")).version();
        String edited = ConfigLoader.parse("a.yaml", (Fixtures.MINIMAL + "# edited\n").getBytes(StandardCharsets.UTF_8), Path.of(".")).version();
        assertTrue(a.matches("[0-9a-f]{12}"), a);
        assertEquals(a, again);
        assertNotEquals(a, edited);
    }

    @Test
    void textLookupFallsBackFromTheMostSpecificTagToTheDefaultLocale() {
        ChromeConfig config = Fixtures.config("""
                site:
                  name: Demo
                  url: https://www.example.com/
                  locales:
                    - { tag: en-US, name: English }
                    - { tag: de-AT, name: Deutsch (Österreich) }
                    - { tag: fr, name: Français }
                brand:
                  name: { text: { de: Marke, en: Brand } }
                """);
        Text name = config.brand().name();
        SiteLocale defaultLocale = config.site().defaultLocale();
        assertEquals("Marke", name.in(config.site().locales().get(1).fallbackChain(defaultLocale)), "de-AT falls back to de");
        assertEquals("Brand", name.in(config.site().locales().get(2).fallbackChain(defaultLocale)), "fr falls back to the default en-US, then en");
    }

    @Test
    void theSchemaIsAValidJsonSchemaThatTheLoaderAndEditorsShare() throws IOException {
        JsonNode schema;
        try (InputStream in = ConfigLoader.schema()) {
            assertNotNull(in, "ConfigLoader.schema() must return the bundled schema");
            schema = new ObjectMapper().readTree(in);
        }
        try (InputStream in = ConfigLoader.class.getResourceAsStream("/io/sitechrome/config/chrome-config.schema.json")) {
            assertEquals(new ObjectMapper().readTree(in), schema, "the documented resource name serves the same schema");
        }
        assertEquals("https://json-schema.org/draft/2020-12/schema", schema.path("$schema").asText());
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        JsonSchema metaSchema = factory.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        Set<ValidationMessage> metaErrors = metaSchema.validate(schema);
        assertTrue(metaErrors.isEmpty(), "the schema must be valid against the 2020-12 meta-schema: " + metaErrors);

        Set<String> documented = documentedTopLevelKeys();
        assertTrue(documented.containsAll(List.of("site", "brand", "header", "footer", "cookies", "theme")), documented.toString());
        Set<String> properties = new TreeSet<>();
        schema.path("properties").fieldNames().forEachRemaining(properties::add);
        assertEquals(documented, properties);

        JsonSchema compiled = factory.getSchema(schema);
        Object example = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(Fixtures.exampleConfig()));
        JsonNode exampleTree = new ObjectMapper().valueToTree(example);
        assertEquals(Set.of(), compiled.validate(exampleTree), "an editor using the schema accepts the example");
        assertFalse(compiled.validate(new ObjectMapper().readTree("{\"site\": 1, \"brand\": {}}")).isEmpty(),
                "the schema refuses a broken document");
    }

    @Test
    void theUrlPolicyMatchesTheDocumentedRule() {
        for (String ok : List.of("https://x.example/", "HTTP://x", "mailto:a@b.c", "tel:+1", "/path", "path/x", "#fragment",
                "?query", "./rel", "%2Fx", "https://x/{locale}/?return={returnUrl}")) {
            assertTrue(UrlPolicy.isAllowed(ok), ok);
        }
        for (String bad : List.of("javascript:alert(1)", "JAVASCRIPT:x", "data:text/html,x", "vbscript:x", "ftp://x", "file:///etc",
                " /path", "/a b", "java\tscript:x", "", "&#106;avascript:x", "<script>")) {
            assertFalse(UrlPolicy.isAllowed(bad), bad);
        }
    }

    @Test
    void sameSitePathsAreKeptAndEverythingElseBecomesTheRoot() {
        for (String ok : List.of("/", "/legal", "/a/b?c=d&e=f#g", "/%E2%82%AC")) assertEquals(ok, UrlPolicy.sameSitePath(ok), ok);
        List<String> foreign = new ArrayList<>(List.of("//evil.example/", "/\\evil.example", "https://evil.example/", "evil",
                "/%2F%2Fevil.example", "/%252F%252Fevil.example", "/%5Cevil.example", "/a\nb", "/a b", "/\u202Eevil", "/%zz", ""));
        foreign.add("/" + "a".repeat(2000));
        foreign.add(null);
        for (String bad : foreign) assertEquals("/", UrlPolicy.sameSitePath(bad), String.valueOf(bad));
    }

    /** The top-level keys of the annotated example in docs/configuration.md, the format's public contract. */
    private static Set<String> documentedTopLevelKeys() throws IOException {
        String doc = Files.readString(Fixtures.repoRoot().resolve("docs/configuration.md"));
        int start = doc.indexOf("```yaml\n");
        String example = doc.substring(start, doc.indexOf("```\n", start + 7));
        Set<String> keys = new TreeSet<>();
        Matcher key = Pattern.compile("(?m)^([A-Za-z]+):").matcher(example);
        while (key.find()) keys.add(key.group(1));
        return keys;
    }

    private static Path resourceDirectory(String name) {
        try {
            var url = ConfigLoaderTest.class.getResource("/io/sitechrome/config/" + name);
            if (url == null) fail("missing test resource folder " + name);
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }
}
