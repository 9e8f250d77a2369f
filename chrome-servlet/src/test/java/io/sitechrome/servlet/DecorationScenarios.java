package io.sitechrome.servlet;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import io.sitechrome.internal.servlet.PageDecorator;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * The web application the decoration suite runs on every container. Each scenario servlet is
 * mapped under four prefixes: {@code /d/} (decorating filter), {@code /s/} (decorating filter
 * with a {@value #SMALL_LIMIT}-byte buffer), {@code /n/} (decorating filter that leaves error
 * pages alone) and {@code /p/} (no filter, the reference for byte-for-byte comparisons).
 */
final class DecorationScenarios {

    static final String HEAD = "<!--test:head-->";
    static final String START = "<!--test:body-start-->";
    static final String END = "<!--test:body-end-->";
    static final String SLOT = "<b>slot filled</b>";
    static final int SMALL_LIMIT = 64 * 1024;

    static final String UTF8_PAGE = """
        <!DOCTYPE html>
        <html lang="ar"><head><meta charset="utf-8"><title>مرحبا 日本語 😀</title></head>
        <body class="page">
        <h1>مرحبا بالعالم</h1>
        <p>日本語のテキスト、カタカナ 😀🎉 👩‍👩‍👧 ﷺ</p>
        </body>
        </html>
        """;

    static final String ISO_PAGE = """
        <!DOCTYPE html>
        <html><head><title>Café</title></head>
        <body>
        <p>é ü ß à ñ ø ¿¡ © ÿ</p>
        </body>
        </html>
        """;

    static final String TARGET_PAGE = "<html><head><title>target</title></head><body><p>forwarded</p></body></html>";

    static final String INCLUDE_BEFORE = "<html><head><title>include</title></head><body><p>before</p>";
    static final String INCLUDED = "<p>included</p>";
    static final String INCLUDE_AFTER = "<p>after</p></body></html>";

    static final String TRICKY_HEAD = """
        \uFEFF<!DOCTYPE html>
        <?xml-stylesheet href="a.xsl"?>
        <html><HEAD>
        <title>A </head> title </body> <body></title>
        <!-- </head> and <body> and </body> in a comment -->
        <style>/* </body> </head> */</style>
        <script>var s = "</body></head><body>"; if (a<b && c>d) {}</script>
        """;
    static final String TRICKY_BODY_TAG = "\n<BODY class=\"a>b\" data-x='</body>' data-y=x>";
    static final String TRICKY_BODY = """

        <textarea></body></textarea>
        <![CDATA[ </body> ]]>
        <p title="</body>">text</p>
        <noscript></body></noscript>
        <script>document.write("</body>")</script>
        <!-- the real one follows -->
        """;
    static final String TRICKY_TAIL = "\n<!-- trailing </body> -->\n</html>\n";
    static final String TRICKY_PAGE = TRICKY_HEAD + "</head>" + TRICKY_BODY_TAG + TRICKY_BODY + "</Body >" + TRICKY_TAIL;
    static final String TRICKY_DECORATED = TRICKY_HEAD + HEAD + "</head>" + TRICKY_BODY_TAG + START + TRICKY_BODY
        + END + "</Body >" + TRICKY_TAIL;

    static final String NO_BODY_PAGE = "<!DOCTYPE html><html><head><title>x</title></head><p>no body tag</p></html>";
    static final String PLACEHOLDER_PAGE =
        "<html><head></head><body><header><!--chrome:slot--></header><main>m</main></body></html>";

    static final byte[] IMAGE = randomBytes(20_000);
    static final String BIG_PAGE = bigPage(1024 * 1024);

    private DecorationScenarios() {
    }

    static PageDecorator markers() {
        return TestDecorators.markers(HEAD, START, END, Map.of("slot", SLOT));
    }

    /** What the marker decorator makes of a simple page (one {@code </head>}, one {@code <body>}). */
    static String decorated(String page) {
        int head = page.indexOf("</head>");
        int bodyStart = page.indexOf('>', page.indexOf("<body")) + 1;
        int bodyEnd = page.lastIndexOf("</body>");
        return page.substring(0, head) + HEAD + page.substring(head, bodyStart) + START
            + page.substring(bodyStart, bodyEnd) + END + page.substring(bodyEnd);
    }

    static EmbeddedContainer.WebApp app() {
        EmbeddedContainer.WebApp app = new EmbeddedContainer.WebApp()
            .filter("decorate", new ChromeFilter(request -> markers()), "/d/*")
            .filter("decorate-small", new ChromeFilter(request -> markers(), true, SMALL_LIMIT), "/s/*")
            .filter("decorate-no-errors", new ChromeFilter(request -> markers(), false, 0), "/n/*")
            .errorPage(404, "/d/error")
            .errorPage(403, "/n/error");
        scenarios().forEach((name, servlet) ->
            app.servlet(name, servlet, "/d/" + name, "/s/" + name, "/n/" + name, "/p/" + name));
        return app;
    }

    private static Map<String, HttpServlet> scenarios() {
        return Map.ofEntries(
            Map.entry("writer-utf8", TestServlets.any((req, resp) -> {
                resp.setContentType("text/html;charset=UTF-8");
                PrintWriter out = resp.getWriter();
                int third = UTF8_PAGE.length() / 3;
                out.write(UTF8_PAGE, 0, third);
                out.print(UTF8_PAGE.substring(third, 2 * third));
                out.append(UTF8_PAGE, 2 * third, UTF8_PAGE.length());
            })),
            Map.entry("stream-utf8", TestServlets.any((req, resp) -> {
                resp.setContentType("text/html; charset=UTF-8");
                writeInPieces(resp.getOutputStream(), UTF8_PAGE.getBytes(UTF_8));
            })),
            Map.entry("bytebuffer", TestServlets.any((req, resp) -> {
                resp.setContentType("text/html;charset=UTF-8");
                ServletOutputStream out = resp.getOutputStream();
                byte[] bytes = UTF8_PAGE.getBytes(UTF_8);
                int half = bytes.length / 2 + 1;
                ByteBuffer heap = ByteBuffer.wrap(bytes, 0, half);
                ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length - half);
                direct.put(bytes, half, bytes.length - half).flip();
                Method write;
                try {
                    write = ServletOutputStream.class.getMethod("write", ByteBuffer.class);
                } catch (NoSuchMethodException servlet60) {
                    write = out.getClass().getMethod("write", ByteBuffer.class);
                }
                write.invoke(out, heap);
                write.invoke(out, direct.asReadOnlyBuffer());
                if (heap.hasRemaining()) {
                    throw new IllegalStateException("write(ByteBuffer) did not consume the buffer");
                }
            })),
            Map.entry("writer-default-charset", TestServlets.any((req, resp) -> {
                resp.setContentType("text/html");
                resp.getWriter().write(ISO_PAGE);
            })),
            Map.entry("stream-iso", TestServlets.any((req, resp) -> {
                resp.setContentType("text/html;charset=ISO-8859-1");
                writeInPieces(resp.getOutputStream(), ISO_PAGE.getBytes(ISO_8859_1));
            })),
            Map.entry("stream-undeclared-utf8", TestServlets.any((req, resp) -> {
                resp.setContentType("text/html");
                writeInPieces(resp.getOutputStream(), UTF8_PAGE.getBytes(UTF_8));
            })),
            Map.entry("stream-undeclared-latin1", TestServlets.any((req, resp) -> {
                resp.setContentType("text/html");
                writeInPieces(resp.getOutputStream(), ISO_PAGE.getBytes(ISO_8859_1));
            })),
            Map.entry("json", TestServlets.any((req, resp) -> {
                resp.setContentType("application/json");
                resp.getOutputStream().write("{\"html\":\"<body></body>\",\"t\":\"日本\"}".getBytes(UTF_8));
            })),
            Map.entry("image", TestServlets.any((req, resp) -> {
                resp.setContentType("image/png");
                resp.setContentLength(IMAGE.length);
                writeInPieces(resp.getOutputStream(), IMAGE);
            })),
            Map.entry("gzip", TestServlets.any((req, resp) -> {
                resp.setContentType("text/html;charset=UTF-8");
                resp.setHeader("Content-Encoding", "gzip");
                resp.getOutputStream().write(gzip(UTF8_PAGE.getBytes(UTF_8)));
            })),
            Map.entry("etag", TestServlets.any((req, resp) -> {
                resp.setHeader("ETag", "\"v1\"");
                resp.setContentType("text/html;charset=UTF-8");
                if ("\"v1\"".equals(req.getHeader("If-None-Match"))) {
                    resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                    return;
                }
                resp.getWriter().write(UTF8_PAGE);
            })),
            Map.entry("head-length", TestServlets.get((req, resp) -> {
                byte[] bytes = UTF8_PAGE.getBytes(UTF_8);
                resp.setContentType("text/html;charset=UTF-8");
                resp.setContentLength(bytes.length);
                resp.getOutputStream().write(bytes);
            })),
            Map.entry("missing", TestServlets.any((req, resp) -> resp.sendError(404))),
            Map.entry("forbidden", TestServlets.any((req, resp) -> resp.sendError(403))),
            Map.entry("gone", TestServlets.any((req, resp) -> {
                resp.setContentType("text/html;charset=UTF-8");
                resp.getWriter().write("<html><body>partial");
                resp.sendError(410, "Gone for good");
            })),
            Map.entry("error", TestServlets.any((req, resp) -> {
                Object status = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
                resp.setContentType("text/html;charset=UTF-8");
                resp.getWriter().write("<html><head><title>Error</title></head><body><h1>Error " + status
                    + "</h1></body></html>");
            })),
            Map.entry("redirect", TestServlets.any((req, resp) -> {
                resp.setContentType("text/html;charset=UTF-8");
                resp.getWriter().write("<html><body>moving</body></html>");
                resp.sendRedirect("/p/target");
            })),
            Map.entry("async-writer", TestServlets.any((req, resp) -> {
                resp.setContentType("text/html;charset=UTF-8");
                AsyncContext async = req.startAsync();
                new Thread(() -> {
                    try {
                        sleep(50);
                        PrintWriter out = async.getResponse().getWriter();
                        out.write(UTF8_PAGE.substring(0, 40));
                        sleep(20);
                        out.write(UTF8_PAGE.substring(40));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } finally {
                        async.complete();
                    }
                }).start();
            })),
            Map.entry("async-stream", TestServlets.any((req, resp) -> {
                resp.setContentType("text/html;charset=UTF-8");
                AsyncContext async = req.startAsync(req, resp);
                new Thread(() -> {
                    try {
                        sleep(50);
                        writeInPieces(resp.getOutputStream(), UTF8_PAGE.getBytes(UTF_8));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } finally {
                        async.complete();
                    }
                }).start();
            })),
            Map.entry("redirect-61", TestServlets.any((req, resp) -> {
                Method redirect;
                try {
                    redirect = HttpServletResponse.class.getMethod("sendRedirect", String.class, int.class, boolean.class);
                } catch (NoSuchMethodException e) {
                    resp.sendError(HttpServletResponse.SC_NOT_IMPLEMENTED);
                    return;
                }
                resp.setContentType("text/html;charset=UTF-8");
                resp.getWriter().write("<html><body>moving</body></html>");
                redirect.invoke(resp, "/p/target", 303, Boolean.parseBoolean(req.getParameter("clear")));
            })),
            Map.entry("async-inline", TestServlets.any((req, resp) -> {
                resp.setContentType("text/html;charset=UTF-8");
                AsyncContext async = req.startAsync();
                async.getResponse().getWriter().write(UTF8_PAGE);
                async.complete();
            })),
            Map.entry("async-dispatch", TestServlets.any((req, resp) -> {
                if (req.getDispatcherType() == DispatcherType.ASYNC) {
                    resp.getWriter().write(UTF8_PAGE);
                    return;
                }
                resp.setContentType("text/html;charset=UTF-8");
                AsyncContext async = req.startAsync();
                new Thread(() -> {
                    sleep(50);
                    async.dispatch();
                }).start();
            })),
            Map.entry("async-timeout", TestServlets.any((req, resp) -> {
                resp.setContentType("text/html;charset=UTF-8");
                AsyncContext async = req.startAsync();
                async.setTimeout(200);
                async.addListener(new AsyncListener() {
                    @Override
                    public void onTimeout(AsyncEvent event) throws IOException {
                        event.getAsyncContext().getResponse().getWriter().write(UTF8_PAGE);
                        event.getAsyncContext().complete();
                    }

                    @Override
                    public void onComplete(AsyncEvent event) {
                    }

                    @Override
                    public void onError(AsyncEvent event) {
                    }

                    @Override
                    public void onStartAsync(AsyncEvent event) {
                    }
                });
            })),
            Map.entry("reset", TestServlets.any((req, resp) -> {
                resp.setContentType("text/html;charset=UTF-8");
                resp.getWriter().write("<html><head></head><body>discarded</body></html>");
                resp.setHeader("X-Discarded", "yes");
                resp.reset();
                if ("json".equals(req.getParameter("then"))) {
                    resp.setContentType("application/json;charset=UTF-8");
                    resp.getWriter().write("{\"text\":\"é 日本\"}");
                } else {
                    resp.setContentType("text/html;charset=UTF-8");
                    resp.getWriter().write(UTF8_PAGE);
                }
            })),
            Map.entry("forward", TestServlets.any((req, resp) ->
                req.getRequestDispatcher(prefix(req) + "/target").forward(req, resp))),
            Map.entry("target", TestServlets.any((req, resp) -> {
                resp.setContentType("text/html;charset=UTF-8");
                resp.getWriter().write(TARGET_PAGE);
            })),
            Map.entry("include", TestServlets.any((req, resp) -> {
                resp.setContentType("text/html;charset=UTF-8");
                PrintWriter out = resp.getWriter();
                out.write(INCLUDE_BEFORE);
                req.getRequestDispatcher(prefix(req) + "/fragment").include(req, resp);
                out.write(INCLUDE_AFTER);
            })),
            Map.entry("fragment", TestServlets.any((req, resp) -> resp.getWriter().write(INCLUDED))),
            Map.entry("include-page", TestServlets.any((req, resp) -> {
                resp.setContentType("text/html;charset=UTF-8");
                req.getRequestDispatcher("/d/target").include(req, resp);
            })),
            Map.entry("length", TestServlets.any(DecorationScenarios::length)),
            Map.entry("flush", TestServlets.any((req, resp) -> {
                resp.setContentType("text/html;charset=UTF-8");
                PrintWriter out = resp.getWriter();
                out.write(UTF8_PAGE, 0, 60);
                resp.flushBuffer();
                out.flush();
                out.write(UTF8_PAGE, 60, UTF8_PAGE.length() - 60);
                resp.flushBuffer();
            })),
            Map.entry("big", TestServlets.any((req, resp) -> {
                resp.setContentType("text/html;charset=UTF-8");
                if ("stream".equals(req.getParameter("via"))) {
                    writeInPieces(resp.getOutputStream(), BIG_PAGE.getBytes(UTF_8));
                } else {
                    PrintWriter out = resp.getWriter();
                    for (int i = 0; i < BIG_PAGE.length(); i += 1000) {
                        out.write(BIG_PAGE, i, Math.min(1000, BIG_PAGE.length() - i));
                    }
                }
            })),
            Map.entry("tricky", TestServlets.any((req, resp) -> {
                resp.setContentType("text/html;charset=UTF-8");
                resp.getWriter().write(TRICKY_PAGE);
            })),
            Map.entry("nobody", TestServlets.any((req, resp) -> {
                resp.setContentType("text/html;charset=UTF-8");
                resp.getWriter().write(NO_BODY_PAGE);
            })),
            Map.entry("status500", TestServlets.any((req, resp) -> {
                resp.setStatus(500);
                resp.setContentType("text/html;charset=UTF-8");
                resp.getWriter().write(UTF8_PAGE);
            })),
            Map.entry("status-after-writing", TestServlets.any((req, resp) -> {
                resp.setContentType("text/html;charset=UTF-8");
                resp.getWriter().write(UTF8_PAGE);
                resp.setStatus(503);
            })),
            Map.entry("late-type", TestServlets.any((req, resp) -> {
                resp.setCharacterEncoding("UTF-8");
                PrintWriter out = resp.getWriter();
                resp.setContentType("text/html");
                out.write(UTF8_PAGE);
            })),
            Map.entry("null-type-first", TestServlets.any((req, resp) -> {
                resp.setContentType(null);
                resp.setContentType("text/html;charset=UTF-8");
                resp.getWriter().write(UTF8_PAGE);
            })),
            Map.entry("placeholder", TestServlets.any((req, resp) -> {
                resp.setContentType("text/html;charset=UTF-8");
                resp.getWriter().write(PLACEHOLDER_PAGE);
            })),
            Map.entry("exception", TestServlets.any((req, resp) -> {
                resp.setContentType("text/html;charset=UTF-8");
                resp.getWriter().write("<html><head></head><body><p>half a page");
                throw new ServletException("boom");
            })));
    }

    /** Sets Content-Length the way {@code how} says, before or after taking the output. */
    private static void length(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String how = req.getParameter("how");
        boolean writer = "writer".equals(req.getParameter("via"));
        boolean late = "after".equals(req.getParameter("when"));
        byte[] bytes = UTF8_PAGE.getBytes(UTF_8);
        resp.setContentType("text/html;charset=UTF-8");
        if (!late) {
            setLength(resp, how, bytes.length);
        }
        if (writer) {
            PrintWriter out = resp.getWriter();
            if (late) {
                setLength(resp, how, bytes.length);
            }
            out.write(UTF8_PAGE);
        } else {
            ServletOutputStream out = resp.getOutputStream();
            if (late) {
                setLength(resp, how, bytes.length);
            }
            out.write(bytes);
        }
    }

    private static void setLength(HttpServletResponse resp, String how, int length) {
        switch (how) {
            case "setContentLength" -> resp.setContentLength(length);
            case "setContentLengthLong" -> resp.setContentLengthLong(length);
            case "setHeader" -> resp.setHeader("Content-Length", Integer.toString(length));
            case "addHeader" -> resp.addHeader("content-length", Integer.toString(length));
            case "setIntHeader" -> resp.setIntHeader("Content-Length", length);
            case "addIntHeader" -> resp.addIntHeader("CONTENT-LENGTH", length);
            default -> throw new IllegalArgumentException(how);
        }
    }

    private static String prefix(HttpServletRequest req) {
        String path = req.getServletPath();
        return path.substring(0, path.indexOf('/', 1));
    }

    private static void writeInPieces(ServletOutputStream out, byte[] bytes) throws IOException {
        int piece = Math.max(1, bytes.length / 7);
        for (int i = 0; i < bytes.length; i += piece) {
            int len = Math.min(piece, bytes.length - i);
            if (len == 1) {
                out.write(bytes[i]);
            } else {
                out.write(bytes, i, len);
            }
        }
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(buffer)) {
            gzip.write(bytes);
        }
        return buffer.toByteArray();
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new Random(42).nextBytes(bytes);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        System.arraycopy(png, 0, bytes, 0, png.length);
        return bytes;
    }

    private static String bigPage(int approximateBytes) {
        StringBuilder page = new StringBuilder("<!DOCTYPE html><html><head><title>big</title></head><body>\n");
        int line = 0;
        while (page.length() < approximateBytes) {
            page.append("<p>line ").append(line++).append(" – é 日本 ").append("x".repeat(40)).append("</p>\n");
        }
        return page.append("</body></html>\n").toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
