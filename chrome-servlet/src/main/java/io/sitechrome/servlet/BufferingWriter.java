package io.sitechrome.servlet;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/** The application's writer while a page may be decorated: holds characters up to a limit. */
final class BufferingWriter extends Writer {

    private final BodyRouter router;
    private PrintWriter real;
    private final int limit;
    private StringBuilder held = new StringBuilder();
    private boolean closed;

    BufferingWriter(BodyRouter router, PrintWriter real, int limit) {
        this.router = router;
        this.real = real;
        this.limit = limit;
    }

    @Override
    public void write(int c) throws IOException {
        if (router.holding()) {
            if (closed) {
                return;
            }
            if (held.length() < limit) {
                held.append((char) c);
                return;
            }
            router.overflowed();
        }
        real.write(c);
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        if (router.holding()) {
            if (closed) {
                return;
            }
            if ((long) held.length() + len <= limit) {
                held.append(cbuf, off, len);
                return;
            }
            router.overflowed();
        }
        real.write(cbuf, off, len);
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
        if (router.holding()) {
            if (closed) {
                return;
            }
            if ((long) held.length() + len <= limit) {
                if (off == 0 && len == str.length()) {
                    held.append(str);
                } else {
                    held.append(str, off, off + len);
                }
                return;
            }
            router.overflowed();
        }
        real.write(str, off, len);
    }

    @Override
    public void flush() {
        if (!router.holding()) {
            real.flush();
        }
    }

    @Override
    public void close() {
        if (router.holding()) {
            closed = true;
        } else {
            real.close();
        }
    }

    int size() {
        return held.length();
    }

    String heldText() {
        return held.toString();
    }

    PrintWriter real() {
        return real;
    }

    /** Follows the container if it hands out a new writer, as it may after {@code reset()}. */
    void retarget(PrintWriter writer) {
        real = writer;
    }

    void discard() {
        held = new StringBuilder();
    }

    void sendHeld() {
        if (held.length() > 0) {
            real.append(held);
        }
        discard();
    }
}
