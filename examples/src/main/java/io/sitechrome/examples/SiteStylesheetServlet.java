package io.sitechrome.examples;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The demo site's own stylesheet, for its page content; the chrome brings its own. It lives
 * under {@code static/} so that the Spring Boot example serves the same file by convention.
 */
final class SiteStylesheetServlet extends HttpServlet {

    static final String RESOURCE = "/static/demo/site.css";

    private final byte[] css = read();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/css; charset=utf-8");
        response.setHeader("Cache-Control", "public, max-age=3600");
        response.setContentLength(css.length);
        response.getOutputStream().write(css);
    }

    private static byte[] read() {
        try (InputStream in = SiteStylesheetServlet.class.getResourceAsStream(RESOURCE)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
