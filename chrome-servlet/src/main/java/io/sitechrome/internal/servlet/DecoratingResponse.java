package io.sitechrome.internal.servlet;

import io.sitechrome.servlet.ChromeContext;
import io.sitechrome.servlet.ChromeObserver;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The response the application writes to while its page may be decorated. Whether it is, is
 * decided at the first write to the output stream (so the content type may be set after taking
 * the stream, as Tomcat's DefaultServlet does), or when the application takes the writer (whose
 * charset the container fixes then): status 200 (any status on an error dispatch), a
 * {@code text/html} Content-Type and no Content-Encoding. A page that qualifies goes through a
 * {@link PageStream}; everything else goes straight to the container, headers included.
 *
 * <p>The application's Content-Length is kept aside while the page may be decorated: a page that
 * goes out unchanged gets it back, a decorated one gets its own length when it is complete before
 * anything decorated is sent, and none otherwise.
 */
public final class DecoratingResponse extends HttpServletResponseWrapper {

    /** How much a page may hold while placeholders can still claim their components. */
    static final int PLACEMENT_WINDOW = 64 * 1024;

    /** How much a page may hold between its head and its {@code <body>} tag; a page without one is never decorated. */
    static final int BODY_SEARCH_LIMIT = 4 * 1024 * 1024;

    private static final String CONTENT_LENGTH = "Content-Length";

    /** The response header by which the application opts a page out ({@code X-Chrome: off}); never sent. */
    public static final String OPT_OUT_HEADER = "X-Chrome";

    private enum Mode { UNDECIDED, DECORATING, PASSING }

    private final PageDecorator decorator;
    private final ChromeObserver observer;
    private final int holdLimit;
    private final int seekLimit;
    private final boolean giveUpOnOverflow;
    private final boolean anyStatus;
    private final byte[] unpairedSurrogate;
    private Mode mode = Mode.UNDECIDED;
    private Long heldContentLength;
    private PageStream page;
    private ServletOutputStream realStream;
    private PageOutputStream stream;
    private PrintWriter realWriter;
    private PrintWriter writer;
    /**
     * For a page written to the writer that is encoded here: its encoder, the charset it declared,
     * and, once the page goes out undecorated, the writer onto the container's output stream; null
     * otherwise (see {@link #getWriter()}).
     */
    private Utf8Encoder encoder;
    private String encodedCharset;
    private EncodingWriter encodingWriter;
    private Locale appLocale;

    /**
     * @param response    the container's response
     * @param decorator   what the page is decorated with
     * @param bufferLimit the {@code max-buffer-bytes} setting: with a positive value, a page that
     *                    would hold more before its layout is decided goes out undecorated; with
     *                    0, the page holds at most {@link #PLACEMENT_WINDOW} and is decorated anyway
     * @param anyStatus   decorate whatever the status, as for error pages on the error dispatch
     * @param observer    told whether the page is decorated, or why not; or null
     * @param serverInfo  the container's {@code ServletContext.getServerInfo()}, for what its writer
     *                    makes of text that is not Unicode (see {@link Utf8Encoder#unpairedSurrogate})
     */
    public DecoratingResponse(HttpServletResponse response, PageDecorator decorator, int bufferLimit, boolean anyStatus,
                       ChromeObserver observer, String serverInfo) {
        super(response);
        this.unpairedSurrogate = Utf8Encoder.unpairedSurrogate(serverInfo);
        this.decorator = decorator;
        this.observer = observer;
        this.holdLimit = bufferLimit > 0 ? bufferLimit : PLACEMENT_WINDOW;
        this.seekLimit = bufferLimit > 0 ? bufferLimit : BODY_SEARCH_LIMIT;
        this.giveUpOnOverflow = bufferLimit > 0;
        this.anyStatus = anyStatus;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (encoder != null) throw new IllegalStateException("getWriter() has been called on this response");
        ServletOutputStream real = super.getOutputStream();
        if (mode == Mode.PASSING && stream == null) return real;
        if (stream == null || realStream != real) {
            realStream = real;
            stream = new PageOutputStream(this, real);
        }
        return stream;
    }

