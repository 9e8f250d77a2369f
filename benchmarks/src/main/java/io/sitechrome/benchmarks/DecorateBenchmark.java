package io.sitechrome.benchmarks;

import io.sitechrome.render.Chrome;
import io.sitechrome.render.LiveChrome;
import io.sitechrome.servlet.ChromeFilter;
import io.sitechrome.servlet.ChromeSettings;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One decorated request through {@link ChromeFilter}, the reference page written by a servlet to
 * the writer, with a response whose writer discards what it gets: the filter's own time and,
 * with {@code -prof gc}, its allocation per request ({@code copy} is the same page sent without
 * the filter, the floor). The request and response are plain wrappers over a proxy that answers
 * the rare calls, so that the hot calls allocate nothing of their own.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class DecorateBenchmark {

    @Param({"small", "reference", "large"})
    public String page;

    /** How the servlet writes the page: {@code writer}, one String to the writer; {@code stream}, its UTF-8 bytes to the output stream. */
    @Param({"writer", "stream"})
    public String output;

    private ChromeFilter filter;
    private String body;
    private Cookie[] cookies;
    private PrintWriter sink;
    private FilterChain chain;

    @Setup
    public void setUp() throws Exception {
        Chrome chrome = Reference.chrome();
        filter = new ChromeFilter(LiveChrome.fixed(chrome), ChromeSettings.builder().visitors(request -> Reference.VISITOR).build());
        filter.init(null);
        body = HttpTargets.page(page);
        cookies = new Cookie[] {new Cookie(chrome.config().cookies().cookieName(), Reference.consentCookie(chrome))};
        sink = new PrintWriter(java.io.Writer.nullWriter());
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        FilterChain toStream = (request, response) -> {
            response.setContentType("text/html; charset=utf-8");
            response.getOutputStream().write(bytes);
        };
        FilterChain toWriter = (request, response) -> {
            response.setContentType("text/html; charset=utf-8");
            response.getWriter().write(body);
        };
        // a server decorates pages of both kinds: the JIT sees both before the one measured
        chain = output.equals("stream") ? toWriter : toStream;
        for (int i = 0; i < 5_000; i++) filter();
        chain = output.equals("stream") ? toStream : toWriter;
    }

    @Benchmark
    public void filter() throws Exception {
        filter.doFilter(new Request(cookies), new Response(sink), chain);
    }

    @Benchmark
    public void copy() throws Exception {
        chain.doFilter(new Request(cookies), new Response(sink));
    }

    private static final HttpServletRequest REQUEST = (HttpServletRequest) Proxy.newProxyInstance(
        DecorateBenchmark.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class}, (self, method, args) -> defaultValue(method.getReturnType()));

    private static final HttpServletResponse RESPONSE = (HttpServletResponse) Proxy.newProxyInstance(
        DecorateBenchmark.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class}, (self, method, args) -> defaultValue(method.getReturnType()));

    /** An output stream that discards what it gets. */
    private static final jakarta.servlet.ServletOutputStream NULL_STREAM = new jakarta.servlet.ServletOutputStream() {
        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(jakarta.servlet.WriteListener listener) {
        }

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    };

    private static Object defaultValue(Class<?> type) {
        if (type == boolean.class) return Boolean.FALSE;
        if (type == int.class) return 0;
        if (type == long.class) return 0L;
        return null;
    }

    /** A GET of the reference page with the consent cookie, as a container would hand it over. */
    private static final class Request extends HttpServletRequestWrapper {
        private final Cookie[] cookies;
        private Map<String, Object> attributes;

        Request(Cookie[] cookies) {
            super(REQUEST);
            this.cookies = cookies;
        }

        @Override
        public Object getAttribute(String name) {
            return attributes == null ? null : attributes.get(name);
        }

        @Override
        public void setAttribute(String name, Object value) {
            if (attributes == null) attributes = new HashMap<>(4);
            attributes.put(name, value);
        }

        @Override
        public DispatcherType getDispatcherType() {
            return DispatcherType.REQUEST;
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getRequestURI() {
            return Reference.PATH;
        }

        @Override
        public String getContextPath() {
            return "";
        }

        @Override
        public String getServletPath() {
            return Reference.PATH;
        }

        @Override
        public String getHeader(String name) {
            return "Accept".equalsIgnoreCase(name) ? "text/html,application/xhtml+xml,*/*;q=0.8" : null;
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return Collections.emptyEnumeration();
        }

        @Override
        public Cookie[] getCookies() {
            return cookies;
        }

        @Override
        public boolean isAsyncStarted() {
            return false;
        }
    }

    /** A response that keeps its few headers and sends the page's characters nowhere. */
    private static final class Response extends HttpServletResponseWrapper {
        private final PrintWriter writer;
        private String contentType;

        Response(PrintWriter writer) {
            super(RESPONSE);
            this.writer = writer;
        }

        @Override
        public void setContentType(String type) {
            contentType = type;
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        public String getCharacterEncoding() {
            return "utf-8";
        }

        @Override
        public int getStatus() {
            return 200;
        }

        @Override
        public PrintWriter getWriter() {
            return writer;
        }

        @Override
        public jakarta.servlet.ServletOutputStream getOutputStream() {
            return NULL_STREAM;
        }

        @Override
        public void setContentLengthLong(long length) {
        }

        @Override
        public boolean isCommitted() {
            return false;
        }

        @Override
        public boolean containsHeader(String name) {
            return false;
        }

        @Override
        public Collection<String> getHeaders(String name) {
            return List.of();
        }

        @Override
        public void setHeader(String name, String value) {
        }

        @Override
        public void addCookie(Cookie cookie) {
        }
    }
}
