package io.sitechrome.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Each {@link ChromeSetting} is read under its names (init parameter, environment variable), and
 * the README's settings table lists every setting with its names and the {@link ChromeSettings}
 * default.
 */
class ChromeSettingNamesTest {

    private static final ChromeSettings DEFAULTS = ChromeSettings.builder().build();

    /** A value other than the default, and what reading it changes. */
    private record Sample(String value, Function<ChromeSettings, Object> read) {
    }

    private static Sample sample(ChromeSetting setting) {
        return switch (setting) {
            case CONFIG -> new Sample("/etc/site/chrome.yaml", ChromeSettings::config);
            case CACHE_DIR -> new Sample("/var/cache/site", s -> s.sourceOptions().cacheDirectory());
            case CONFIG_SHA256 -> new Sample("d37ded252f0071d922fdc8b97ead6810823ed62ca904ceac9c64dcab00504bcc", s -> s.sourceOptions().sha256());
            case BUNDLED_CONFIG -> new Sample("/io/sitechrome/servlet/other.yaml", ChromeSettings::bundledConfig);
            case PREFIX -> new Sample("/site/", ChromeSettings::prefix);
            case COUNTRY_HEADER -> new Sample("CF-IPCountry", ChromeSettings::countryHeader);
            case DECORATE_ERROR_PAGES -> new Sample("false", ChromeSettings::decorateErrorPages);
            case MAX_BUFFER_BYTES -> new Sample("65536", ChromeSettings::maxBufferBytes);
            case RELOAD_INTERVAL -> new Sample("250", ChromeSettings::reloadInterval);
            case ESI -> new Sample("true", ChromeSettings::esi);
            case FAIL_FAST -> new Sample("true", ChromeSettings::failFast);
            case EXCLUDE -> new Sample("/admin/**", ChromeSettings::exclude);
            case SITES -> new Sample("a.example=/etc/a.yaml", ChromeSettings::sites);
        };
    }

    @Test
    void everySettingIsReadFromItsInitParameterAndFromItsEnvironmentVariable() {
        List<String> unread = new ArrayList<>();
        for (ChromeSetting setting : ChromeSetting.values()) {
            Sample sample = sample(setting);
            Object fallback = sample.read().apply(DEFAULTS);
            ChromeSettings fromInit = ChromeSettings.from(Map.of(setting.initParameter(), sample.value())::get, name -> null, Map.of());
            ChromeSettings fromEnvironment = ChromeSettings.from(name -> null, name -> null, Map.of(setting.environmentVariable(), sample.value()));
            if (sample.read().apply(fromInit).equals(fallback)) unread.add(setting.initParameter());
            if (sample.read().apply(fromEnvironment).equals(fallback)) unread.add(setting.environmentVariable());
        }
        assertEquals(List.of(), unread, "settings that are not read under their names");
    }

    @Test
    void eachSettingHasNamesOfItsOwn() {
        for (ChromeSetting a : ChromeSetting.values()) {
            for (ChromeSetting b : ChromeSetting.values()) {
                if (a == b) continue;
                assertNotEquals(a.initParameter(), b.initParameter());
                assertNotEquals(a.springProperty(), b.springProperty());
            }
        }
    }

    /**
     * The table under "Settings" in the README: a row per setting, in the enum's order, with its
     * init parameter, environment variable and Spring property, and the default where it is a value.
     */
    @Test
    void theReadmeTableListsEverySettingWithItsNamesAndDefault() throws Exception {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(repoRoot().resolve("README.md"), StandardCharsets.UTF_8)) {
            if (line.startsWith("| `site-chrome.")) rows.add(Arrays.stream(line.split(" \\| ")).map(String::trim).toArray(String[]::new));
        }
        List<String> expected = Arrays.stream(ChromeSetting.values())
                .map(s -> "| `" + s.initParameter() + "`|`" + s.environmentVariable() + "`|`" + s.springProperty() + "`").toList();
        assertEquals(expected, rows.stream().map(r -> r[0] + "|" + r[1] + "|" + r[2]).toList(),
                "README.md: the settings table's names (init parameter | environment | Spring property)");
        for (int i = 0; i < rows.size(); i++) {
            ChromeSetting setting = ChromeSetting.values()[i];
            String defaultCell = rows.get(i)[3];
            String expectedDefault = switch (setting) {
                case PREFIX -> "`" + DEFAULTS.prefix() + "`";
                case BUNDLED_CONFIG -> "`" + DEFAULTS.bundledConfig() + "`";
                case DECORATE_ERROR_PAGES -> "`" + DEFAULTS.decorateErrorPages() + "`";
                case ESI -> "`" + DEFAULTS.esi() + "`";
                case FAIL_FAST -> "`" + DEFAULTS.failFast() + "`";
                case RELOAD_INTERVAL -> "`" + DEFAULTS.reloadInterval().toMillis() + "`";
                case CONFIG_SHA256, COUNTRY_HEADER, MAX_BUFFER_BYTES, EXCLUDE, SITES -> "none";
                case CONFIG, CACHE_DIR -> "";
            };
            assertTrue(defaultCell.startsWith(expectedDefault), setting + ": the README's default is " + defaultCell
                    + ", ChromeSettings' is " + expectedDefault);
        }
    }

    private static Path repoRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("README.md")) && Files.isDirectory(p.resolve("chrome-servlet"))) return p;
        }
        throw new AssertionError("cannot find the repository root");
    }
}
