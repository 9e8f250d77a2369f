package io.sitechrome.benchmarks;

import io.sitechrome.render.Chrome;
import io.sitechrome.render.PageChrome;
import io.sitechrome.render.Placement;
import io.sitechrome.servlet.ChromeFilter;
import io.sitechrome.servlet.ChromeSettings;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.sitemesh.builder.SiteMeshFilterBuilder;

/**
 * Embedded Jetty servers on loopback serving, at {@link Reference#PATH}, the reference page three
 * ways, and a page with a 2.7 KB body and one with a 160 KB body two ways (static and filter), for
 * the HTTP benchmark (run-http.sh): (a) {@code static}, the page with the chrome already in
 * it; (b) {@code filter}, the bare page decorated by {@link ChromeFilter}; (c) {@code sitemesh},
 * the bare page decorated by SiteMesh 3 with a decorator holding the same chrome as static HTML.
 * Before it reports ready it fetches each once and checks that (a) and (b) send identical bodies.
 *
 * <pre>java -cp benchmarks.jar io.sitechrome.benchmarks.HttpTargets [--max-seconds 900]</pre>
 *
 * Prints {@code COOKIE <header value>}, one {@code TARGET <name> <url>} line each and {@code READY};
 * it stops by itself after {@code --max-seconds}.
 */
public final class HttpTargets {

    private static final String CONTENT_TYPE = "text/html; charset=utf-8";
    private static final String DECORATOR_PATH = "/sitemesh-decorator.html";
    private static final List<String> SIZES = List.of("reference", "small", "large", "small-bytes", "large-bytes");

    private HttpTargets() {
    }

    public static void main(String[] args) throws Exception {
        long maxSeconds = args.length == 2 && args[0].equals("--max-seconds") ? Long.parseLong(args[1]) : 900;
        Chrome chrome = Reference.chrome();
        String cookie = chrome.config().cookies().cookieName() + "=" + Reference.consentCookie(chrome);
        PageChrome page = chrome.forRequest(Reference.request(chrome));
        String head = page.render(Placement.HEAD);
        String bodyStart = page.render(Placement.BODY_START);
        String bodyEnd = page.render(Placement.BODY_END);
        ChromeSettings settings = ChromeSettings.builder()
                .bundledConfig(Reference.CONFIG)
                .visitors(request -> Reference.VISITOR)
                .build();
        List<Server> servers = new ArrayList<>();
        Map<String, Server[]> bySize = new LinkedHashMap<>();
        for (String size : SIZES) {
            boolean bytes = size.endsWith("-bytes");
            String bare = page(bytes ? size.substring(0, size.length() - "-bytes".length()) : size);
            String decorated = insert(insert(insert(bare, "</head>", head, 0), "<body>", bodyStart, "<body>".length()),
                "</body>", bodyEnd, 0);
            Server staticServer = start(servers, new PageServlet(decorated, bytes), null, null);
            Server filterServer = start(servers, new PageServlet(bare, bytes), new ChromeFilter(settings), null);
            Server sitemeshServer = null;
            if (size.equals("reference")) {
                Filter sitemesh = new SiteMeshFilterBuilder().setDecoratorPrefix("").addDecoratorPath("/*", DECORATOR_PATH).create();
                sitemeshServer = start(servers, new PageServlet(bare, false), sitemesh, new DecoratorServlet(decorator(head, bodyStart, bodyEnd)));
            }
            bySize.put(size, new Server[] {staticServer, filterServer, sitemeshServer});
        }

        Thread stopper = new Thread(() -> {
            try {
                TimeUnit.SECONDS.sleep(maxSeconds);
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("HttpTargets: stopping after " + maxSeconds + " s");
            System.exit(0);
        });
        stopper.setDaemon(true);
        stopper.start();

        String[] names = {"static", "filter", "sitemesh"};
        HttpClient client = HttpClient.newHttpClient();
        List<String> targets = new ArrayList<>();
        for (String size : SIZES) {
            Server[] order = bySize.get(size);
            String suffix = size.equals("reference") ? "" : "-" + size;
            String[] bodies = new String[3];
            for (int i = 0; i < 3 && order[i] != null; i++) {
                URI uri = url(order[i]);
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).header("Cookie", cookie).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) throw new IllegalStateException(names[i] + suffix + ": status " + response.statusCode());
                bodies[i] = response.body();
                System.out.println("BYTES " + names[i] + suffix + " " + response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
                if (i < 2 || suffix.isEmpty()) targets.add("TARGET " + names[i] + suffix + " " + uri);
            }
            if (!bodies[0].equals(bodies[1])) {
                int at = RenderBenchmark.firstDifference(bodies[0], bodies[1]);
                throw new IllegalStateException("the filter's " + size + " page differs from the static page at char " + at
                        + ":\n static: " + excerpt(bodies[0], at) + "\n filter: " + excerpt(bodies[1], at));
            }
            if (suffix.isEmpty()) {
                System.out.println("SAME sitemesh " + bodies[0].equals(bodies[2])
                        + (bodies[0].equals(bodies[2]) ? "" : " (first difference at char " + RenderBenchmark.firstDifference(bodies[0], bodies[2]) + ")"));
            }
        }
        System.out.println("COOKIE " + cookie);
        targets.forEach(System.out::println);
        System.out.println("READY");
        System.out.flush();
        for (Server server : servers) server.join();
    }

