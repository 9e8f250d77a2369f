package io.sitechrome.internal.servlet;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PageTextTest {

    @Test
    void declaredCharsetIsUsedAndUtf8IsTheDefault() {
        assertEquals(ISO_8859_1, PageText.declaredCharset("text/html; charset=ISO-8859-1", "ISO-8859-1"));
        assertEquals(UTF_8, PageText.declaredCharset("text/html", "ISO-8859-1"));
        assertEquals(UTF_8, PageText.declaredCharset(null, null));
        assertNull(PageText.declaredCharset("text/html;charset=x-unknown", "x-unknown"));
    }

    @Test
    void onlyCharsetsWhoseMarkupIsAsciiAreScannedAsBytes() {
        assertTrue(PageText.asciiCompatible(UTF_8));
        assertTrue(PageText.asciiCompatible(Charset.forName("Shift_JIS")));
        assertTrue(PageText.asciiCompatible(Charset.forName("windows-1252")));
        assertFalse(PageText.asciiCompatible(Charset.forName("UTF-16BE")));
        assertFalse(PageText.asciiCompatible(Charset.forName("UTF-16")));
    }

    @Test
    void htmlContentTypesAreRecognised() {
        assertTrue(DecoratingResponse.isHtml("text/html"));
        assertTrue(DecoratingResponse.isHtml("TEXT/HTML; charset=UTF-8"));
        assertTrue(DecoratingResponse.isHtml("text/html;charset=utf-8"));
        assertFalse(DecoratingResponse.isHtml("text/htmlx"));
        assertFalse(DecoratingResponse.isHtml("application/xhtml+xml"));
        assertFalse(DecoratingResponse.isHtml("text/plain"));
        assertFalse(DecoratingResponse.isHtml(null));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 8, 9, 15, 16, 17, 100})
    void byteSearchFindsTheFirstMatchAtEveryAlignment(int at) throws IOException {
        byte[] page = new byte[120];
        java.util.Arrays.fill(page, (byte) 'x');
        page[at] = '<';
        page[119] = '<';
        PageText.Bytes text = new PageText.Bytes(sink(new ByteArrayOutputStream()), UTF_8);
        text.append(page, 0, page.length);
        assertEquals(at, text.indexOf('<', 0));
        assertEquals(119, text.indexOf('<', at + 1));
        assertEquals(-1, text.indexOf('>', 0));
        page[at] = (byte) ('<' | 0x80);
        PageText.Bytes high = new PageText.Bytes(sink(new ByteArrayOutputStream()), UTF_8);
        high.append(page, 0, page.length);
        assertEquals(119, high.indexOf('<', 0), "a byte with the high bit set is not ASCII");
    }

    @Test
    void markupTheCharsetCannotHoldBecomesReferences() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PageText.Bytes latin1 = new PageText.Bytes(sink(bytes), ISO_8859_1);
        latin1.markup().append("é日本😀a");
        latin1.flush(false);
        assertEquals("é&#26085;&#26412;&#128512;a", bytes.toString(ISO_8859_1));

        ByteArrayOutputStream utf8Bytes = new ByteArrayOutputStream();
        PageText.Bytes utf8 = new PageText.Bytes(sink(utf8Bytes), UTF_8);
        utf8.markup().append("é日本😀a");
        utf8.flush(false);
        assertEquals("é日本😀a", utf8Bytes.toString(UTF_8));

        Charset shiftJis = Charset.forName("Shift_JIS");
        StringWriter chars = new StringWriter();
        PageText.Chars sjis = new PageText.Chars(new PrintWriter(chars), shiftJis);
        sjis.markup().append("日本é😀");
        sjis.flush(false);
        assertEquals("日本&#233;&#128512;", chars.toString());
    }

    @Test
    void aWritersTextAndMarkupGoStraightToTheContainersWriterAndALentStringIsKeptUncopied() throws IOException {
        StringWriter chars = new StringWriter();
        PageText.Chars text = new PageText.Chars(new PrintWriter(chars), UTF_8);
        String page = "<head></head><body>rest";
        assertTrue(text.lend(page, 0, page.length()));
        text.send(0, 6);
        text.markup().append("<link>");
        assertEquals("<head><link>", chars.toString(), "markup waits in no buffer of the filter's own");
        text.send(6, 13);
        text.drop(13);
        assertEquals("<head><link></head>", chars.toString());
        assertEquals("<body>rest", text.string(0, text.length), "the unsent rest stays readable in the lent String");
        text.append("!".toCharArray(), 0, 1);
        assertEquals("<body>rest!", text.string(0, text.length), "text written next joins the rest");
        text.send(0, text.length);
        assertEquals(page + "!", chars.toString().replace("<link>", ""));
    }

    private static ServletOutputStream sink(ByteArrayOutputStream bytes) {
        return new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }

            @Override
            public void write(int b) {
                bytes.write(b);
            }
        };
    }

    /** A 20,000-character page with text beyond Latin-1, and the chrome's markup, as a complete page collects them. */
    private static final String COLLECTED_PAGE = "<p>Grüße, 日本, 😀 and plain text.</p>\n".repeat(500);
    private static final String COLLECTED_MARKUP = "<header>Über uns · 会社</header>".repeat(40);

    @Test
    void aCollectedWriterPageIsMeasuredAndSentWhole() throws IOException {
        StringWriter out = new StringWriter();
        PageText.Chars text = new PageText.Chars(new PrintWriter(out), UTF_8);
        collectOnce(text);
        assertEquals(COLLECTED_PAGE + COLLECTED_MARKUP, out.toString());
        assertEquals((COLLECTED_PAGE + COLLECTED_MARKUP).getBytes(UTF_8).length, lastMeasured);
    }

    @Test
    void collectingACompletePageCopiesItIntoNoFreshArrays() throws IOException {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        org.junit.jupiter.api.Assumptions.assumeTrue(threads instanceof com.sun.management.ThreadMXBean,
                "this runtime does not count a thread's allocation");
        com.sun.management.ThreadMXBean counting = (com.sun.management.ThreadMXBean) threads;
        PrintWriter discard = new PrintWriter(java.io.Writer.nullWriter());
        for (int i = 0; i < 20; i++) collectOnce(new PageText.Chars(discard, UTF_8));
        int pages = 200;
        long before = counting.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < pages; i++) collectOnce(new PageText.Chars(discard, UTF_8));
        long perPage = (counting.getCurrentThreadAllocatedBytes() - before) / pages;
        assertTrue(perPage < 2048, "a " + COLLECTED_PAGE.length() + "-character page allocated " + perPage + " bytes to be collected");
    }

    @Test
    void aCompletePageThatFitsTheContainersBufferGoesStraightOnAndIsStillMeasured() throws IOException {
        String whole = COLLECTED_PAGE + COLLECTED_MARKUP;
        int bytes = whole.getBytes(UTF_8).length;
        StringWriter roomy = new StringWriter();
        PageText.Chars fits = new PageText.Chars(new PrintWriter(roomy), UTF_8);
        fits.lend(COLLECTED_PAGE, 0, COLLECTED_PAGE.length());
        fits.collect(bytes + 1);
        fits.send(0, COLLECTED_PAGE.length());
        fits.markup().append(COLLECTED_MARKUP);
        assertEquals(whole, roomy.toString(), "the container holds it, uncommitted, before it is measured");
        assertEquals(bytes, fits.pageBytes(0));

        StringWriter tight = new StringWriter();
        PageText.Chars overflows = new PageText.Chars(new PrintWriter(tight), UTF_8);
        overflows.lend(COLLECTED_PAGE, 0, COLLECTED_PAGE.length());
        overflows.collect(bytes);
        overflows.send(0, COLLECTED_PAGE.length());
        overflows.markup().append(COLLECTED_MARKUP);
        assertEquals(COLLECTED_PAGE, tight.toString(), "the markup would fill the buffer: it waits");
        assertEquals(bytes, overflows.pageBytes(0));
        overflows.sendCollected();
        assertEquals(whole, tight.toString());
    }

    @Test
    void markupOfAKnownLengthGoesStraightOnAndIsNotCountedAgain() throws IOException {
        long pageBytes = COLLECTED_PAGE.getBytes(UTF_8).length;
        long markupBytes = COLLECTED_MARKUP.getBytes(UTF_8).length;
        StringWriter roomy = new StringWriter();
        PageText.Chars fits = new PageText.Chars(new PrintWriter(roomy), UTF_8);
        fits.lend(COLLECTED_PAGE, 0, COLLECTED_PAGE.length());
        fits.collect((int) (pageBytes + markupBytes + 100));
        fits.send(0, COLLECTED_PAGE.length());
        assertTrue(fits.countsMarkup());
        // a figure unlike the markup's count shows that the given length is taken as it is
        fits.markup(markupBytes + 7).append(COLLECTED_MARKUP);
        assertEquals(COLLECTED_PAGE + COLLECTED_MARKUP, roomy.toString(), "it fits: the container holds it, uncommitted");
        assertEquals(pageBytes + markupBytes + 7, fits.pageBytes(0));

        StringWriter tight = new StringWriter();
        PageText.Chars overflows = new PageText.Chars(new PrintWriter(tight), UTF_8);
        overflows.lend(COLLECTED_PAGE, 0, COLLECTED_PAGE.length());
        overflows.collect((int) (pageBytes + markupBytes));
        overflows.send(0, COLLECTED_PAGE.length());
        overflows.markup(markupBytes).append(COLLECTED_MARKUP);
        assertEquals(COLLECTED_PAGE, tight.toString(), "markup that would fill the container's buffer is collected");
        assertEquals(pageBytes + markupBytes, overflows.pageBytes(0));
        overflows.sendCollected();
        assertEquals(COLLECTED_PAGE + COLLECTED_MARKUP, tight.toString());

        PageText.Chars streaming = new PageText.Chars(new PrintWriter(new StringWriter()), UTF_8);
        streaming.decided();
        assertFalse(streaming.countsMarkup(), "a page no longer measured needs no markup lengths");
        assertFalse(new PageText.Chars(new PrintWriter(new StringWriter()), ISO_8859_1).countsMarkup(),
            "single-byte markup is counted by its characters, references included");
    }

    private long lastMeasured;

    /** What a page that ends while its layout is open goes through: lent, collected with its markup, measured, sent. */
    private void collectOnce(PageText.Chars text) throws IOException {
        assertTrue(text.lend(COLLECTED_PAGE, 0, COLLECTED_PAGE.length()));
        text.collect(0);
        text.send(0, COLLECTED_PAGE.length());
        text.markup().append(COLLECTED_MARKUP);
        lastMeasured = text.pageBytes(0);
        text.sendCollected();
        text.drop(COLLECTED_PAGE.length());
        text.release();
    }
}