    /**
     * The writer. A page that is decorated and declares UTF-8 in its Content-Type is encoded here
     * and sent through the container's output stream, as a page written to the stream is: the
     * chrome's markup then goes out already encoded, and the page's text is encoded once, by a loop
     * faster than the containers' writers (the response's headers are those the container's writer
     * gives: the charset is the declared one, and later changes of it are ignored, as the
     * specification has them). Any other page gets the container's writer, decorated through it.
     */
    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer != null && (encoder != null || realWriter == super.getWriter())) return writer;
        boolean encodable = encoder != null || (stream == null && declaresUtf8());
        if (mode == Mode.UNDECIDED && encodable) decide();
        if (encoder != null || (mode == Mode.DECORATING && encodable)) return encodedWriter();
        PrintWriter real = super.getWriter();
        realWriter = real;
        if (mode == Mode.UNDECIDED) decide();
        if (mode != Mode.DECORATING) return real;
        page = new PageStream(new PageText.Chars(real, charset()), decorator, this, seekLimit, holdLimit, giveUpOnOverflow, false, null);
        writer = new PrintWriter(new PageWriter(this), false);
        return writer;
    }

    /** Whether the Content-Type names UTF-8 as its charset. */
    private boolean declaresUtf8() {
        String type = super.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).contains("charset=")
            && StandardCharsets.UTF_8.equals(PageText.lookup(super.getCharacterEncoding()));
    }

    /** The writer of a page encoded here: decorated while the page is, else straight to the container's stream in UTF-8. */
    private PrintWriter encodedWriter() throws IOException {
        if (encoder == null) {
            encodedCharset = super.getCharacterEncoding();
            realStream = super.getOutputStream();
            encoder = new Utf8Encoder(unpairedSurrogate);
        }
        if (mode != Mode.DECORATING) {
            writer = passWriter();
            return writer;
        }
        page = new PageStream(new PageText.Bytes(realStream, StandardCharsets.UTF_8), decorator, this, seekLimit, holdLimit,
            giveUpOnOverflow, false, encoder);
        writer = new PrintWriter(new PageWriter(this), false);
        return writer;
    }

    /**
     * Where the application's characters go while the page is not decorated: the container's writer,
     * or, for a page encoded here, a writer onto the container's stream, made when first needed.
     */
    PrintWriter passWriter() {
        if (realWriter == null && encoder != null) {
            encodingWriter = new EncodingWriter(realStream, encoder);
            realWriter = new PrintWriter(encodingWriter, false);
        } else if (realWriter == null) {
            try {
                realWriter = super.getWriter();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return realWriter;
    }

    /** The page stream for output written to the stream, deciding whether there is one at the first write. */
    PageStream pageForBytes(ServletOutputStream real) {
        if (mode == Mode.UNDECIDED) {
            decide();
            if (mode == Mode.DECORATING) {
                Charset charset = PageText.declaredCharset(super.getContentType(), super.getCharacterEncoding());
                if (charset == null || !PageText.asciiCompatible(charset)) {
                    pass(ChromeObserver.Reason.CHARSET);
                } else {
                    boolean undeclared = !super.getContentType().toLowerCase(Locale.ROOT).contains("charset=");
                    page = new PageStream(new PageText.Bytes(real, charset), decorator, this, seekLimit, holdLimit, giveUpOnOverflow, undeclared, null);
                }
            }
        }
        return mode == Mode.DECORATING ? page : null;
    }

    /** The page stream for output written to the writer, or null when it goes straight out. */
    PageStream pageForChars() {
        return mode == Mode.DECORATING ? page : null;
    }

    private Charset charset() {
        Charset charset = PageText.lookup(super.getCharacterEncoding());
        return charset != null ? charset : StandardCharsets.ISO_8859_1;
    }

    private void decide() {
        if (decoratable()) {
            mode = Mode.DECORATING;
        } else {
            pass(observer == null ? null : whyNot());
        }
    }

    /** Why {@link #decoratable()} said no. */
    private ChromeObserver.Reason whyNot() {
        if (super.isCommitted()) return ChromeObserver.Reason.NO_OUTPUT;
        if (!anyStatus && super.getStatus() != SC_OK) return ChromeObserver.Reason.STATUS;
        if (!isHtml(super.getContentType())) return ChromeObserver.Reason.NOT_HTML;
        if (super.containsHeader("Content-Encoding")) return ChromeObserver.Reason.ENCODED;
        return ChromeObserver.Reason.OPTED_OUT;
    }

    private boolean decoratable() {
        return !super.isCommitted()
            && (anyStatus || super.getStatus() == SC_OK)
            && isHtml(super.getContentType())
            && !super.containsHeader("Content-Encoding")
            && decorator.wanted();
    }

    static boolean isHtml(String contentType) {
        if (contentType == null) return false;
        String type = contentType.stripLeading();
        return type.regionMatches(true, 0, "text/html", 0, 9)
            && (type.length() == 9 || type.charAt(9) == ';' || type.charAt(9) == ' ' || type.charAt(9) == '\t');
    }

    /** Called by the page: it is decorated, and nothing decorated has been sent yet. */
    void decorating(Charset charset) {
        heldContentLength = null;
        HttpServletResponse response = (HttpServletResponse) getResponse();
        CachedValidators.forDecoratedPage(response);
        decorator.decorating(response, charset);
        if (observer != null) observer.decorated();
    }

    /** Called by the page: the decorated page, complete, is {@code length} bytes long (-1: the container measures it). */
    void decoratedLength(long length) {
        if (length >= 0 && !super.isCommitted() && !super.containsHeader("Transfer-Encoding") && super.getTrailerFields() == null) {
            super.setContentLengthLong(length);
        }
    }

    /** Called by the page: it goes out unchanged, for {@code reason}. */
    void passing(ChromeObserver.Reason reason) {
        pass(reason);
    }

    void passOn(byte[] bytes, int off, int len) throws IOException {
        realStream.write(bytes, off, len);
    }

    void passOn(char[] chars, int off, int len) {
        passWriter().write(chars, off, len);
    }

    void passOn(String chars, int off, int len) {
        passWriter().write(chars, off, len);
    }

    /**
     * Sends the rest of the page, decorated when it qualifies. Called once the body is complete.
     *
     * @throws IOException when the page cannot be sent
     */
    public void finish() throws IOException {
        if (mode == Mode.DECORATING && page != null) {
            try {
                page.finish();
            } finally {
                pass(null);
            }
        } else {
            pass(ChromeObserver.Reason.NO_OUTPUT);
        }
        if (encodingWriter != null) encodingWriter.finish();
    }

    /** Drops what is held, for a request that failed: the container then reports the error. */
    public void abandon() {
        page = null;
        heldContentLength = null;
        mode = Mode.PASSING;
    }

    /** Sends the rest unchanged; {@code reason}, if any, is told to the observer. */
    private void pass(ChromeObserver.Reason reason) {
        if (mode == Mode.PASSING) return;
        mode = Mode.PASSING;
        if (reason != null && observer != null) observer.passedThrough(reason);
        if (heldContentLength != null) {
            super.setContentLengthLong(heldContentLength);
            heldContentLength = null;
        }
    }

    /** Sends an undecided page unchanged, for {@code reason}, before the container answers otherwise. */
    private void stopDecorating(ChromeObserver.Reason reason) throws IOException {
        if (page != null && mode == Mode.DECORATING) page.giveUp(reason);
        if (mode != Mode.DECORATING || page == null || page.passing()) pass(reason);
    }

    @Override
    public void setStatus(int sc) {
        super.setStatus(sc);
        if (sc != SC_OK && !anyStatus && mode != Mode.PASSING) {
            try {
                stopDecorating(ChromeObserver.Reason.STATUS);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        stopDecorating(ChromeObserver.Reason.STATUS);
        super.sendError(sc, msg);
    }

    @Override
    public void sendError(int sc) throws IOException {
        stopDecorating(ChromeObserver.Reason.STATUS);
        super.sendError(sc);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        stopDecorating(ChromeObserver.Reason.STATUS);
        super.sendRedirect(location);
    }

    /**
     * Servlet 6.1 overload, declared so it overrides the wrapper's direct delegation there.
     *
     * @param location    the redirect's location
     * @param sc          its status code
     * @param clearBuffer whether the buffer is cleared
     * @throws IOException when the redirect cannot be sent
     */
    public void sendRedirect(String location, int sc, boolean clearBuffer) throws IOException {
        stopDecorating(ChromeObserver.Reason.STATUS);
        Servlet61.sendRedirect((HttpServletResponse) getResponse(), location, sc, clearBuffer);
    }

    /**
     * Servlet 6.1 overload, declared so it overrides the wrapper's direct delegation there.
     *
     * @param location the redirect's location
     * @param sc       its status code
     * @throws IOException when the redirect cannot be sent
     */
    public void sendRedirect(String location, int sc) throws IOException {
        sendRedirect(location, sc, true);
    }

    /**
     * Servlet 6.1 overload, declared so it overrides the wrapper's direct delegation there.
     *
     * @param location    the redirect's location
     * @param clearBuffer whether the buffer is cleared
     * @throws IOException when the redirect cannot be sent
     */
    public void sendRedirect(String location, boolean clearBuffer) throws IOException {
        sendRedirect(location, SC_FOUND, clearBuffer);
    }

    @Override
    public void flushBuffer() throws IOException {
        if (page != null && mode == Mode.DECORATING && !page.passing()) {
            page.flush();
        } else {
            super.flushBuffer();
        }
    }

    /** Starts the page afresh, as the container discards what it buffered. */
    @Override
    public void reset() {
        super.reset();
        if (appLocale != null) {
            appLocale = null;
            decorator.localeSet(null);
        }
        page = null;
        writer = null;
        realWriter = null;
        encoder = null;
        encodingWriter = null;
        encodedCharset = null;
        heldContentLength = null;
        mode = Mode.UNDECIDED;
    }

    @Override
    public void resetBuffer() {
        super.resetBuffer();
        if (mode == Mode.DECORATING) {
            page = null;
            writer = null;
            if (encoder == null) realWriter = null;
            mode = Mode.UNDECIDED;
        }
    }

    /** Ignored once a page encoded here has its writer, as the container ignores it once its own writer is taken. */
    @Override
    public void setCharacterEncoding(String charset) {
        if (encoder == null) super.setCharacterEncoding(charset);
    }

    /** Once a page encoded here has its writer, the type changes and the charset stays, as with the container's writer. */
    @Override
    public void setContentType(String type) {
        if (encoder == null || type == null) {
            super.setContentType(type);
            return;
        }
        int parameters = type.indexOf(';');
        super.setContentType((parameters < 0 ? type : type.substring(0, parameters)).strip() + ";charset=" + encodedCharset);
    }

    /** Passes the application's locale on, and tells the chrome, which follows it (see {@link ChromeContext#locale()}). */
    @Override
    public void setLocale(Locale locale) {
        boolean counts = locale != null && !super.isCommitted();
        super.setLocale(locale);
        if (counts) {
            appLocale = locale;
            decorator.localeSet(locale);
        }
    }

    /** The locale the application set, which the chrome may have taken off the container's response (see {@link PageDecorator#localeSet}). */
    @Override
    public Locale getLocale() {
        return appLocale != null ? appLocale : super.getLocale();
    }

    @Override
    public void setContentLength(int len) {
        setContentLengthLong(len);
    }

    @Override
    public void setContentLengthLong(long len) {
        if (mode != Mode.PASSING) {
            heldContentLength = len;
        } else {
            super.setContentLengthLong(len);
        }
    }

    @Override
    public void setHeader(String name, String value) {
        if (!optOut(name, value) && !holdContentLength(name, value)) super.setHeader(name, value);
    }

    @Override
    public void addHeader(String name, String value) {
        if (!optOut(name, value) && !holdContentLength(name, value)) super.addHeader(name, value);
    }

    /**
     * Catches {@link #OPT_OUT_HEADER}, which is never sent: {@code off} sends the page unchanged
     * from now on, what it holds included, unless decorated output has gone out already.
     */
    private boolean optOut(String name, String value) {
        if (!OPT_OUT_HEADER.equalsIgnoreCase(name)) return false;
        if (value != null && "off".equalsIgnoreCase(value.trim()) && mode != Mode.PASSING) {
            try {
                stopDecorating(ChromeObserver.Reason.X_CHROME_OFF);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return true;
    }

    @Override
    public void setIntHeader(String name, int value) {
        if (!holdContentLength(name, Integer.toString(value))) super.setIntHeader(name, value);
    }

    @Override
    public void addIntHeader(String name, int value) {
        if (!holdContentLength(name, Integer.toString(value))) super.addIntHeader(name, value);
    }

    private boolean holdContentLength(String name, String value) {
        if (mode == Mode.PASSING || !CONTENT_LENGTH.equalsIgnoreCase(name)) return false;
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
        if (heldContentLength != null && CONTENT_LENGTH.equalsIgnoreCase(name)) return true;
        return super.containsHeader(name);
    }

    @Override
    public String getHeader(String name) {
        if (heldContentLength != null && CONTENT_LENGTH.equalsIgnoreCase(name)) return heldContentLength.toString();
        return super.getHeader(name);
    }

    @Override
    public Collection<String> getHeaders(String name) {
        if (heldContentLength != null && CONTENT_LENGTH.equalsIgnoreCase(name)) return List.of(heldContentLength.toString());
        return super.getHeaders(name);
    }

    @Override
    public Collection<String> getHeaderNames() {
        Collection<String> names = super.getHeaderNames();
        if (heldContentLength == null || names.stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).equals("content-length"))) {
            return names;
        }
        List<String> withLength = new ArrayList<>(names);
        withLength.add(CONTENT_LENGTH);
        return withLength;
    }
}
