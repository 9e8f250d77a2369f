package io.sitechrome.examples;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The demo site's own stylesheet, for its page content; the chrome brings its own. */
final class SiteStylesheetServlet extends HttpServlet {

    private static final String CSS = """
            body { margin: 0; font-family: "Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, sans-serif; color: #1a1a1a; }
            main { max-width: 64rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; line-height: 1.5; }
            main h1 { font-size: 2.25rem; font-weight: 600; margin: 1rem 0; }
            main h2 { font-size: 1.5rem; font-weight: 600; margin: 2rem 0 0.75rem; }
            main a { color: #0067b8; }
            main a:focus-visible { outline: 2px solid #0067b8; outline-offset: 2px; }
            main p { margin: 0.5rem 0; }
            main ul { margin: 0 0 1rem; color: #505050; }
            main label { font-weight: 600; }
            main input { font: inherit; padding: 0.4rem; min-block-size: 2.5rem; }
            main button { font: inherit; padding: 0.5rem 1.5rem; min-block-size: 2.5rem; background: #0067b8; color: #fff; border: 0; }
            """;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/css; charset=utf-8");
        response.setHeader("Cache-Control", "public, max-age=3600");
        response.getWriter().write(CSS);
    }
}
