package io.sitechrome.thymeleaf;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/** Renders templates/page.html with plain Thymeleaf 3.1 (no Spring) and the dialect. */
public final class PageServlet extends HttpServlet {

    private transient TemplateEngine engine;
    private transient JakartaServletWebApplication application;

    @Override
    public void init() {
        application = JakartaServletWebApplication.buildApplication(getServletContext());
        ClassLoaderTemplateResolver templates = new ClassLoaderTemplateResolver();
        templates.setPrefix("templates/");
        templates.setSuffix(".html");
        templates.setTemplateMode(TemplateMode.HTML);
        templates.setCacheable(false);
        engine = new TemplateEngine();
        engine.setTemplateResolver(templates);
        engine.addDialect(new ChromeDialect());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        WebContext context = new WebContext(application.buildExchange(request, response), Locale.ENGLISH);
        context.setVariable("title", "Dialect page");
        engine.process("page", context, response.getWriter());
    }
}
