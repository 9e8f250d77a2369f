package io.sitechrome.servlet;

import io.sitechrome.render.Visitor;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Tells the chrome who is signed in. Replace the default to read your own session or
 * security context.
 */
@FunctionalInterface
public interface VisitorResolver {

    /**
     * The signed-in visitor. Must not throw for any request.
     *
     * @param request the current request
     * @return the visitor, or null for a signed-out one
     */
    Visitor resolve(HttpServletRequest request);

    /**
     * The default: a {@link Visitor} in {@link ChromeAttributes#VISITOR}; otherwise the
     * request's principal, named by {@link ChromeAttributes#VISITOR_NAME} if set, with the
     * unread count and avatar from their attributes.
     *
     * @return the resolver the filter uses unless told otherwise
     */
    static VisitorResolver fromRequestAttributes() {
        return request -> {
            if (request.getAttribute(ChromeAttributes.VISITOR) instanceof Visitor visitor) return visitor;
            Object name = request.getAttribute(ChromeAttributes.VISITOR_NAME);
            if (name == null && request.getUserPrincipal() != null) name = request.getUserPrincipal().getName();
            if (name == null) return null;
            Object avatar = request.getAttribute(ChromeAttributes.AVATAR_URL);
            return Visitor.of(name.toString(), avatar == null ? null : avatar.toString(),
                    count(request.getAttribute(ChromeAttributes.UNREAD_COUNT)));
        };
    }

    private static int count(Object value) {
        if (value instanceof Number number) return (int) Math.max(0, Math.min(Integer.MAX_VALUE, number.longValue()));
        if (value == null) return 0;
        try {
            return Math.max(0, Integer.parseInt(value.toString().trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
