package io.sitechrome.servlet;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Servlets from lambdas. */
final class TestServlets {

    @FunctionalInterface
    interface Handler {
        void handle(HttpServletRequest request, HttpServletResponse response) throws Exception;
    }

    private TestServlets() {
    }

    /** A servlet answering every method with the handler. */
    static HttpServlet any(Handler handler) {
        return new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
                run(handler, req, resp);
            }
        };
    }

    /** A servlet with only {@code doGet}, so HEAD goes through {@link HttpServlet#doHead}. */
    static HttpServlet get(Handler handler) {
        return new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
                run(handler, req, resp);
            }
        };
    }

    private static void run(Handler handler, HttpServletRequest req, HttpServletResponse resp)
            throws ServletException, IOException {
        try {
            handler.handle(req, resp);
        } catch (ServletException | IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ServletException(e);
        }
    }
}
