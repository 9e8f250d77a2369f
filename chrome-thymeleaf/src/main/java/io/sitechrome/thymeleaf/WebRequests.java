package io.sitechrome.thymeleaf;

import io.sitechrome.servlet.TemplateChrome;
import jakarta.servlet.http.HttpServletRequest;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.context.IWebContext;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.web.servlet.IServletWebExchange;

/** The servlet request behind a Thymeleaf 3.1 template context (Thymeleaf 3.1 has no {@code #request}). */
final class WebRequests {

    private WebRequests() {
    }

    /** The Jakarta servlet request being answered; fails for templates processed outside a web request. */
    static HttpServletRequest of(ITemplateContext context) {
        if (context instanceof IWebContext web && web.getExchange() instanceof IServletWebExchange exchange
                && exchange.getNativeRequestObject() instanceof HttpServletRequest request) {
            return request;
        }
        throw new TemplateProcessingException("The site-chrome dialect needs a web context over a Jakarta servlet"
                + " request (IWebContext with a JakartaServletWebApplication exchange)");
    }

    /** {@code configured}, or else the instance published in the request's servlet context. */
    static TemplateChrome chrome(TemplateChrome configured, HttpServletRequest request) {
        return configured != null ? configured : TemplateChrome.of(request.getServletContext());
    }
}