    /** The reference page's own content, as the demo's LegalPageServlet writes it. */
    static String barePage() {
        return page("reference");
    }

    /**
     * A bare page: {@code reference} (the reference page's content), {@code small} (a 2.7 KB body) or
     * {@code large} (a 160 KB body, the reference content repeated).
     */
    public static String page(String size) {
        String content = Reference.pageContent();
        String body = switch (size) {
            case "small" -> content.substring(0, content.indexOf('\n', 2_700) + 1);
            case "large" -> content.repeat(160_000 / content.length() + 1).substring(0, 160_000);
            default -> content;
        };
        body = body.substring(0, body.lastIndexOf('\n') + 1);
        return "<!DOCTYPE html>\n<html lang=\"en-US\" dir=\"ltr\">\n<head>\n"
                + "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>Skype Legal | Skype</title>\n<link rel=\"stylesheet\" href=\"/demo/site.css\">\n"
                + "</head>\n<body>\n"
                + "<main id=\"main\" class=\"legal\" lang=\"en\" dir=\"ltr\">\n" + body + "</main>\n</body>\n</html>\n";
    }

    /** A SiteMesh decorator that reproduces the static page around the bare page's title, head and body. */
    static String decorator(String head, String bodyStart, String bodyEnd) {
        return "<!DOCTYPE html>\n<html lang=\"en-US\" dir=\"ltr\">\n<head>\n"
                + "<title><sitemesh:write property='title'/></title><sitemesh:write property='head'/>" + head
                + "</head>\n<body>" + bodyStart + "<sitemesh:write property='body'/>" + bodyEnd + "</body>\n</html>\n";
    }

    private static String excerpt(String page, int at) {
        return page.substring(Math.max(0, at - 80), Math.min(page.length(), at + 80)).replace("\n", "\\n");
    }

    private static String insert(String page, String marker, String text, int offset) {
        int at = marker.startsWith("</") ? page.lastIndexOf(marker) : page.indexOf(marker);
        return page.substring(0, at + offset) + text + page.substring(at + offset);
    }

    /**
     * A server for {@code servlet}, behind {@code filter} if any: the chrome filter on every dispatch
     * as its documentation asks, SiteMesh on requests only, with its decorator at {@link #DECORATOR_PATH}.
     */
    private static Server start(List<Server> servers, HttpServlet servlet, Filter filter, HttpServlet decorator) throws Exception {
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        if (filter != null) {
            FilterHolder holder = new FilterHolder(filter);
            holder.setAsyncSupported(true);
            context.addFilter(holder, "/*", decorator == null ? EnumSet.allOf(DispatcherType.class) : EnumSet.of(DispatcherType.REQUEST));
        }
        context.addServlet(new ServletHolder("page", servlet), "/*");
        if (decorator != null) context.addServlet(new ServletHolder("decorator", decorator), DECORATOR_PATH);
        Server server = new Server(new InetSocketAddress("127.0.0.1", 0));
        server.setHandler(context);
        server.start();
        servers.add(server);
        return server;
    }

    private static URI url(Server server) {
        return URI.create("http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + Reference.PATH);
    }

    /** Writes one fixed page, as an application would: as one String to the writer, or as its UTF-8 bytes to the output stream. */
    private static final class PageServlet extends HttpServlet {
        private final String page;
        private final byte[] bytes;

        PageServlet(String page, boolean bytes) {
            this.page = page;
            this.bytes = bytes ? page.getBytes(java.nio.charset.StandardCharsets.UTF_8) : null;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType(CONTENT_TYPE);
            if (bytes != null) {
                response.getOutputStream().write(bytes);
            } else {
                response.getWriter().write(page);
            }
        }
    }

    /** Serves SiteMesh's decorator. */
    private static final class DecoratorServlet extends HttpServlet {
        private final String decorator;

        DecoratorServlet(String decorator) {
            this.decorator = decorator;
        }

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType(CONTENT_TYPE);
            response.getWriter().write(decorator);
        }
    }
}
