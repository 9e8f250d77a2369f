package io.sitechrome.spring.boot;

import io.sitechrome.render.Visitor;
import io.sitechrome.servlet.VisitorResolver;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/**
 * Asks the application's {@link VisitorResolver} who is signed in while the request is still
 * inside the filters that know it, and keeps the answer for {@code ChromeFilter}.
 *
 * <p>{@code ChromeFilter} sits near the front of the chain and decorates a page when the chain
 * has returned. By then Spring Security has cleared its {@code SecurityContextHolder}, and the
 * request it sees is not Security's wrapper, whose {@code getUserPrincipal()} knows the user.
 * This filter runs after Spring Security ({@link #ORDER}); when the rest of the chain returns
 * (so attributes set by controllers count too) it resolves the visitor and stores the result in
 * a request attribute, which {@link #captured(VisitorResolver)} reads first.
 */
public final class ChromeVisitorFilter implements Filter {

    /** After Spring Security's filter chain (-100) and Spring's RequestContextFilter (-105). */
    public static final int ORDER = 0;

    private static final String ATTRIBUTE = ChromeVisitorFilter.class.getName() + ".visitor";

    /** The answer for one request; {@code visitor} is null for a signed-out visitor. */
    private record Captured(Visitor visitor) {
    }

    private final VisitorResolver visitors;

    /**
     * A filter capturing what {@code visitors} says of each request once the chain returns.
     *
     * @param visitors the application's resolver; when it throws, the visitor counts as signed out
     */
    public ChromeVisitorFilter(VisitorResolver visitors) {
        this.visitors = visitors;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } finally {
            if (request instanceof HttpServletRequest http) {
                Visitor visitor;
                try {
                    visitor = visitors.resolve(http);
                } catch (RuntimeException e) {
                    visitor = null;
                }
                request.setAttribute(ATTRIBUTE, new Captured(visitor));
            }
        }
    }

    /**
     * A resolver for {@code ChromeSettings}: the visitor this filter captured for the request, or,
     * when it did not run, {@code fallback}'s answer now.
     *
     * @param fallback the resolver asked when this filter did not run for the request
     * @return a resolver that prefers the captured answer
     */
    public static VisitorResolver captured(VisitorResolver fallback) {
        return request -> request.getAttribute(ATTRIBUTE) instanceof Captured captured
                ? captured.visitor() : fallback.resolve(request);
    }
}
