package io.sitechrome.examples;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The demo's 404 page, a plain page that the chrome decorates like any other. */
final class NotFoundServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html; charset=utf-8");
        response.getWriter().write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Page not found | Skype</title>\n<link rel=\"stylesheet\" href=\"/demo/site.css\">\n"
                + "</head>\n<body>\n<main id=\"main\">\n<h1>Page not found</h1>\n<p><a href=\"/\">Go to Skype Legal</a></p>\n"
                + "</main>\n</body>\n</html>\n");
    }
}
