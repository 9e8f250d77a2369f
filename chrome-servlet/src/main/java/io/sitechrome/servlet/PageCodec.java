package io.sitechrome.servlet;

import io.sitechrome.render.Utf8;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Arrays;
import java.util.Locale;

/** Charset handling that never silently changes the bytes of a page. */
final class PageCodec {

    private static final int CHUNK = 4096;

    private PageCodec() {
    }

    /**
     * The charset a Content-Type declares, UTF-8 when it declares none, or null when the declared
     * charset is unknown to the JVM. {@code characterEncoding} is the response's normalised value.
     */
    static Charset pageCharset(String contentType, String characterEncoding) {
        if (!declaresCharset(contentType) || characterEncoding == null) {
            return StandardCharsets.UTF_8;
        }
        return lookup(characterEncoding);
    }

    static Charset lookup(String name) {
        if (name == null) {
            return null;
        }
        try {
            return Charset.forName(name.trim());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    static boolean declaresCharset(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).contains("charset=");
    }

    /**
     * Decodes the bytes, or returns null when they are not valid in the charset or would not
     * re-encode to exactly the same bytes.
     */
    static String decodeExactly(byte[] bytes, int length, Charset charset) {
        String text;
        try {
            text = charset.newDecoder().decode(ByteBuffer.wrap(bytes, 0, length)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        if (!isAlwaysReversible(charset)) {
            byte[] again = text.getBytes(charset);
            if (!Arrays.equals(again, 0, again.length, bytes, 0, length)) {
                return null;
            }
        }
        return text;
    }

    /**
     * The number of bytes the text takes in the charset, or -1 when some character cannot be
     * encoded (an encoder would then substitute something and the count could differ between
     * implementations).
     */
    static long encodedLength(CharSequence text, Charset charset) {
        if (charset.equals(StandardCharsets.UTF_8)) {
            return Utf8.length(text);
        }
        CharsetEncoder encoder = charset.newEncoder();
        CharBuffer in = CharBuffer.wrap(text);
        ByteBuffer out = ByteBuffer.allocate(8192);
        long total = 0;
        while (true) {
            CoderResult result = encoder.encode(in, out, true);
            total += out.position();
            out.clear();
            if (result.isError()) {
                return -1;
            }
            if (result.isUnderflow()) {
                break;
            }
        }
        while (true) {
            CoderResult result = encoder.flush(out);
            total += out.position();
            out.clear();
            if (result.isError()) {
                return -1;
            }
            if (result.isUnderflow()) {
                return total;
            }
        }
    }

    /** Writes {@code text} without first copying it into a String. */
    static void write(CharSequence text, PrintWriter out) {
        if (text instanceof String string) {
            out.write(string);
            return;
        }
        int n = text.length();
        char[] chunk = new char[Math.min(n, CHUNK)];
        for (int start = 0; start < n; start += chunk.length) {
            int end = Math.min(n, start + chunk.length);
            getChars(text, start, end, chunk);
            out.write(chunk, 0, end - start);
        }
    }

    private static void getChars(CharSequence text, int start, int end, char[] into) {
        if (text instanceof String string) {
            string.getChars(start, end, into, 0);
        } else if (text instanceof StringBuilder builder) {
            builder.getChars(start, end, into, 0);
        } else {
            for (int i = start; i < end; i++) into[i - start] = text.charAt(i);
        }
    }

    private static boolean isAlwaysReversible(Charset charset) {
        return charset.equals(StandardCharsets.UTF_8) || charset.equals(StandardCharsets.ISO_8859_1)
            || charset.equals(StandardCharsets.US_ASCII)
            || charset.equals(StandardCharsets.UTF_16BE) || charset.equals(StandardCharsets.UTF_16LE);
    }
}
