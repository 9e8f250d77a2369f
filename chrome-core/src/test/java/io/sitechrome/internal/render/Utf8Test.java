package io.sitechrome.internal.render;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8Test {

    @Test
    void arraysAndSequencesCountAsTheEncoderEncodes() {
        String alphabet = "abcdefgh <>&\n\u00e9\u00df\u0141\u65e5\u672c\ud83d\ude00";
        Random random = new Random(7);
        for (int round = 0; round < 2000; round++) {
            StringBuilder text = new StringBuilder();
            int runs = random.nextInt(6);
            for (int r = 0; r < runs; r++) {
                if (random.nextBoolean()) text.append("plain ascii run ".repeat(random.nextInt(4)));
                int at = random.nextInt(alphabet.length() - 1);
                text.append(alphabet.charAt(at) == '\ud83d' ? "\ud83d\ude00" : Character.isLowSurrogate(alphabet.charAt(at)) ? "x" : alphabet.charAt(at));
            }
            String s = text.toString();
            int from = s.isEmpty() ? 0 : random.nextInt(s.length());
            while (from > 0 && Character.isLowSurrogate(s.charAt(from))) from--;
            long expected = s.substring(from).getBytes(UTF_8).length;
            assertEquals(expected, Utf8.length(s.toCharArray(), from, s.length()), s);
            assertEquals(expected, Utf8.length(s, from, s.length()), s);
        }
    }

    @Test
    void anUnpairedSurrogateIsNotCounted() {
        char[] lone = "ascii only for a while, then \ud83d alone".toCharArray();
        assertEquals(-1, Utf8.length(lone, 0, lone.length));
        char[] cut = "0123456789abcdef\ud83d\ude00".toCharArray();
        assertEquals(-1, Utf8.length(cut, 0, cut.length - 1), "a range ending in half a pair");
        assertEquals(20, Utf8.length(cut, 0, cut.length));
    }
}
