package io.sitechrome.internal.servlet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8EncoderTest {

    private static final char[] ALPHABET = {'a', '<', '>', ' ', 'é', 'ß', '\u00A0', 'Ω', 'ع', '→', '日', '\uFFFD',
        '\uD83D', '\uDE00', '\uD83C', '\uDF89', '\uDC00', '\uDBFF'};

    /** The encoder agrees with the JDK's encoder (unpaired surrogates become '?') however the text is cut into writes. */
    @Test
    void encodesAsTheJdkDoesWhereverTheWritesAreCut() {
        Random random = new Random(17);
        for (int run = 0; run < 5_000; run++) {
            // runs of ASCII, which go eight at a time, broken by everything else
            char[] text = new char[random.nextInt(80)];
            for (int i = 0; i < text.length; i++) {
                text[i] = random.nextInt(3) != 0 ? (char) (' ' + random.nextInt(95)) : ALPHABET[random.nextInt(ALPHABET.length)];
            }
            Utf8Encoder encoder = new Utf8Encoder(Utf8Encoder.unpairedSurrogate("Apache Tomcat/11.0"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int from = 0; from < text.length; ) {
                int to = Math.min(text.length, from + 1 + random.nextInt(random.nextBoolean() ? 5 : 30));
                byte[] piece = new byte[Utf8Encoder.maxBytes(to - from)];
                out.write(piece, 0, encoder.encode(text, from, to, piece, 0));
                from = to;
            }
            byte[] last = new byte[3];
            out.write(last, 0, encoder.finish(last, 0));
            assertArrayEquals(new String(text).getBytes(StandardCharsets.UTF_8), out.toByteArray(), Arrays.toString(text));
        }
    }
}
