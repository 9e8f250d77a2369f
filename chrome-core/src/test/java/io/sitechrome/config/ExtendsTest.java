package io.sitechrome.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitechrome.internal.config.ConfigLoader;
import io.sitechrome.model.ChromeConfig;
import io.sitechrome.model.NavItem;
import io.sitechrome.render.Chrome;
import io.sitechrome.render.ChromeRequest;
import io.sitechrome.render.Component;
import io.sitechrome.render.LiveChrome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code extends}: a configuration laid over an organisation's base, read from a file or a URL. */
@Timeout(60) // a hang guard only
class ExtendsTest {

    private static final Duration MANUAL = Duration.ofHours(1);

    /** The organisation's base: everything a site needs, with its header navigation and theme. */
    static final String BASE = """
            site:
              name: Contoso
              url: https://www.contoso.com/
              locales:
                - { tag: en, name: English }
            brand:
              name: { text: Contoso, href: / }
            header:
              nav:
                - { label: Products, href: /products }
                - { label: Support, href: /support }
            theme:
              tokens:
                accent: "#0067b8"
                radius: 4px
            """;

    @TempDir
    Path dir;
    private OriginServer origin;
    private SourceOptions options;

    @BeforeEach
    void startOrigin() throws Exception {
        origin = OriginServer.start();
        options = SourceOptions.DEFAULTS.withCacheDirectory(dir.resolve("cache")).withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    @AfterEach
    void stopOrigin() {
        origin.close();
    }

    private Path write(String name, String yaml) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml);
        return file;
    }

    private static List<String> labels(ChromeConfig config) {
        return config.header().nav().stream().map(item -> item.label().in(List.of("en"))).toList();
    }

    private static String brand(Chrome chrome) {
        return Jsoup.parse(chrome.render(Component.HEADER, ChromeRequest.anonymous())).selectFirst("a.chrome-brand__name").text();
    }

    private static List<String> problems(ConfigException e) {
        return e.problems().stream().map(ConfigProblem::toString).toList();
    }

    @Test
    void mapsMergeByKeyAndListsReplace() throws Exception {
        write("org/base.yaml", BASE);
        Path app = write("app/chrome.yaml", """
                extends: ../org/base.yaml
                brand:
                  name: { text: Contoso Docs }
                header:
                  nav:
                    - { label: Docs, href: /docs }
                theme:
                  tokens:
                    radius: 8px
                """);
        ChromeConfig config = ConfigLoader.load(ConfigSource.file(app));
        assertEquals("Contoso Docs", config.brand().name().in(List.of("en")), "the app's brand name");
        assertEquals(List.of("Docs"), labels(config), "a list replaces the base's");
        assertEquals("Contoso", config.site().name().in(List.of("en")), "what the app does not set comes from the base");
        assertEquals(List.of("accent", "radius"), List.copyOf(config.theme().tokens().keySet()), "the base's keys first, in its order");
        assertEquals("8px", config.theme().tokens().get("radius"));
        assertEquals("#0067b8", config.theme().tokens().get("accent"));
        assertEquals(app.toString(), config.source());
    }

    @Test
    void aProblemNamesTheFileAndLineItComesFrom() throws Exception {
        Path base = write("org/base.yaml", BASE.replace("    - { label: Support, href: /support }\n", "    - { label: Support, href: /support }\n  colour: blue\n"));
        Path app = write("app/chrome.yaml", """
                extends: ../org/base.yaml
                brand:
                  name: { text: 42 }
                """);
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(ConfigSource.file(app)));
        assertEquals(List.of(
                app + ":3:17: brand.name.text: expected text or a mapping, found a number",
                base.toAbsolutePath().normalize() + ":12:3: header.colour: unknown key 'colour'"), problems(e));
    }

    @Test
    void aBaseThatCannotBeParsedIsNamed() throws Exception {
        Path base = write("org/base.yaml", BASE + "brand: [\n");
        Path app = write("app/chrome.yaml", "extends: ../org/base.yaml\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(ConfigSource.file(app)));
        assertTrue(e.problems().get(0).file().equals(base.toAbsolutePath().normalize().toString()), problems(e).toString());
    }

    @Test
    void aMissingBaseIsAProblemOfTheBase() throws Exception {
        Path app = write("app/chrome.yaml", "extends: ../org/missing.yaml\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(ConfigSource.file(app)));
        assertEquals(List.of(dir.resolve("org/missing.yaml") + ":1:1: (root): cannot read the file: no such file"), problems(e));
    }

    @Test
    void aCycleAndTooManyBasesAreRefused() throws Exception {
        write("a.yaml", "extends: b.yaml\n");
        Path b = write("b.yaml", "extends: a.yaml\n");
        ConfigException cycle = assertThrows(ConfigException.class, () -> ConfigLoader.load(ConfigSource.file(dir.resolve("a.yaml"))));
        assertEquals(1, cycle.problems().size());
        ConfigProblem problem = cycle.problems().get(0);
        assertEquals(b.toString(), problem.file());
        assertEquals("extends", problem.path());
        assertEquals(1, problem.line());
        assertEquals(10, problem.column());
        assertTrue(problem.message().startsWith("the bases form a cycle: "), problem.message());

        write("l5.yaml", BASE);
        for (int i = 4; i >= 0; i--) write("l" + i + ".yaml", "extends: l" + (i + 1) + ".yaml\n");
        ConfigException deep = assertThrows(ConfigException.class, () -> ConfigLoader.load(ConfigSource.file(dir.resolve("l0.yaml"))));
        assertEquals(List.of(dir.resolve("l4.yaml") + ":1:10: extends: a configuration may stand on at most 4 bases, one extending the next"), problems(deep));
        assertEquals("Contoso", ConfigLoader.load(ConfigSource.file(dir.resolve("l1.yaml"))).brand().name().in(List.of("en")),
                "four bases are fine");
    }

    @Test
    void extendsMustBeAPathOrAnHttpUrl() throws Exception {
        Path app = write("chrome.yaml", "extends: { url: x }\n");
        assertEquals(List.of(app + ":1:10: extends: expected text: the URL or path of the base configuration"),
                problems(assertThrows(ConfigException.class, () -> ConfigLoader.load(ConfigSource.file(app)))));
        write("chrome.yaml", "extends: ftp://example.com/base.yaml\n");
        assertEquals(List.of(app + ":1:10: extends: 'ftp://example.com/base.yaml' is neither a file nor an http:// or https:// URL"),
                problems(assertThrows(ConfigException.class, () -> ConfigLoader.load(ConfigSource.file(app)))));
    }

    @Test
    void aConfigurationThatIsNotReadFromASourceCannotExtend() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.parse("inline.yaml", "extends: base.yaml\n".getBytes(), Path.of(".")));
        assertEquals(List.of("inline.yaml:1:1: extends: only a configuration read from a file or URL can extend another"), problems(e));
    }

    @Test
    void aLocalFileExtendsABaseAtAUrlAndTheWatcherFollowsTheBase() throws Exception {
        origin.put("/org/base.yaml", BASE);
        Path app = write("app/chrome.yaml", "extends: " + origin.url("/org/base.yaml") + "\nbrand:\n  name: { text: Contoso Docs }\n");
        try (LiveChrome live = LiveChrome.open(ConfigSource.of(app.toString(), options), MANUAL)) {
            assertEquals("Contoso Docs", brand(live.current()));
            assertEquals(List.of("Products", "Support"), labels(live.current().config()));

            live.check();
            OriginServer.Request poll = origin.requests("/org/base.yaml").get(1);
            assertEquals(304, poll.status(), "the base is polled conditionally too");

            origin.put("/org/base.yaml", BASE.replace("label: Support", "label: Help"));
            assertTrue(live.check().succeeded());
            assertEquals(List.of("Products", "Help"), labels(live.current().config()), "an edit of the base reaches the app");
            assertEquals("Contoso Docs", brand(live.current()), "under the app's own settings");

            origin.put("/org/base.yaml", BASE + "heder: {}\n");
            LiveChrome.Reload refused = live.check();
            assertFalse(refused.succeeded());
            assertEquals(List.of(origin.url("/org/base.yaml") + ":16:1: heder: unknown key 'heder'; did you mean 'header'?"),
                    refused.problems().stream().map(ConfigProblem::toString).toList(), "a problem in the base names the base");
            assertEquals(List.of("Products", "Help"), labels(live.current().config()));
        }
    }

    @Test
    void aRestartWithTheBaseOriginDownServesTheBasesLastGoodCopy() throws Exception {
        origin.put("/org/base.yaml", BASE);
        Path app = write("app/chrome.yaml", "extends: " + origin.url("/org/base.yaml") + "\nbrand:\n  name: { text: Contoso Docs }\n");
        try (LiveChrome live = LiveChrome.open(ConfigSource.of(app.toString(), options), MANUAL)) {
            assertEquals(List.of("Products", "Support"), labels(live.current().config()));
        }
        origin.stop();
        try (LiveChrome restarted = LiveChrome.open(ConfigSource.of(app.toString(), options), MANUAL)) {
            assertEquals(List.of("Products", "Support"), labels(restarted.current().config()));
            assertEquals("Contoso Docs", brand(restarted.current()));
        }
    }

    @Test
    void aUrlExtendsARelativeUrlOnTheSameOrigin() throws Exception {
        origin.put("/org/base.yaml", BASE);
        origin.put("/sites/docs/chrome.yaml", "extends: ../../org/base.yaml\nheader:\n  nav: []\n");
        ChromeConfig config = ConfigLoader.load(ConfigSource.of(origin.url("/sites/docs/chrome.yaml"), options));
        assertEquals(List.<NavItem>of(), config.header().nav());
        assertEquals(1, origin.requests("/org/base.yaml").size());
    }

    @Test
    void aLocalTemplateFolderResolvesAgainstTheFileThatNamesIt() throws Exception {
        origin.put("/org/base.yaml", BASE);
        Files.createDirectories(dir.resolve("app/templates"));
        Path app = write("app/chrome.yaml", "extends: " + origin.url("/org/base.yaml") + "\nsite:\n  templates: templates\n");
        assertEquals(dir.resolve("app/templates"), ConfigLoader.load(ConfigSource.of(app.toString(), options)).site().templates());
    }

    @Test
    void anEditOfAFileBaseIsFollowed() throws Exception {
        Path base = write("org/base.yaml", BASE);
        Path app = write("app/chrome.yaml", "extends: ../org/base.yaml\n");
        try (LiveChrome live = LiveChrome.watch(app, MANUAL)) {
            assertEquals("Contoso", brand(live.current()));
            Files.writeString(base, BASE.replace("text: Contoso,", "text: Fabrikam,"));
            assertTrue(live.check().succeeded());
            assertEquals("Fabrikam", brand(live.current()));
        }
    }
}
