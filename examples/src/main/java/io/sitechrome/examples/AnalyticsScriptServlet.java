package io.sitechrome.examples;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A stand-in for a third-party analytics script, gated by consent: it only runs once the
 * visitor allows analytics, and then marks the page so it can be seen (and tested), and pushes an
 * event into {@code dataLayer} as a tag would.
 */
final class AnalyticsScriptServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/javascript; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write("document.documentElement.setAttribute('data-demo-analytics', 'running');\n"
                + "(window.dataLayer = window.dataLayer || []).push({ event: 'demo-analytics' });\n");
    }
}
