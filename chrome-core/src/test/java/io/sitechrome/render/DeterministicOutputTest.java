package io.sitechrome.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitechrome.Fixtures;
import io.sitechrome.internal.render.Assets;
import io.sitechrome.model.Theme;
import io.sitechrome.theme.ThemeToken;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fleet of instances is one site: the same configuration gives the same bytes (pages, asset
 * names and content, ETags) in every JVM, whatever order its parts were read in.
 */
class DeterministicOutputTest {

    /** Every theme token, each with a value of its kind, in the order of the catalogue. */
    private static List<String> tokenLines() {
        List<String> lines = new ArrayList<>();
        for (ThemeToken token : ThemeToken.values()) {
            String value = switch (token.kind()) {
                case COLOUR -> token.defaultValue().startsWith("#") ? token.defaultValue() : "";
                case FONT -> "serif";
                case SIZE -> (token.ordinal() + 1) + "px";
            };
            if (!value.isEmpty()) lines.add(token.tokenName() + ": \"" + value + "\"");
        }
        return lines;
    }

    @Test
    void themeTokensInAnyOrderGiveTheSameStylesheet() {
        List<Map.Entry<String, String>> tokens = new ArrayList<>();
        for (String line : tokenLines()) {
            int colon = line.indexOf(':');
            tokens.add(Map.entry(line.substring(0, colon), line.substring(colon + 3, line.length() - 1)));
        }
        Asset first = null;
        Random shuffle = new Random(12);
        for (int order = 0; order < 12; order++) {
            Map<String, String> inOrder = new LinkedHashMap<>();
            tokens.forEach(token -> inOrder.put(token.getKey(), token.getValue()));
            Asset stylesheet = new Assets(new Theme(inOrder)).stylesheet();
            if (first == null) {
                first = stylesheet;
            } else {
                assertEquals(first.name(), stylesheet.name(), "order " + order + ": " + inOrder.keySet());
                assertArrayEquals(first.bytes(), stylesheet.bytes());
                assertArrayEquals(first.gzipped(), stylesheet.gzipped());
            }
            Collections.shuffle(tokens, shuffle);
        }
        assertTrue(new String(first.bytes(), java.nio.charset.StandardCharsets.UTF_8).startsWith(":root{--chrome-background:#ffffff;--chrome-text:#1a1a1a;"),
                "tokens are written in the order of the catalogue");
    }

    @Test
    void twoJvmsSendTheSameBytesForTheSameConfiguration(@TempDir Path dir) throws Exception {
        String yaml = Files.readString(Fixtures.exampleConfig());
        Path manyTokens = Files.writeString(dir.resolve("tokens.yaml"), yaml.substring(0, yaml.indexOf("\ntheme:\n"))
                + "\ntheme:\n  tokens:\n" + String.join("\n", tokenLines().stream().map(l -> "    " + l).toList()) + "\n");
        for (Path file : List.of(Fixtures.exampleConfig(), manyTokens)) {
            List<String> here = ForkedRender.describe(file);
            assertEquals(here, ForkedRender.inFreshJvm(file), file + ": a second JVM");
            assertEquals(here, ForkedRender.inFreshJvm(file), file + ": a third JVM");
        }
    }
}
