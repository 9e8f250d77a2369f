package io.sitechrome.servlet;

import static io.sitechrome.servlet.ChromeSite.CONFIG;
import static io.sitechrome.servlet.ChromeSite.PAGE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sitechrome.render.Component;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link ChromeObserver} over real HTTP: each response the filter sees is reported once, as
 * decorated or passed through with the reason the filter had, and fragments as served.
 * Subclasses choose the container.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ObserverContractTest {

    private static final int CAP = 16 * 1024;

    private final Queue<String> events = new ConcurrentLinkedQueue<>();
    private EmbeddedContainer container;
    private SiteClient site;

    abstract EmbeddedContainer newContainer();

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        ChromeObserver observer = new ChromeObserver() {
            @Override
            public void decorated() {
                events.add("decorated");
            }

            @Override
            public void passedThrough(Reason reason) {
                events.add("passed " + reason.tag());
            }

            @Override
            public void fragmentServed(Component component) {
                events.add("fragment " + component.id());
            }
        };
        ChromeFilter filter = new ChromeFilter(ChromeSettings.builder()
            .config(ChromeSite.write(dir.resolve("chrome.yaml"), CONFIG))
            .exclude("/admin/*").maxBufferBytes(CAP).observer(observer).build());
        container = newContainer();
        site = new SiteClient(container.start(new EmbeddedContainer.WebApp()
            .filter("site-chrome", filter, "/*")
            .servlet("default", new ChromeSite.NotFoundServlet(), "/")
            .servlet("error-page", new ChromeSite.ErrorPageServlet(), "/error-page")
            .errorPage(404, "/error-page")
            .servlet("page", TestServlets.get((req, resp) -> html(resp, PAGE)), "/page", "/admin/page")
            .servlet("json", TestServlets.get((req, resp) -> {
                resp.setContentType("application/json");
                resp.getWriter().write("{}");
            }), "/json")
            .servlet("off", TestServlets.get((req, resp) -> {
                resp.setHeader("X-Chrome", "off");
                html(resp, PAGE);
            }), "/off")
            .servlet("opted-out", TestServlets.get((req, resp) -> {
                req.setAttribute(ChromeAttributes.DECORATE, false);
                html(resp, PAGE);
            }), "/opted-out")
            .servlet("gzip", TestServlets.get((req, resp) -> {
                resp.setContentType("text/html;charset=UTF-8");
                resp.setHeader("Content-Encoding", "gzip");
                try (GZIPOutputStream out = new GZIPOutputStream(resp.getOutputStream())) {
                    out.write(PAGE.getBytes(UTF_8));
                }
            }), "/gzip")
            .servlet("snippet", TestServlets.get((req, resp) -> html(resp, "<p>a snippet, no body</p>")), "/snippet")
            .servlet("big", TestServlets.get((req, resp) -> html(resp,
                PAGE.replace("<h1>", "<p>" + "x".repeat(2 * CAP) + "</p><h1>").replace("<main", "<div></div><main"))), "/big")
            .servlet("redirect", TestServlets.get((req, resp) -> resp.sendRedirect("/page")), "/redirect")
            .servlet("empty", TestServlets.get((req, resp) -> resp.setStatus(204)), "/empty")));
    }

    @AfterAll
    void stop() throws Exception {
        container.close();
    }

    @BeforeEach
    void forget() {
        events.clear();
    }

    private static void html(HttpServletResponse resp, String page) throws IOException {
        resp.setContentType("text/html;charset=UTF-8");
        resp.getWriter().write(page);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "/page                       | decorated",
        "/admin/page                 | passed excluded",
        "/json                       | passed not-html",
        "/off                        | passed x-chrome-off",
        "/opted-out                  | passed opted-out",
        "/gzip                       | passed encoded",
        "/snippet                    | passed no-body",
        "/big                        | passed over-cap",
        "/redirect                   | passed status",
        "/empty                      | passed status",
        "/missing                    | passed status, decorated",
        "/chrome/fragments/header    | fragment header",
        "/chrome/fragments/nothing   | ''",
    })
    void eachResponseIsReportedOnceWithItsOutcome(String path, String expected) throws Exception {
        HttpResponse<byte[]> response = site.get(path);
        List<String> reported = new ArrayList<>(events);
        assertEquals(expected.isEmpty() ? List.of() : List.of(expected.split(", ")), reported,
            () -> path + " answered " + response.statusCode());
    }
}
