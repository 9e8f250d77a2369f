package io.sitechrome.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sitechrome.Fixtures;
import io.sitechrome.internal.config.ConfigLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Theme tokens go into the stylesheet verbatim, so a value that would break it is refused at load. */
class ThemeValuesTest {

    private static String withRadius(String value) {
        return Fixtures.MINIMAL + "theme:\n  tokens:\n    radius: '" + value.replace("'", "''") + "'\n";
    }

    @ParameterizedTest
    @ValueSource(strings = {"calc(4px + 2px", "4px)", "calc((4px + 2px)", "calc(4px)) (", ")(", "\"Segoe UI", "'Segoe UI",
            "\"a' 4px", "a\\3b", "4px /* x */", "4px /*", "a;b", "{", "}", "<b", "4px !important", "a\"", "x;}"})
    void aValueThatWouldBreakTheStylesheetIsRefusedWithItsPosition(String value) {
        String yaml = withRadius(value);
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.parse("theme.yaml", yaml.getBytes(StandardCharsets.UTF_8), Path.of(".")), value);
        assertEquals(1, e.problems().size(), e.getMessage());
        ConfigProblem problem = e.problems().get(0);
        assertEquals("theme.yaml:10:13: theme.tokens.radius", problem.toString().substring(0, problem.toString().indexOf(": '")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"calc(4px + 2px)", "4px", "min(10px, calc(1rem * 2))", "\"Segoe UI\", system-ui, sans-serif",
            "\"it's\", serif", "'a (b', serif", "0 1px 2px rgba(0, 0, 0, .2)", "1.5"})
    void aBalancedPlainValueIsAccepted(String value) {
        assertEquals(List.of(value), List.copyOf(Fixtures.config(withRadius(value)).theme().tokens().values()));
    }
}
