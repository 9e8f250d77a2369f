package io.sitechrome.internal.servlet;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/** Servlet 6.1 methods that this module, compiled against Servlet 6.0, calls reflectively. */
final class Servlet61 {

    private static final Method SEND_REDIRECT = lookup();

    private Servlet61() {
    }

    private static Method lookup() {
        try {
            return HttpServletResponse.class.getMethod("sendRedirect", String.class, int.class, boolean.class);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /**
     * {@code response.sendRedirect(location, sc, clearBuffer)}; only reachable on a Servlet 6.1 container.
     *
     * @param response    the response
     * @param location    where to redirect
     * @param sc          the redirect's status code
     * @param clearBuffer whether the response buffer is cleared and replaced by the container's body,
     *                    rather than kept
     * @throws IOException when the response cannot be written
     */
    static void sendRedirect(HttpServletResponse response, String location, int sc, boolean clearBuffer)
            throws IOException {
        if (SEND_REDIRECT == null) {
            throw new UnsupportedOperationException("sendRedirect(String, int, boolean) needs Servlet 6.1");
        }
        try {
            SEND_REDIRECT.invoke(response, location, sc, clearBuffer);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
