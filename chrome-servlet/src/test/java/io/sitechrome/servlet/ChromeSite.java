package io.sitechrome.servlet;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.sitechrome.render.PageChrome;
import io.sitechrome.render.Placement;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The site the real-chrome suite ({@link ChromeFilterContractTest}) runs: a configuration with
 * three locales, targeted and dismissible banners, an account menu, a chat link and opt-in cookie
 * consent (opt-out in the US) with a sale-or-sharing category; and the application's servlets.
 */
final class ChromeSite {

    /** The site's configuration. Tests derive edits from it with {@link String#replace}. */
    static final String CONFIG = """
        site:
          name: Contoso
          url: https://www.contoso.example/
          locales:
            - { tag: en, name: English }
            - { tag: de, name: Deutsch }
            - { tag: ar, name: عربي }
        brand:
          name: { text: Contoso, href: / }
        header:
          nav:
            - { label: { en: Products, de: Produkte, ar: المنتجات }, href: /products }
            - { label: Help, href: /help }
          chat: { label: { en: Chat, de: Chat }, href: /chat }
        account:
          signIn: { label: { en: Sign in, de: Anmelden }, href: "/login?return={returnUrl}" }
          menu:
            - { label: { en: My account, de: Mein Konto }, href: /account }
        banners:
          - id: us-only
            severity: info
            title: US notice
            text: Only for visitors in the United States.
            countries: [US]
          - id: notice
            severity: warning
            title: Maintenance
            text: We are upgrading tonight.
            dismissible: true
          - id: fixed
            severity: critical
            title: Always here
            text: This banner cannot be dismissed.
        footer:
          links:
            - { label: Privacy, href: /privacy }
            - { label: Manage cookies, action: manage-cookies }
          copyright: "© Contoso {year}"
        cookies:
          mode: opt-in
          modeByCountry: { US: opt-out }
          saleOrSharing: [advertising]
          categories:
            - { id: necessary, label: Necessary, description: Needed for the site to work., required: true }
            - id: analytics
              label: Analytics
              description: Helps us improve the site.
              services:
                - { id: clarity, label: Clarity, cookies: [ { name: _clck, domain: .example.com, path: / }, { pattern: "^_cl.*" } ] }
            - id: advertising
              label: Advertising
              description: Personalised ads.
              services:
                - { id: ads, label: Ads, cookies: [ { name: ads_id, path: / } ] }
          scripts:
            - { category: analytics, src: "https://cdn.contoso.example/analytics.js" }
        """;

    /** The configuration with one refused value (a {@code javascript:} URL) on {@link #INVALID_LINE}. */
    static final String INVALID_CONFIG = CONFIG.replace("en: Products", "en: Broken")
        .replace("href: /help", "href: \"javascript:alert(1)\"");

    static final int INVALID_LINE = lineOf(INVALID_CONFIG, "javascript:");

    static final String PAGE = """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Plain page</title></head>
        <body class="app">
        <main id="main"><h1>Hello</h1><p>Grüße — مرحبا — 😀</p></main>
        </body>
        </html>
        """;

    static final String PLACEHOLDER_PAGE = """
        <!DOCTYPE html>
        <html><head><title>Placed</title></head>
        <body>
        <div id="top">Top of the page</div>
        <div id="header-slot"><!--chrome:header--></div>
        <main id="main"><p>Content</p></main>
        <div id="footer-slot"><!--chrome:footer--></div>
        <p id="last">Last words</p>
        </body>
        </html>
        """;

    static final String ERROR_PAGE = "<!DOCTYPE html><html><head><title>Not found</title></head>"
        + "<body><h1>Page not found</h1></body></html>";

    static final byte[] JSON_BODY =
        "{\"html\":\"<html><head></head><body>not a page</body></html>\",\"text\":\"é 😀\"}".getBytes(UTF_8);

    private ChromeSite() {
    }

    /**
     * The application with {@code filter} on {@code /*} for every dispatcher type, behind a
     * {@code guard} filter that rejects {@code /guarded/*} with a 404 before the chrome runs.
     */
    static EmbeddedContainer.WebApp app(Filter filter) {
        return servlets(new EmbeddedContainer.WebApp()
            .filter("guard", (request, response, chain) -> {
                if (((HttpServletRequest) request).getDispatcherType() == DispatcherType.REQUEST) {
                    ((HttpServletResponse) response).sendError(404);
                } else {
                    chain.doFilter(request, response);
                }
            }, "/guarded/*")
            .filter("site-chrome", filter, "/*"));
    }

