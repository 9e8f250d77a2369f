package io.sitechrome.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitechrome.Fixtures;
import io.sitechrome.model.Theme;
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

    /** The schema's maximum of theme tokens, with names that collide in small hash tables. */
    private static List<String> tokenLines() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 60; i++) lines.add("t" + i + "-" + Integer.toString(i * 7919, 36) + ": \"" + (i + 1) + "px\"");
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
        assertTrue(new String(first.bytes(), java.nio.charset.StandardCharsets.UTF_8).startsWith(":root{--chrome-t0-0:1px;"),
                "tokens are written in the order of their names");
    }

    @Test
    void twoJvmsSendTheSameBytesForTheSameConfiguration(@TempDir Path dir) throws Exception {
        String yaml = Files.readString(Fixtures.exampleConfig());
        Path manyTokens = Files.writeString(dir.resolve("tokens.yaml"), yaml.replace("theme:\n  tokens:\n",
                "theme:\n  tokens:\n" + String.join("\n", tokenLines().subList(0, 50).stream().map(l -> "    " + l).toList()) + "\n"));
        for (Path file : List.of(Fixtures.exampleConfig(), manyTokens)) {
            List<String> here = ForkedRender.describe(file);
            assertEquals(here, ForkedRender.inFreshJvm(file), file + ": a second JVM");
            assertEquals(here, ForkedRender.inFreshJvm(file), file + ": a third JVM");
        }
    }
}
