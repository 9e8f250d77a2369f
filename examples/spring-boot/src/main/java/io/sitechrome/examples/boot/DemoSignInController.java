package io.sitechrome.examples.boot;

import io.sitechrome.config.UrlPolicy;
import io.sitechrome.render.Visitor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.owasp.encoder.Encode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * A pretend sign-in, as in the Jetty demo: a display name and an unread count kept in the session,
 * to see the signed-in account menu. {@code /demo/sign-out} ends the session.
 */
@Controller
class DemoSignInController {

    static final String VISITOR = DemoSignInController.class.getName() + ".visitor";

    @GetMapping(value = "/demo/sign-in", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String form(@RequestParam(name = "return", required = false) String back) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Sign in | Skype demo</title>\n"
                + "<link rel=\"stylesheet\" href=\"/demo/site.css\">\n</head>\n<body>\n<main id=\"main\">\n<h1>Sign in to the demo</h1>\n"
                + "<form method=\"post\" action=\"/demo/sign-in\">\n"
                + "<input type=\"hidden\" name=\"return\" value=\"" + Encode.forHtmlAttribute(UrlPolicy.sameSitePath(back)) + "\">\n"
                + "<p><label for=\"name\">Display name</label><br><input id=\"name\" name=\"name\" required maxlength=\"100\"></p>\n"
                + "<p><label for=\"unread\">Unread messages</label><br><input id=\"unread\" name=\"unread\" type=\"number\" min=\"0\" max=\"9999\" value=\"3\"></p>\n"
                + "<p><button type=\"submit\">Sign in</button></p>\n</form>\n</main>\n</body>\n</html>\n";
    }

    @PostMapping("/demo/sign-in")
    ResponseEntity<Void> signIn(HttpServletRequest request, @RequestParam(name = "name", required = false) String name,
                                @RequestParam(name = "unread", required = false, defaultValue = "0") int unread,
                                @RequestParam(name = "return", required = false) String back) {
        if (name == null || name.isBlank()) return seeOther("/demo/sign-in");
        if (request.getSession(false) != null) request.changeSessionId();
        request.getSession(true).setAttribute(VISITOR, Visitor.of(name, null, Math.max(0, Math.min(9999, unread))));
        return seeOther(UrlPolicy.sameSitePath(back));
    }

    @GetMapping("/demo/sign-out")
    ResponseEntity<Void> signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) session.invalidate();
        return seeOther("/");
    }

    private static ResponseEntity<Void> seeOther(String location) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, location).build();
    }
}
