package io.sitechrome.servlet;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Real HTTP/1.1 against one running application: no redirects followed, no cookies kept unless a
 * test keeps them in a {@link Jar}.
 */
final class SiteClient {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    final URI base;
    private final HttpClient client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(TIMEOUT)
        .build();

    /** A client of its own per application, so no pooled connection outlives its container. */
    SiteClient(URI base) {
        this.base = base;
    }

    /** The origin a same-site browser would send, such as {@code http://localhost:8080}. */
    String origin() {
        return base.getScheme() + "://" + base.getHost() + ":" + base.getPort();
    }

    URI uri(String path) {
        return URI.create(base.getScheme() + "://" + base.getRawAuthority() + path);
    }

    /** {@code headers} alternate names and values; a name may repeat. */
    HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
        return send(request(path, headers).GET());
    }

    HttpResponse<byte[]> head(String path, String... headers) throws IOException, InterruptedException {
        return send(request(path, headers).method("HEAD", HttpRequest.BodyPublishers.noBody()));
    }

    /** Posts an {@code application/x-www-form-urlencoded} body, sent exactly as given. */
    HttpResponse<byte[]> post(String path, String form, String... headers) throws IOException, InterruptedException {
        return send(request(path, headers)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form, UTF_8)));
    }

    /** GETs an HTML page that must be answered 200, parsed. */
    Document page(String path, String... headers) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = get(path, headers);
        assertEquals(200, response.statusCode(), () -> path + ": " + text(response));
        return Jsoup.parse(text(response), uri(path).toString());
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT);
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), UTF_8);
    }

    static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** A form body from alternating names and values, each percent-encoded. */
    static String form(String... namesAndValues) {
        StringJoiner body = new StringJoiner("&");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.add(URLEncoder.encode(namesAndValues[i], UTF_8) + "=" + URLEncoder.encode(namesAndValues[i + 1], UTF_8));
        }
        return body.toString();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, UTF_8);
    }

    /** One {@code Set-Cookie} header: the name and value, and its attributes by lower-case name. */
    record SetCookie(String name, String value, Map<String, String> attributes) {

        static SetCookie parse(String header) {
            String[] parts = header.split(";");
            int eq = parts[0].indexOf('=');
            Map<String, String> attributes = new LinkedHashMap<>();
            for (int i = 1; i < parts.length; i++) {
                String part = parts[i].trim();
                int at = part.indexOf('=');
                String name = (at < 0 ? part : part.substring(0, at)).trim().toLowerCase(Locale.ROOT);
                attributes.put(name, at < 0 ? "" : part.substring(at + 1).trim());
            }
            return new SetCookie(parts[0].substring(0, eq).trim(), parts[0].substring(eq + 1).trim(), attributes);
        }

        String attribute(String name) {
            return attributes.get(name.toLowerCase(Locale.ROOT));
        }

        /** Whether this header deletes the cookie: {@code Max-Age=0}, or else an {@code Expires} in the past. */
        boolean expires() {
            String maxAge = attribute("Max-Age");
            if (maxAge != null) {
                return Long.parseLong(maxAge) <= 0;
            }
            String expires = attribute("Expires");
            return expires != null
                && ZonedDateTime.parse(expires.replace('-', ' '), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().isBefore(Instant.now());
        }

        /** The Domain attribute without the leading dot browsers ignore, or null. */
        String domain() {
            String domain = attribute("Domain");
            return domain != null && domain.startsWith(".") ? domain.substring(1) : domain;
        }
    }

    static List<SetCookie> setCookies(HttpResponse<?> response) {
        List<SetCookie> cookies = new ArrayList<>();
        for (String header : response.headers().allValues("set-cookie")) {
            cookies.add(SetCookie.parse(header));
        }
        return cookies;
    }

    /** The only Set-Cookie for {@code name}, or null when there is none. */
    static SetCookie setCookie(HttpResponse<?> response, String name) {
        List<SetCookie> matching = setCookies(response).stream().filter(c -> c.name().equals(name)).toList();
        assertEquals(true, matching.size() <= 1, () -> "more than one Set-Cookie for " + name + ": " + matching);
        return matching.isEmpty() ? null : matching.get(0);
    }

    /** The cookies a browser keeps for the site, updated from each response as a browser would. */
    static final class Jar {
        private final Map<String, String> cookies = new LinkedHashMap<>();

        <T> HttpResponse<T> keep(HttpResponse<T> response) {
            for (SetCookie cookie : setCookies(response)) {
                if (cookie.expires()) {
                    cookies.remove(cookie.name());
                } else {
                    cookies.put(cookie.name(), cookie.value());
                }
            }
            return response;
        }

        Jar put(String name, String value) {
            cookies.put(name, value);
            return this;
        }

        String get(String name) {
            return cookies.get(name);
        }

        boolean has(String name) {
            return cookies.containsKey(name);
        }

        /** The Cookie header value. */
        String header() {
            StringJoiner header = new StringJoiner("; ");
            cookies.forEach((name, value) -> header.add(name + "=" + value));
            return header.toString();
        }
    }
}
