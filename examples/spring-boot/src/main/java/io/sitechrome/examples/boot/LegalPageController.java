package io.sitechrome.examples.boot;

import io.sitechrome.model.SiteLocale;
import io.sitechrome.servlet.TemplateChrome;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The reference page, "Skype Legal": its content is plain HTML from chrome-examples, its layout the
 * Thymeleaf template {@code templates/legal.html}, which places the chrome's components with the
 * dialect ({@code <chrome:header/>} and friends); the chrome filter fills them in. The page's language
 * is the chrome's; with the starter's auto-configuration excluded (as {@code benchmarks/run-startup.sh}
 * does to measure what the starter costs) it is the request's.
 */
@Controller
class LegalPageController {

    private final String content = read("/io/sitechrome/examples/legal.html");
    private final ObjectProvider<TemplateChrome> chrome;

    LegalPageController(ObjectProvider<TemplateChrome> chrome) {
        this.chrome = chrome;
    }

    @GetMapping({"/", "/legal"})
    String legal(HttpServletRequest request, Model model) {
        TemplateChrome templates = chrome.getIfAvailable();
        if (templates != null) {
            SiteLocale locale = templates.locale(request);
            model.addAttribute("lang", locale.tag());
            model.addAttribute("dir", locale.dir());
        } else {
            model.addAttribute("lang", request.getLocale().toLanguageTag());
            model.addAttribute("dir", "ltr");
        }
        model.addAttribute("content", content);
        return "legal";
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
