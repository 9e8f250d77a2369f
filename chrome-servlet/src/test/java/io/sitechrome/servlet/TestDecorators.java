package io.sitechrome.servlet;

import io.sitechrome.internal.servlet.DecoratingResponse;
import io.sitechrome.internal.servlet.PageDecorator;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;

/** Decorators for tests that put recognisable markers where the chrome goes, and a way to run them in process. */
final class TestDecorators {

    private TestDecorators() {
    }

    /**
     * Markers at the three points (null or empty for none) and, for each placeholder that
     * {@code placeholders} maps to markup, that markup instead, every time it is met.
     */
    static PageDecorator markers(String head, String start, String end, Function<String, String> placeholders) {
        return new PageDecorator() {
            @Override
            public boolean fills(String placeholder) {
                return placeholders.apply(placeholder) != null;
            }

            @Override
            public void write(Point point, String placeholder, Appendable out) throws IOException {
                String markup = switch (point) {
                    case HEAD -> head;
                    case BODY_START -> start;
                    case BODY_END -> end;
                    case PLACEHOLDER -> placeholders.apply(placeholder);
                };
                if (markup != null) out.append(markup);
            }
        };
    }

    static PageDecorator markers(String head, String start, String end, Map<String, String> placeholders) {
        return markers(head, start, end, placeholders::get);
    }

    /** Markers naming {@code version}, as a chrome that changed between two requests would. */
    static PageDecorator versioned(int version) {
        return markers("<!--chrome head v" + version + "-->", "<!--chrome start v" + version + "-->",
            "<!--chrome end v" + version + "-->", Map.of());
    }

    /** What {@link #versioned} makes of a simple page. */
    static String decorated(String page, int version) {
        int head = page.indexOf("</head>");
        int bodyStart = page.indexOf('>', page.indexOf("<body")) + 1;
        int bodyEnd = page.lastIndexOf("</body>");
        return page.substring(0, head) + "<!--chrome head v" + version + "-->" + page.substring(head, bodyStart)
            + "<!--chrome start v" + version + "-->" + page.substring(bodyStart, bodyEnd)
            + "<!--chrome end v" + version + "-->" + page.substring(bodyEnd);
    }

    /**
     * {@code page} written through a decorating response's writer, in one piece or, with
     * {@code pieces}, in pieces of random sizes; null when it comes out unchanged.
     */
    static String decorate(String page, PageDecorator decorator, Random pieces) {
        StringWriter sink = new StringWriter();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FakeResponse fake = new FakeResponse("text/html;charset=UTF-8", new PrintWriter(sink), bytes);
        DecoratingResponse response = new DecoratingResponse(fake.proxy(), decorator, 0, false, null, "test");
        try {
            PrintWriter out = response.getWriter();
            for (int at = 0; at < page.length(); ) {
                int end = pieces == null ? page.length() : Math.min(page.length(), at + 1 + pieces.nextInt(64));
                out.write(page, at, end - at);
                at = end;
            }
            response.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // a UTF-8 page written to the writer is encoded by the filter and sent through the stream
        String decorated = sink.toString() + bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        return decorated.equals(page) ? null : decorated;
    }

    static String decorate(String page, PageDecorator decorator) {
        return decorate(page, decorator, null);
    }

    /** A response that the servlet API would give a decorated page, writing into memory, and its headers. */
    static final class FakeResponse {
        final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        private final String contentType;
        private final PrintWriter writer;
        private final ServletOutputStream stream;

        FakeResponse(String contentType, PrintWriter writer, ByteArrayOutputStream bytes) {
            this.contentType = contentType;
            this.writer = writer;
            this.stream = bytes == null ? null : new ServletOutputStream() {
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

                @Override
                public void write(byte[] b, int off, int len) {
                    bytes.write(b, off, len);
                }
            };
        }

        HttpServletResponse proxy() {
            return (HttpServletResponse) Proxy.newProxyInstance(TestDecorators.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (self, method, args) -> switch (method.getName()) {
                    case "getContentType" -> contentType;
                    case "getCharacterEncoding" -> contentType.substring(contentType.indexOf("charset=") + 8);
                    case "getStatus" -> 200;
                    case "getWriter" -> writer;
                    case "getOutputStream" -> stream;
                    case "isCommitted", "containsHeader" -> method.getName().equals("containsHeader") && headers.containsKey((String) args[0]);
                    case "getHeaders" -> headers.containsKey((String) args[0]) ? List.of(headers.get((String) args[0])) : List.of();
                    case "getHeader" -> headers.get((String) args[0]);
                    case "setHeader", "addHeader" -> {
                        if (args[1] == null) headers.remove((String) args[0]);
                        else headers.put((String) args[0], (String) args[1]);
                        yield null;
                    }
                    case "setContentLengthLong" -> headers.put("Content-Length", args[0].toString());
                    case "hashCode" -> System.identityHashCode(self);
                    case "equals" -> self == args[0];
                    default -> method.getReturnType() == boolean.class ? false : method.getReturnType() == int.class ? 0 : null;
                });
        }
    }
}
