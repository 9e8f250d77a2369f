package io.sitechrome.internal.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every colour form the schema accepts is read to the value a browser computes. */
class ColourTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "#0067b8|#0067b8", "#06b|#0066bb", "#06b8|#0066bb88", "#0067b880|#0067b880", "NAVY|#000080", "rebeccapurple|#663399",
            "gray|#808080", "rgb(0, 103, 184)|#0067b8", "rgb(0 103 184)|#0067b8", "rgb(0 103 184 / 50%)|#0067b880",
            "rgba(0, 103, 184, 0.5)|#0067b880", "rgb(0% 100% 50%)|#00ff80", "hsl(206, 100%, 36%)|#0068b8",
            "hsl(0 0% 100%)|#ffffff", "hsla(120, 100%, 25%, 1)|#008000", "transparent|#00000000", "rgb(300 0 0)|#ff0000"})
    void readsEveryAcceptedForm(String value, String hex) {
        assertEquals(hex, Colour.parse(value).hex(), value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"currentcolor", "var(--x)", "#12345", "rgb(1, 2)", "notacolour", "hsl(10% 50% 50%)", "color-mix(in srgb, red, blue)"})
    void refusesWhatItCannotEvaluate(String value) {
        assertNull(Colour.parse(value), value);
    }

    @ParameterizedTest
    @CsvSource({"#ffffff,#000000,21", "#ffffff,#ffffff,1", "#ffffff,#767676,4.54", "#ffffff,#6db33f,2.57", "#0067b8,#ffffff,5.78"})
    void contrastIsTheWcagRatio(String a, String b, double ratio) {
        assertEquals(ratio, Colour.contrast(Colour.parse(a), Colour.parse(b)), 0.01);
    }
}
