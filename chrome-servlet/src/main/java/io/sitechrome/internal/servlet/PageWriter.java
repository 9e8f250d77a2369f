package io.sitechrome.internal.servlet;

import java.io.IOException;
import java.io.Writer;

/** The application's writer: characters go to the page stream, or straight on ({@link DecoratingResponse#passWriter()}) once it is not decorated. */
final class PageWriter extends Writer {

    private final DecoratingResponse response;
    private char[] one;
    private boolean closed;

    PageWriter(DecoratingResponse response) {
        this.response = response;
    }

    private PageStream page() {
        PageStream page = response.pageForChars();
        return page == null || page.passing() ? null : page;
    }

    @Override
    public void write(int c) throws IOException {
        PageStream page = page();
        if (page == null) {
            response.passWriter().write(c);
        } else if (!closed) {
            if (one == null) one = new char[1];
            one[0] = (char) c;
            page.write(one, 0, 1);
        }
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        PageStream page = page();
        if (page == null) {
            response.passWriter().write(cbuf, off, len);
        } else if (!closed) {
            page.write(cbuf, off, len);
        }
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
        PageStream page = page();
        if (page == null) {
            response.passWriter().write(str, off, len);
        } else if (!closed) {
            page.write(str, off, len);
        }
    }

    @Override
    public void flush() throws IOException {
        PageStream page = page();
        if (page == null) {
            response.passWriter().flush();
        } else {
            page.flush();
        }
    }

    /** Closing a page that is still being decorated only stops the application's writes; the filter finishes it. */
    @Override
    public void close() {
        if (page() == null) {
            response.passWriter().close();
        } else {
            closed = true;
        }
    }
}
