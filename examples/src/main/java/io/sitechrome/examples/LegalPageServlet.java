package io.sitechrome.examples;

import io.sitechrome.model.SiteLocale;
import io.sitechrome.servlet.ChromeContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The reference page's own content, "Skype Legal", as plain HTML. Everything around it
 * (header, banners, footer, cookie controls) is added by the chrome filter.
 */
final class LegalPageServlet extends HttpServlet {

    private final String content = read("legal.html");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!path.equals("/") && !path.equals("/legal") && !path.equals("/legal/")) {
            response.sendError(404);
            return;
        }
        ChromeContext chrome = ChromeContext.of(request);
        SiteLocale locale = chrome == null ? null : chrome.locale();
        String lang = locale == null ? "en" : locale.tag();
        String dir = locale == null ? "ltr" : locale.dir();
        response.setContentType("text/html; charset=utf-8");
        response.getWriter().write("<!DOCTYPE html>\n<html lang=\"" + lang + "\" dir=\"" + dir + "\">\n<head>\n"
                + "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>Skype Legal | Skype</title>\n<link rel=\"stylesheet\" href=\"" + request.getContextPath() + "/demo/site.css\">\n"
                + "</head>\n<body>\n"
                + "<main id=\"main\" class=\"legal\" lang=\"en\" dir=\"ltr\">\n" + content + "</main>\n</body>\n</html>\n");
    }

    private static String read(String name) {
        try (InputStream in = LegalPageServlet.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
