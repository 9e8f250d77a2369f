package io.sitechrome.examples;

import io.sitechrome.config.UrlPolicy;
import io.sitechrome.render.Visitor;
import io.sitechrome.servlet.VisitorResolver;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.owasp.encoder.Encode;

/**
 * A pretend sign-in for the demo: a form taking a display name and an unread count, kept
 * in the session, so both states of the account menu can be seen. {@code /demo/sign-out}
 * ends the session.
 */
final class DemoSignInServlet extends HttpServlet {

    static final String VISITOR = DemoSignInServlet.class.getName() + ".visitor";

    /** Reads the demo visitor from the session. */
    static VisitorResolver visitors() {
        return request -> {
            HttpSession session = request.getSession(false);
            return session != null && session.getAttribute(VISITOR) instanceof Visitor visitor ? visitor : null;
        };
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getRequestURI().endsWith("/sign-out")) {
            HttpSession session = request.getSession(false);
            if (session != null) session.invalidate();
            response.sendRedirect(request.getContextPath() + "/");
            return;
        }
        String back = UrlPolicy.sameSitePath(request.getParameter("return"));
        response.setContentType("text/html; charset=utf-8");
        response.getWriter().write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Sign in | Skype demo</title>\n"
                + "<link rel=\"stylesheet\" href=\"" + Encode.forHtmlAttribute(request.getContextPath()) + "/demo/site.css\">\n"
                + "</head>\n<body>\n<main id=\"main\" class=\"demo-sign-in\">\n<h1>Sign in to the demo</h1>\n"
                + "<p>This pretend sign-in keeps a display name and an unread count in your session.</p>\n"
                + "<form method=\"post\" action=\"" + Encode.forHtmlAttribute(request.getContextPath() + "/demo/sign-in") + "\">\n"
                + "<input type=\"hidden\" name=\"return\" value=\"" + Encode.forHtmlAttribute(back) + "\">\n"
                + "<p><label for=\"name\">Display name</label><br><input id=\"name\" name=\"name\" required maxlength=\"100\" autocomplete=\"nickname\"></p>\n"
                + "<p><label for=\"unread\">Unread messages</label><br><input id=\"unread\" name=\"unread\" type=\"number\" min=\"0\" max=\"9999\" value=\"3\"></p>\n"
                + "<p><button type=\"submit\">Sign in</button></p>\n</form>\n</main>\n</body>\n</html>\n");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getRequestURI().endsWith("/sign-out")) {
            doGet(request, response);
            return;
        }
        String name = request.getParameter("name");
        if (name == null || name.isBlank()) {
            response.sendRedirect(request.getContextPath() + "/demo/sign-in?return="
                    + URLEncoder.encode(UrlPolicy.sameSitePath(request.getParameter("return")), StandardCharsets.UTF_8));
            return;
        }
        if (request.getSession(false) != null) request.changeSessionId(); // no session fixation: a new id at sign-in
        request.getSession(true).setAttribute(VISITOR, Visitor.of(name, null, unread(request.getParameter("unread"))));
        response.setStatus(303);
        response.setHeader("Location", UrlPolicy.sameSitePath(request.getParameter("return")));
    }

    private static int unread(String value) {
        try {
            return value == null ? 0 : Math.max(0, Math.min(9999, Integer.parseInt(value.trim())));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
