package io.sitechrome.internal.servlet;

import io.sitechrome.servlet.ChromeObserver;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Objects;

/** The application's output stream: bytes go to the page stream, or straight on once it is not decorated. */
public final class PageOutputStream extends ServletOutputStream {

    private final DecoratingResponse response;
    private final ServletOutputStream real;
    private final byte[] one = new byte[1];
    private boolean closed;

    PageOutputStream(DecoratingResponse response, ServletOutputStream real) {
        this.response = response;
        this.real = real;
    }

    private PageStream page() {
        PageStream page = response.pageForBytes(real);
        return page == null || page.passing() ? null : page;
    }

    @Override
    public void write(int b) throws IOException {
        one[0] = (byte) b;
        write(one, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        PageStream page = page();
        if (page == null) {
            real.write(b, off, len);
        } else if (!closed) {
            page.write(b, off, len);
        }
    }

    /**
     * {@code ServletOutputStream.write(ByteBuffer)} of Servlet 6.1, declared so it overrides it there.
     *
     * @param src the bytes to write, from its position to its limit
     * @throws IOException when the page cannot be sent
     */
    public void write(ByteBuffer src) throws IOException {
        if (src.hasArray()) {
            write(src.array(), src.arrayOffset() + src.position(), src.remaining());
            src.position(src.limit());
            return;
        }
        byte[] chunk = new byte[Math.min(src.remaining(), PageText.PIECE)];
        while (src.hasRemaining()) {
            int n = Math.min(chunk.length, src.remaining());
            src.get(chunk, 0, n);
            write(chunk, 0, n);
        }
    }

    @Override
    public void flush() throws IOException {
        PageStream page = page();
        if (page == null) {
            real.flush();
        } else {
            page.flush();
        }
    }

    /** Closing a page that is still being decorated only stops the application's writes; the filter finishes it. */
    @Override
    public void close() throws IOException {
        if (page() == null) {
            real.close();
        } else {
            closed = true;
        }
    }

    @Override
    public boolean isReady() {
        return page() != null || real.isReady();
    }

    /** Non-blocking output goes out undecorated. */
    @Override
    public void setWriteListener(WriteListener listener) {
        PageStream page = page();
        try {
            if (page != null) page.giveUp(ChromeObserver.Reason.NON_BLOCKING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        real.setWriteListener(listener);
    }
}
