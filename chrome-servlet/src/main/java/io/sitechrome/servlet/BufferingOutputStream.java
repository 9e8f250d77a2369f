package io.sitechrome.servlet;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/** The application's output stream while a page may be decorated: holds bytes up to a limit. */
final class BufferingOutputStream extends ServletOutputStream {

    private static final byte[] EMPTY = new byte[0];
    private static final int INITIAL_CAPACITY = 8192;

    private final BodyRouter router;
    private final ServletOutputStream real;
    private final int limit;
    private byte[] held = EMPTY;
    private int count;
    private boolean closed;

    BufferingOutputStream(BodyRouter router, ServletOutputStream real, int limit) {
        this.router = router;
        this.real = real;
        this.limit = limit;
    }

    @Override
    public void write(int b) throws IOException {
        if (router.holding()) {
            if (closed) {
                return;
            }
            if (reserve(1)) {
                held[count++] = (byte) b;
                return;
            }
            router.overflowed();
        }
        real.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (router.holding()) {
            if (closed) {
                return;
            }
            if (reserve(len)) {
                System.arraycopy(b, off, held, count, len);
                count += len;
                return;
            }
            router.overflowed();
        }
        real.write(b, off, len);
    }

    /** {@code ServletOutputStream.write(ByteBuffer)} of Servlet 6.1, declared so it overrides it there. */
    public void write(ByteBuffer src) throws IOException {
        if (src.hasArray()) {
            write(src.array(), src.arrayOffset() + src.position(), src.remaining());
            src.position(src.limit());
            return;
        }
        byte[] chunk = new byte[Math.min(src.remaining(), INITIAL_CAPACITY)];
        while (src.hasRemaining()) {
            int n = Math.min(chunk.length, src.remaining());
            src.get(chunk, 0, n);
            write(chunk, 0, n);
        }
    }

    @Override
    public void flush() throws IOException {
        if (!router.holding()) {
            real.flush();
        }
    }

    @Override
    public void close() throws IOException {
        if (router.holding()) {
            closed = true;
        } else {
            real.close();
        }
    }

    @Override
    public boolean isReady() {
        return router.holding() || real.isReady();
    }

    @Override
    public void setWriteListener(WriteListener listener) {
        try {
            router.stopHolding();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        real.setWriteListener(listener);
    }

    int size() {
        return count;
    }

    byte[] heldBytes() {
        return held;
    }

    ServletOutputStream real() {
        return real;
    }

    void discard() {
        held = EMPTY;
        count = 0;
    }

    void sendHeld() throws IOException {
        if (count > 0) {
            real.write(held, 0, count);
        }
        discard();
    }

    private boolean reserve(int len) {
        long needed = (long) count + len;
        if (needed > limit) {
            return false;
        }
        if (needed > held.length) {
            long grown = Math.max(needed, Math.max(INITIAL_CAPACITY, (long) held.length * 2));
            held = Arrays.copyOf(held, (int) Math.min(grown, limit));
        }
        return true;
    }
}
