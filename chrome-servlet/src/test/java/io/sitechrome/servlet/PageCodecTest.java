package io.sitechrome.servlet;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import org.junit.jupiter.api.Test;

class PageCodecTest {

    @Test
    void charsetComesFromTheContentTypeOrIsUtf8() {
        assertEquals(ISO_8859_1, PageCodec.pageCharset("text/html; charset=ISO-8859-1", "ISO-8859-1"));
        assertEquals(UTF_8, PageCodec.pageCharset("text/html", "ISO-8859-1"));
        assertEquals(UTF_8, PageCodec.pageCharset(null, null));
        assertNull(PageCodec.pageCharset("text/html;charset=x-unknown", "x-unknown"));
    }

    @Test
    void decodingRefusesBytesThatAreNotValidInTheCharset() {
        byte[] latin1 = "é".getBytes(ISO_8859_1);
        assertNull(PageCodec.decodeExactly(latin1, latin1.length, UTF_8));
        assertEquals("é", PageCodec.decodeExactly(latin1, latin1.length, ISO_8859_1));
        byte[] undefinedInWindows1252 = {'a', (byte) 0x81};
        assertNull(PageCodec.decodeExactly(undefinedInWindows1252, 2, Charset.forName("windows-1252")));
    }

    @Test
    void decodingKeepsAByteOrderMarkAndHonoursTheLength() {
        byte[] bytes = "\uFEFF<p>日本</p>xyz".getBytes(UTF_8);
        assertEquals("\uFEFF<p>日本</p>", PageCodec.decodeExactly(bytes, bytes.length - 3, UTF_8));
    }

    @Test
    void decodingRefusesCharsetsThatWouldNotReencodeToTheSameBytes() {
        Charset utf16 = Charset.forName("UTF-16");
        byte[] littleEndianWithBom = "<p>x</p>".getBytes(Charset.forName("UTF-16LE"));
        byte[] withBom = new byte[littleEndianWithBom.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(littleEndianWithBom, 0, withBom, 2, littleEndianWithBom.length);
        assertNull(PageCodec.decodeExactly(withBom, withBom.length, utf16));
    }

    @Test
    void encodedLengthCountsBytesOrGivesUpOnCharactersTheCharsetCannotHold() {
        String text = "aé日😀";
        assertEquals(text.getBytes(UTF_8).length, PageCodec.encodedLength(text, UTF_8));
        assertEquals(2, PageCodec.encodedLength("aé", ISO_8859_1));
        assertEquals(-1, PageCodec.encodedLength("a日", ISO_8859_1));
        assertEquals(-1, PageCodec.encodedLength("a\uD800b", UTF_8));
        Charset shiftJis = Charset.forName("Shift_JIS");
        assertEquals("日本語".getBytes(shiftJis).length, PageCodec.encodedLength("日本語", shiftJis));
        String big = "é".repeat(20_000);
        assertEquals(20_000, PageCodec.encodedLength(big, ISO_8859_1));
    }

    @Test
    void htmlContentTypes() {
        assertTrue(DecoratingResponseWrapper.isHtml("text/html"));
        assertTrue(DecoratingResponseWrapper.isHtml("TEXT/HTML; charset=UTF-8"));
        assertTrue(DecoratingResponseWrapper.isHtml("text/html;charset=utf-8"));
        assertFalse(DecoratingResponseWrapper.isHtml("text/htmlx"));
        assertFalse(DecoratingResponseWrapper.isHtml("application/xhtml+xml"));
        assertFalse(DecoratingResponseWrapper.isHtml("text/plain"));
        assertFalse(DecoratingResponseWrapper.isHtml(null));
    }
}
