package io.sitechrome.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * One visitor of the demo over real HTTP: {@link HttpClient} that does not follow
 * redirects, with a cookie jar ({@link CookieManager}) kept across requests.
 */
final class Browser {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final URI base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;

    Browser(URI base) {
        this.base = base;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(cookies)
                .connectTimeout(TIMEOUT)
                .build();
    }

    /** A response, its body read as UTF-8. */
    record Response(int status, Map<String, List<String>> headers, String body, URI uri) {

        Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }

        List<String> headers(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).toList();
        }

        Document document() {
            return Jsoup.parse(body, uri.toString());
        }
    }

    /** GET {@code path}, with header name/value pairs. */
    Response get(String path, String... headers) throws IOException, InterruptedException {
        return send(request(path, headers).GET());
    }

    /** POST {@code form} (application/x-www-form-urlencoded) to {@code path}, with header name/value pairs. */
    Response post(String path, List<Map.Entry<String, String>> form, String... headers) throws IOException, InterruptedException {
        String body = form.stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(path, headers)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** Submits {@code form} as a browser would: its fields, plus the name and value of {@code submitter} if given. */
    Response submit(Element form, Element submitter, String... headers) throws IOException, InterruptedException {
        assertEquals("post", form.attr("method").toLowerCase(), "form method");
        List<Map.Entry<String, String>> fields = new java.util.ArrayList<>();
        for (Element input : form.select("input[name], select[name], textarea[name]")) {
            if (input.hasAttr("disabled")) continue;
            String type = input.attr("type").toLowerCase();
            if ((type.equals("checkbox") || type.equals("radio")) && !input.hasAttr("checked")) continue;
            String value = type.equals("checkbox") && !input.hasAttr("value") ? "on" : input.val();
            fields.add(Map.entry(input.attr("name"), value));
        }
        if (submitter != null && submitter.hasAttr("name")) fields.add(Map.entry(submitter.attr("name"), submitter.attr("value")));
        return post(form.attr("action"), fields, headers);
    }

    /** GET {@code path} and expect a 200 HTML page. */
    Document page(String path, String... headers) throws IOException, InterruptedException {
        Response response = get(path, headers);
        assertEquals(200, response.status(), () -> "GET " + path + " answered " + response.status() + ":\n" + response.body());
        assertTrue(response.header("Content-Type").orElse("").startsWith("text/html"),
                () -> "GET " + path + " is not HTML: " + response.header("Content-Type"));
        return response.document();
    }

    /** The cookie {@code name} in the jar, if any. */
    Optional<HttpCookie> cookie(String name) {
        return cookies.getCookieStore().get(base).stream().filter(c -> c.getName().equals(name)).findFirst();
    }

    /** Puts a cookie for the demo's host in the jar, as an attacker planting it would. */
    void plantCookie(String name, String value) {
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(base, cookie);
    }

    private HttpRequest.Builder request(String path, String... headers) {
        if (headers.length % 2 != 0) throw new IllegalArgumentException("headers come in name/value pairs");
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT);
        for (int i = 0; i < headers.length; i += 2) builder.header(headers[i], headers[i + 1]);
        return builder;
    }

    private Response send(HttpRequest.Builder builder) throws IOException, InterruptedException {
        HttpRequest request = builder.build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Response(response.statusCode(), response.headers().map(), response.body(), request.uri());
    }
}
