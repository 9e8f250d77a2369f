package io.sitechrome.internal.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitechrome.Fixtures;
import io.sitechrome.config.ConfigException;
import io.sitechrome.internal.config.ConfigLoader;
import io.sitechrome.config.ConfigProblem;
import io.sitechrome.theme.ThemeToken;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Theme tokens are known by name and every pair they paint is checked against WCAG 2.2 AA at load. */
class ThemeContrastTest {

    private static String theme(String section) {
        return Fixtures.MINIMAL + "theme:\n" + section;
    }

    private static List<ConfigProblem> problems(String yaml) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.parse("theme.yaml", yaml.getBytes(StandardCharsets.UTF_8), Path.of(".")));
        return e.problems();
    }

    @Test
    void aMisspeltTokenIsRefusedWithASuggestion() {
        List<ConfigProblem> problems = problems(theme("  tokens:\n    acent: \"#0067b8\"\n"));
        assertEquals(List.of("theme.yaml:10:5: theme.tokens.acent: unknown key 'acent'; did you mean 'accent'?"),
                problems.stream().map(ConfigProblem::toString).toList());
    }

    @Test
    void aLowContrastAccentIsRefusedNamingTheTokensAndTheRatio() {
        List<ConfigProblem> problems = problems(theme("  tokens:\n    accent: \"#6db33f\"\n"));
        assertEquals(1, problems.size(), problems.toString());
        String problem = problems.get(0).toString();
        assertTrue(problem.startsWith("theme.yaml:10:13: theme.tokens.accent: button text: on-accent #ffffff on accent #6db33f "
                + "has contrast 2.6:1; AA needs 4.5:1; also too low: skip link text, sign-up link, cookie banner link and button and "), problem);
    }

    @Test
    void aRatioJustBelowTheMinimumIsNotRoundedUpToIt() {
        String problem = problems(theme("  tokens:\n    footer-text: \"#777777\"\n    footer-background: \"#ffffff\"\n")).get(0).toString();
        assertTrue(problem.contains("footer link: footer-text #777777 on footer-background #ffffff has contrast 4.47:1; AA needs 4.5:1"), problem);
    }

    @Test
    void theDefaultPaletteAndTheDemosPass() throws Exception {
        assertEquals(List.of(), ContrastCheck.check(Palette.light(Map.of()), "theme.tokens"));
        Fixtures.config(Files.readString(Fixtures.exampleConfig()));
    }

    @Test
    void aDarkPageFromBackgroundAndTextAloneGetsReadableSurfaces() {
        Fixtures.config(theme("  tokens:\n    background: \"#101418\"\n    text: \"#f0f0f0\"\n    accent: \"#6cb8ff\"\n    on-accent: \"#101418\"\n"));
        Palette palette = Palette.light(Map.of("background", "#101418", "text", "#f0f0f0"));
        assertEquals("#1b1f23", palette.value(ThemeToken.FOOTER_BACKGROUND), "footer: 5% text into the background");
        assertEquals("#babbbc", palette.value(ThemeToken.MUTED));
    }

    @Test
    void aPartialDarkPaletteIsCheckedWithTheLightValuesUnderIt() {
        List<ConfigProblem> problems = problems(theme("  tokens:\n    accent: \"#0067b8\"\n  dark:\n    background: \"#121212\"\n    text: \"#eeeeee\"\n"));
        assertEquals(1, problems.size(), problems.toString());
        String problem = problems.get(0).toString();
        assertTrue(problem.startsWith("theme.yaml:12:17: theme.dark.background: button text in dark mode: on-accent #121212 on accent #0067b8 has contrast 3.2:1; AA needs 4.5:1"),
                problem);
    }

    @Test
    void aCompleteDarkPaletteLoadsAndBecomesAColourSchemeBlock() {
        String yaml = theme("  dark:\n    background: \"#121212\"\n    text: \"#eeeeee\"\n    accent: \"#6cb8ff\"\n    on-accent: \"#121212\"\n");
        String css = new String(Fixtures.chrome(yaml).stylesheet().bytes(), StandardCharsets.UTF_8);
        int dark = css.indexOf("@media (prefers-color-scheme: dark){:root{");
        assertTrue(dark > 0, css.substring(0, 400));
        String block = css.substring(dark, css.indexOf("}}", dark));
        assertTrue(block.contains("--chrome-background:#121212;") && block.contains("--chrome-footer-background:#1d1d1d;"), block);
        assertTrue(css.startsWith(":root{--chrome-background:#ffffff;--chrome-text:#1a1a1a;"), css.substring(0, 200));
    }

    @Test
    void aColourThatCannotBeEvaluatedIsRefusedAsSuch() {
        String problem = problems(theme("  tokens:\n    text: currentColor\n")).get(0).toString();
        assertEquals("theme.yaml:10:11: theme.tokens.text: 'currentColor' cannot be checked for contrast; give the colour itself "
                + "(such as #0067b8, rgb(0 103 184) or navy)", problem);
    }

    @Test
    void theSchemaListsExactlyTheTokens() throws Exception {
        String schema = new String(ConfigLoader.schema().readAllBytes(), StandardCharsets.UTF_8);
        String section = schema.substring(schema.indexOf("\"themeTokens\""));
        section = section.substring(section.indexOf("\"properties\": {") + 15, section.indexOf("\n      }\n"));
        List<String> names = new ArrayList<>();
        for (Iterator<String> lines = section.lines().iterator(); lines.hasNext(); ) {
            String line = lines.next().trim();
            if (line.startsWith("\"")) names.add(line.substring(1, line.indexOf('"', 1)));
        }
        assertEquals(ThemeToken.names(), names);
    }
}
