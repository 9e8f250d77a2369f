package io.sitechrome.servlet;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Holds back the body of a response that looks like a decoratable HTML page and lets everything
 * else through untouched. The decision is made when the application first takes the writer or
 * stream (or writes, or flushes): status 200 (any status on an error dispatch), a
 * {@code text/html} Content-Type and no Content-Encoding. The real writer or stream is taken at
 * the same moment, so the container fixes the charset and enforces writer-or-stream as usual.
 * While holding, Content-Length is kept aside and {@code flushBuffer()} does nothing. A non-200
 * status, an error, a redirect or exceeding the limit sends what is held unchanged and turns the
 * response into a plain pass-through. {@link #finish()} decorates and sends the held page.
 */
final class DecoratingResponseWrapper extends HttpServletResponseWrapper implements BodyRouter {

    static final int DEFAULT_LIMIT = 4 * 1024 * 1024;

    private static final System.Logger LOG = System.getLogger(DecoratingResponseWrapper.class.getName());
    private static final String CONTENT_LENGTH = "Content-Length";

    private enum Mode { UNDECIDED, HOLDING, PASSING }

    private final PageDecorator decorator;
    private final int limit;
    private final boolean anyStatus;
    private Mode mode = Mode.UNDECIDED;
    private Long heldContentLength;
    private BufferingOutputStream stream;
    private BufferingWriter chars;
    private PrintWriter writer;

    /**
     * @param limit     the most bytes (stream) or characters (writer) held before giving up on decoration
     * @param anyStatus decorate whatever the status, as for error pages on the error dispatch
     */
    DecoratingResponseWrapper(HttpServletResponse response, PageDecorator decorator, int limit, boolean anyStatus) {
        super(response);
        this.decorator = decorator;
        this.limit = limit;
        this.anyStatus = anyStatus;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        ServletOutputStream real = super.getOutputStream();
        if (stream != null) {
            return stream;
        }
        if (mode == Mode.PASSING) {
            return real;
        }
        stream = new BufferingOutputStream(this, real, limit);
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        PrintWriter real = super.getWriter();
        if (writer != null) {
            chars.retarget(real);
            return writer;
        }
        if (!holding()) {
            return real;
        }
        chars = new BufferingWriter(this, real, limit);
        writer = new PrintWriter(chars, false);
        return writer;
    }

    @Override
    public boolean holding() {
        if (mode == Mode.UNDECIDED) {
            if (decoratable()) {
                mode = Mode.HOLDING;
            } else {
                pass();
            }
        }
        return mode == Mode.HOLDING;
    }

    @Override
    public void overflowed() throws IOException {
        LOG.log(System.Logger.Level.WARNING,
            "Page is larger than the decoration buffer of {0} bytes or characters; sending it undecorated",
            Integer.toString(limit));
        stopHolding();
    }

    @Override
    public void stopHolding() throws IOException {
        if (mode == Mode.PASSING) {
            return;
        }
        pass();
        sendHeld();
    }

    /** Sends the held page, decorated when it still qualifies. Called once the body is complete. */
    void finish() throws IOException {
        if (mode != Mode.HOLDING) {
            pass();
            return;
        }
        mode = Mode.PASSING;
        Long applicationLength = heldContentLength;
        heldContentLength = null;
        if (super.isCommitted()) {
            discardHeld();
            return;
        }
        if (decoratable() && sendDecorated()) {
            return;
        }
        if (applicationLength != null) {
            super.setContentLengthLong(applicationLength);
        }
        sendHeld();
    }

    /** Drops what is held, for a request that failed: the container then reports the error. */
    void abandon() {
        discardHeld();
        pass();
    }

    private boolean sendDecorated() throws IOException {
        if (stream != null && stream.size() > 0) {
            return sendDecoratedBytes();
        }
        return chars != null && chars.size() > 0 && sendDecoratedChars();
    }

    private boolean sendDecoratedBytes() throws IOException {
        Charset charset = PageCodec.pageCharset(super.getContentType(), super.getCharacterEncoding());
        if (charset == null) {
            return false;
        }
        String page = PageCodec.decodeExactly(stream.heldBytes(), stream.size(), charset);
        CharSequence decorated = page == null ? null : decorate(page);
        if (decorated == null) {
            return false;
        }
        byte[] bytes = decorated.toString().getBytes(charset);
        stream.discard();
        setDecoratedLength(bytes.length);
        stream.real().write(bytes);
        return true;
    }

    /** Measures the decorated page, then writes it out, without building it when the decorator need not. */
    private boolean sendDecoratedChars() {
        Charset charset = PageCodec.lookup(super.getCharacterEncoding());
        if (charset == null) {
            return false;
        }
        DecoratedPage decorated;
        long length;
        try {
            decorated = decorator.decoratedPage(chars.heldText(), (HttpServletResponse) getResponse());
            if (decorated == null) {
                return false;
            }
            length = decorated.length(charset);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Page decoration failed; sending the page undecorated", e);
            return false;
        }
        chars.discard();
        setDecoratedLength(length);
        decorated.writeTo(chars.real());
        return true;
    }

    private CharSequence decorate(String page) {
        try {
            return decorator.decorate(page, (HttpServletResponse) getResponse());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Page decoration failed; sending the page undecorated", e);
            return null;
        }
    }

    private void setDecoratedLength(long length) {
        CachedValidators.forDecoratedPage((HttpServletResponse) getResponse());
        if (length >= 0 && !super.containsHeader("Transfer-Encoding") && super.getTrailerFields() == null) {
            super.setContentLengthLong(length);
        }
    }

    private boolean decoratable() {
        return !super.isCommitted()
            && (anyStatus || super.getStatus() == SC_OK)
            && isHtml(super.getContentType())
            && !super.containsHeader("Content-Encoding");
    }

    static boolean isHtml(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.stripLeading();
        return type.regionMatches(true, 0, "text/html", 0, 9)
            && (type.length() == 9 || type.charAt(9) == ';' || type.charAt(9) == ' ' || type.charAt(9) == '\t');
    }

    private void pass() {
        if (mode == Mode.PASSING) {
            return;
        }
        mode = Mode.PASSING;
        if (heldContentLength != null) {
            super.setContentLengthLong(heldContentLength);
            heldContentLength = null;
        }
    }

    private void sendHeld() throws IOException {
        if (stream != null) {
            stream.sendHeld();
        }
        if (chars != null) {
            chars.sendHeld();
        }
    }

    private void discardHeld() {
        if (stream != null) {
            stream.discard();
        }
        if (chars != null) {
            chars.discard();
        }
    }

    private boolean holdingHeaders() {
        return mode != Mode.PASSING;
    }

    @Override
    public void setStatus(int sc) {
        super.setStatus(sc);
        if (mode == Mode.HOLDING && sc != SC_OK && !anyStatus) {
            try {
                stopHolding();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        stopHolding();
        super.sendError(sc, msg);
    }

    @Override
    public void sendError(int sc) throws IOException {
        stopHolding();
        super.sendError(sc);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        stopHolding();
        super.sendRedirect(location);
    }

    /** Servlet 6.1 overload, declared so it overrides the wrapper's direct delegation there. */
    public void sendRedirect(String location, int sc, boolean clearBuffer) throws IOException {
        stopHolding();
        Servlet61.sendRedirect((HttpServletResponse) getResponse(), location, sc, clearBuffer);
    }

    /** Servlet 6.1 overload, declared so it overrides the wrapper's direct delegation there. */
    public void sendRedirect(String location, int sc) throws IOException {
        sendRedirect(location, sc, true);
    }

    /** Servlet 6.1 overload, declared so it overrides the wrapper's direct delegation there. */
    public void sendRedirect(String location, boolean clearBuffer) throws IOException {
        sendRedirect(location, SC_FOUND, clearBuffer);
    }

    @Override
    public void flushBuffer() throws IOException {
        if (!holding()) {
            super.flushBuffer();
        }
    }

    @Override
    public boolean isCommitted() {
        return mode != Mode.HOLDING && super.isCommitted();
    }

    @Override
    public void reset() {
        super.reset();
        discardHeld();
        heldContentLength = null;
        mode = Mode.UNDECIDED;
    }

    @Override
    public void resetBuffer() {
        super.resetBuffer();
        discardHeld();
    }

    @Override
    public void setContentLength(int len) {
        setContentLengthLong(len);
    }

    @Override
    public void setContentLengthLong(long len) {
        if (holdingHeaders()) {
            heldContentLength = len;
        } else {
            super.setContentLengthLong(len);
        }
    }

    @Override
    public void setHeader(String name, String value) {
        if (!holdContentLength(name, value)) {
            super.setHeader(name, value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (!holdContentLength(name, value)) {
            super.addHeader(name, value);
        }
    }

    @Override
    public void setIntHeader(String name, int value) {
        if (!holdContentLength(name, Integer.toString(value))) {
            super.setIntHeader(name, value);
        }
    }

    @Override
    public void addIntHeader(String name, int value) {
        if (!holdContentLength(name, Integer.toString(value))) {
            super.addIntHeader(name, value);
        }
    }

    private boolean holdContentLength(String name, String value) {
        if (!holdingHeaders() || !CONTENT_LENGTH.equalsIgnoreCase(name)) {
            return false;
        }
        if (value == null) {
            heldContentLength = null;
            return true;
        }
        try {
            heldContentLength = Long.parseLong(value.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Override
    public boolean containsHeader(String name) {
        if (heldContentLength != null && CONTENT_LENGTH.equalsIgnoreCase(name)) {
            return true;
        }
        return super.containsHeader(name);
    }

    @Override
    public String getHeader(String name) {
        if (heldContentLength != null && CONTENT_LENGTH.equalsIgnoreCase(name)) {
            return heldContentLength.toString();
        }
        return super.getHeader(name);
    }

    @Override
    public Collection<String> getHeaders(String name) {
        if (heldContentLength != null && CONTENT_LENGTH.equalsIgnoreCase(name)) {
            return List.of(heldContentLength.toString());
        }
        return super.getHeaders(name);
    }

    @Override
    public Collection<String> getHeaderNames() {
        Collection<String> names = super.getHeaderNames();
        if (heldContentLength == null
                || names.stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).equals("content-length"))) {
            return names;
        }
        List<String> withLength = new ArrayList<>(names);
        withLength.add(CONTENT_LENGTH);
        return withLength;
    }
}