    /**
     * The application's servlets, a default servlet and its 404 error page, without any filter.
     * Like every real web application it has a default servlet on {@code /} (here one that finds
     * nothing): filters only run for requests that map to a servlet, and Tomcat, unlike Jetty,
     * adds none of its own to an embedded context.
     */
    static EmbeddedContainer.WebApp servlets(EmbeddedContainer.WebApp app) {
        return app
            .servlet("default", new NotFoundServlet(), "/")
            .servlet("page", new PageServlet(), "/page", "/products")
            .servlet("placeholders", TestServlets.get((req, resp) -> html(resp, PLACEHOLDER_PAGE)), "/placeholders")
            .servlet("probe", TestServlets.get(ChromeSite::probe), "/probe")
            .servlet("json", TestServlets.get((req, resp) -> {
                resp.setContentType("application/json");
                resp.setContentLength(JSON_BODY.length);
                resp.getOutputStream().write(JSON_BODY);
            }), "/api/data")
            .servlet("error-page", new ErrorPageServlet(), "/error-page")
            .errorPage(404, "/error-page");
    }

    /**
     * The plain page. Query parameters play the application's part: {@code app-locale},
     * {@code visitor}, {@code unread} and {@code nonce} become the request attributes of
     * {@link ChromeAttributes}. Public, so a {@code web.xml} can name it.
     */
    public static final class PageServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            attribute(req, "app-locale", ChromeAttributes.LOCALE);
            attribute(req, "visitor", ChromeAttributes.VISITOR_NAME);
            attribute(req, "nonce", ChromeAttributes.NONCE);
            if (req.getParameter("unread") != null) {
                req.setAttribute(ChromeAttributes.UNREAD_COUNT, Integer.valueOf(req.getParameter("unread")));
            }
            html(resp, PAGE);
        }

        private static void attribute(HttpServletRequest req, String parameter, String attribute) {
            String value = req.getParameter(parameter);
            if (value != null) {
                req.setAttribute(attribute, value);
            }
        }
    }

    /** The default servlet of an application without static files. Public, so a {@code web.xml} can name it. */
    public static final class NotFoundServlet extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.sendError(404);
        }
    }

    /** The 404 page, reached through the error dispatch. Public, so a {@code web.xml} can name it. */
    public static final class ErrorPageServlet extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            html(resp, ERROR_PAGE);
        }
    }

    /** What the application learns from {@link ChromeContext}, as {@code key=value} lines; {@code app-locale} as on pages. */
    private static void probe(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (req.getParameter("app-locale") != null) {
            req.setAttribute(ChromeAttributes.LOCALE, req.getParameter("app-locale"));
        }
        ChromeContext context = ChromeContext.of(req);
        resp.setContentType("text/plain;charset=UTF-8");
        if (context == null) {
            resp.getWriter().write("context=none\n");
            return;
        }
        resp.getWriter().write("context=present\n"
            + "gpc=" + context.gpc() + "\n"
            + "necessary=" + context.allows("necessary") + "\n"
            + "analytics=" + context.allows("analytics") + "\n"
            + "advertising=" + context.allows("advertising") + "\n"
            + "locale=" + context.locale().tag() + "\n"
            + "version=" + context.chrome().version() + "\n");
    }

    private static void html(HttpServletResponse resp, String page) throws IOException {
        resp.setContentType("text/html;charset=UTF-8");
        resp.getWriter().write(page);
    }

    /** {@code page} as the filter should send it with {@code chrome}: each placement's components spliced in. */
    static String decorated(String page, PageChrome chrome) {
        int head = page.indexOf("</head>");
        int bodyStart = page.indexOf('>', page.indexOf("<body")) + 1;
        int bodyEnd = page.lastIndexOf("</body>");
        return page.substring(0, head) + chrome.render(Placement.HEAD) + page.substring(head, bodyStart)
            + chrome.render(Placement.BODY_START) + page.substring(bodyStart, bodyEnd)
            + chrome.render(Placement.BODY_END) + page.substring(bodyEnd);
    }

    static Path write(Path file, String text) throws IOException {
        Files.writeString(file, text, UTF_8);
        return file;
    }

    /** Replaces the file's content in one atomic step, so the watcher never reads half an edit. */
    static void replace(Path file, String text) throws IOException {
        Path edit = Files.createTempFile(file.getParent(), "edit-", ".tmp");
        Files.writeString(edit, text, UTF_8);
        Files.move(edit, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static int lineOf(String text, String part) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(part)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(part);
    }
}
