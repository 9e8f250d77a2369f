package io.sitechrome.examples.boot;

import io.sitechrome.model.SiteLocale;
import io.sitechrome.servlet.ChromeContext;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The reference page's own content, "Skype Legal", as plain HTML from chrome-examples. The
 * header, banners, footer and cookie controls come from the chrome filter.
 */
@Controller
class LegalPageController {

    private final String content = read("/io/sitechrome/examples/legal.html");

    @GetMapping(value = {"/", "/legal"}, produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String legal(HttpServletRequest request) {
        ChromeContext chrome = ChromeContext.of(request);
        SiteLocale locale = chrome == null ? null : chrome.locale();
        String lang = locale == null ? "en" : locale.tag();
        String dir = locale == null ? "ltr" : locale.dir();
        return "<!DOCTYPE html>\n<html lang=\"" + lang + "\" dir=\"" + dir + "\">\n<head>\n"
                + "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>Skype Legal | Skype</title>\n<link rel=\"stylesheet\" href=\"" + request.getContextPath() + "/demo/site.css\">\n"
                + "</head>\n<body>\n"
                + "<main id=\"main\" class=\"legal\" lang=\"en\" dir=\"ltr\">\n" + content + "</main>\n</body>\n</html>\n";
    }

    private static String read(String resource) {
        try (InputStream in = LegalPageController.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing " + resource + " (the chrome-examples jar)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
