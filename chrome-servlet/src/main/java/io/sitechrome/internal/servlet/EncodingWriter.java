package io.sitechrome.internal.servlet;

import jakarta.servlet.ServletOutputStream;
import java.io.IOException;
import java.io.Writer;

/**
 * The container's writer, for a page written to the writer that the filter encodes itself (see
 * {@link DecoratingResponse#getWriter()}): characters go to the container's output stream in
 * UTF-8, through the page's {@link Utf8Encoder}, each write at once (nothing is buffered here).
 */
final class EncodingWriter extends Writer {

    /** The most characters encoded at a time. */
    private static final int PIECE = 8 * 1024;

    private final ServletOutputStream out;
    private final Utf8Encoder encoder;
    private char[] chars;
    private byte[] bytes;

    /** @param encoder the page's encoder, which its decorated part used too, so that a surrogate pair cut where decoration stops stays whole */
    EncodingWriter(ServletOutputStream out, Utf8Encoder encoder) {
        this.out = out;
        this.encoder = encoder;
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        while (len > 0) {
            int piece = Math.min(len, PIECE);
            if (bytes == null || bytes.length < Utf8Encoder.maxBytes(piece)) bytes = new byte[Utf8Encoder.maxBytes(Math.max(piece, 1024))];
            int n = encoder.encode(cbuf, off, off + piece, bytes, 0);
            if (n > 0) out.write(bytes, 0, n);
            off += piece;
            len -= piece;
        }
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
        while (len > 0) {
            int piece = Math.min(len, PIECE);
            if (chars == null || chars.length < piece) chars = new char[Math.max(piece, 1024)];
            str.getChars(off, off + piece, chars, 0);
            write(chars, 0, piece);
            off += piece;
            len -= piece;
        }
    }

    @Override
    public void write(int c) throws IOException {
        if (chars == null) chars = new char[1024];
        chars[0] = (char) c;
        write(chars, 0, 1);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** Writes a high surrogate left waiting at the end of the page. */
    void finish() throws IOException {
        if (!encoder.pending()) return;
        byte[] last = new byte[3];
        out.write(last, 0, encoder.finish(last, 0));
    }

    @Override
    public void close() throws IOException {
        finish();
        out.close();
    }
}
