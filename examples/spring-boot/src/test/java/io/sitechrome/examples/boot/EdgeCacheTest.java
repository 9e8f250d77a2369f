package io.sitechrome.examples.boot;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The example application behind a real Varnish that assembles the chrome with ESI
 * ({@code chrome.esi=true}). The VCL announces ESI support to the app (Surrogate-Capability),
 * processes the pages whose response says {@code Surrogate-Control: content="ESI/1.0"}, passes
 * pages (they are per visitor) and caches the fragment endpoint, and accepts PURGE from loopback.
 *
 * <p>Checked: every kind of visitor gets, through Varnish, byte for byte the page the app sends
 * when asked directly (with everything inline); the fragments are served from Varnish's cache;
 * an edit of the configuration file (hot-reloaded) reaches the pages through Varnish after a PURGE
 * of the fragment URLs, and when a cached fragment is revalidated and its ETag has changed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EdgeCacheTest {

    private static final Pattern INCLUDE = Pattern.compile("<esi:include src=\"([^\"]*)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /**
     * The VCL: %d is the app's port. {@code X-Fragment-Ttl} is this test's hook: fragments fetched
     * for a request carrying it are kept that long instead of their max-age, to see them revalidated.
     */
    private static final String VCL = """
        vcl 4.1;

        import std;

        backend app { .host = "127.0.0.1"; .port = "%d"; }

        acl purgers { "127.0.0.1"; "::1"; }

        sub vcl_recv {
            if (req.method == "PURGE") {
                if (client.ip !~ purgers) { return (synth(405, "Not allowed")); }
                return (purge);
            }
            # Tell the app that this cache assembles ESI (Edge Architecture Specification).
            set req.http.Surrogate-Capability = {"varnish="ESI/1.0""};
            if (req.url ~ "^/chrome/(fragments|assets)/") {
                # The same for every visitor: the URL names all they depend on.
                unset req.http.Cookie;
                return (hash);
            }
            # Pages carry per-visitor parts (cookie banner, account menu, nonce): never cached.
            return (pass);
        }

        sub vcl_backend_response {
            if (beresp.http.Surrogate-Control ~ "ESI/1.0") {
                unset beresp.http.Surrogate-Control;
                set beresp.do_esi = true;
            }
            if (bereq.url ~ "^/chrome/fragments/") {
                # Keep expired fragments, to revalidate them with If-None-Match (their strong ETag).
                set beresp.keep = 1h;
                if (bereq.http.X-Fragment-Ttl) {
                    set beresp.ttl = std.duration(bereq.http.X-Fragment-Ttl, 300s);
                    set beresp.grace = 0s;
                }
            }
        }
        """;

    private static Path dir;
    private static Path config;

    @DynamicPropertySource
    static void chromeBehindVarnish(DynamicPropertyRegistry registry) throws Exception {
        dir = Files.createTempDirectory("site-chrome-edge");
        config = dir.resolve("skype.yaml");
        try (InputStream in = EdgeCacheTest.class.getResourceAsStream("/io/sitechrome/examples/skype.yaml")) {
            Files.copy(in, config);
        }
        registry.add("chrome.config", config::toString);
        registry.add("chrome.reload-interval", () -> "100ms");
        registry.add("chrome.esi", () -> "true");
    }

    @Value("${local.server.port}")
    int appPort;

    private Varnish varnish;

    @BeforeAll
    void startVarnish() throws Exception {
        varnish = Varnish.start(dir, VCL.formatted(appPort));
    }

    @AfterAll
    void stopVarnish() throws Exception {
        try {
            if (varnish != null) varnish.close();
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** The visitors: request headers. */
    private List<Map<String, String>> visitors() throws Exception {
        String session = signIn("Ada Lovelace");
        String consent = cookies(post(app("/chrome/consent"), "choice=accept-all&return=/"));
        return List.of(
                Map.of(),
                Map.of("Accept-Language", "de-DE,de;q=0.9", "CF-IPCountry", "DE"),
                Map.of("Accept-Language", "ar", "CF-IPCountry", "US", "Sec-GPC", "1"),
                Map.of("Cookie", "chrome_locale=ja; " + consent, "CF-IPCountry", "US", "Sec-GPC", "1"),
                Map.of("Cookie", session, "CF-IPCountry", "GB"));
    }

    @Test
    @Order(1)
    void pagesThroughVarnishAreThePagesTheAppRendersInline() throws Exception {
        HttpResponse<String> template = get(app("/legal"), Map.of("Surrogate-Capability", "varnish=\"ESI/1.0\""));
        assertThat(template.headers().firstValue("Surrogate-Control")).hasValue("content=\"ESI/1.0\"");
        // skip-link, banners, header, footer: the head stays inline, as the demo uses Google Consent Mode
        assertThat(includes(template.body())).hasSize(4);

        for (String path : List.of("/", "/legal", "/legal?from=%C3%A9t%C3%A9&x=1")) {
            for (Map<String, String> visitor : visitors()) {
                HttpResponse<byte[]> direct = getBytes(app(path), visitor);
                HttpResponse<byte[]> edge = getBytes(edge(path), visitor);
                assertThat(direct.statusCode()).isEqualTo(200);
                assertThat(edge.statusCode()).isEqualTo(200);
                assertThat(new String(direct.body(), UTF_8)).doesNotContain("<esi:");
                assertThat(edge.headers().firstValue("Surrogate-Control")).isEmpty();
                assertThat(edge.body()).as(path + " for " + visitor).isEqualTo(direct.body());
                if (visitor.getOrDefault("Cookie", "").contains("JSESSIONID")) {
                    assertThat(new String(edge.body(), UTF_8)).as("the account menu, inline").contains("Ada Lovelace");
                }
            }
        }
    }

    @Test
    @Order(2)
    void theFragmentsAreServedFromVarnishsCache() throws Exception {
        List<String> fragments = includes(get(app("/legal"), Map.of("Surrogate-Capability", "ESI/1.0")).body());
        get(edge("/legal"), Map.of());
        long hits = varnish.settled("MAIN.cache_hit");
        long backendRequests = varnish.settled("MAIN.backend_req");
        for (int i = 0; i < 3; i++) get(edge("/legal"), Map.of());
        assertThat(varnish.awaitAtLeast("MAIN.cache_hit", hits + 3L * fragments.size()) - hits)
                .as("every include of three pages is a hit").isEqualTo(3L * fragments.size());
        assertThat(varnish.settled("MAIN.backend_req") - backendRequests).as("only the pages went to the app").isEqualTo(3);

        HttpResponse<String> fragment = get(edge(fragments.get(fragments.size() - 1)), Map.of());
        assertThat(fragment.headers().firstValue("X-Varnish").orElse("")).as("a hit names two transactions").matches("\\d+ \\d+");
        assertThat(fragment.headers().firstValue("Age")).isPresent();
        assertThat(fragment.headers().firstValue("Cache-Control")).hasValue("public, max-age=300");
        assertThat(fragment.headers().firstValue("ETag").orElse("")).matches("\"[^\"]+\"");
        assertThat(fragment.body()).startsWith("<footer class=\"chrome-footer\"");
    }

    @Test
    @Order(3)
    void aConfigurationChangeReachesThePagesAfterAPurge() throws Exception {
        edit("What's new", "Just in");
        assertThat(get(edge("/legal"), Map.of()).body()).as("still cached").doesNotContain("Just in");

        purgeFragmentsOf("/legal");
        HttpResponse<byte[]> edge = getBytes(edge("/legal"), Map.of());
        assertThat(new String(edge.body(), UTF_8)).contains("Just in");
        assertThat(edge.body()).isEqualTo(getBytes(app("/legal"), Map.of()).body());
    }

    @Test
    @Order(4)
    void aConfigurationChangeReachesThePagesWhenTheFragmentsETagChanges() throws Exception {
        Map<String, String> oneSecond = Map.of("X-Fragment-Ttl", "1s");
        purgeFragmentsOf("/legal");
        get(edge("/legal"), oneSecond);
        Thread.sleep(1500);
        long notModified = varnish.settled("MAIN.fetch_304");
        get(edge("/legal"), oneSecond);
        // Varnish revalidates only stale objects that have a body; an empty fragment (no top banner
        // for this visitor) is fetched again in full, which costs as little.
        long withBody = 0;
        for (String fragment : includes(get(app("/legal"), Map.of("Surrogate-Capability", "ESI/1.0")).body())) {
            if (!get(app(fragment), Map.of()).body().isEmpty()) withBody++;
        }
        assertThat(withBody).as("fragments with a body").isGreaterThanOrEqualTo(3);
        assertThat(varnish.awaitAtLeast("MAIN.fetch_304", notModified + withBody) - notModified)
                .as("expired and unchanged: the app answers If-None-Match with 304").isEqualTo(withBody);

        edit("Just in", "Latest news");
        Thread.sleep(1500);
        notModified = varnish.settled("MAIN.fetch_304");
        long fetches = varnish.settled("MAIN.backend_req");
        HttpResponse<byte[]> revalidated = getBytes(edge("/legal"), Map.of());
        assertThat(varnish.awaitAtLeast("MAIN.backend_req", fetches + 5) - fetches).as("the page and its four fragments").isEqualTo(5);
        assertThat(varnish.settled("MAIN.fetch_304")).as("every fragment's ETag changed with the version").isEqualTo(notModified);
        assertThat(new String(revalidated.body(), UTF_8)).contains("Latest news").doesNotContain("Just in");
        assertThat(revalidated.body()).isEqualTo(getBytes(app("/legal"), Map.of()).body());
    }

    /** PURGEs, through Varnish, every fragment URL the app's page at {@code path} includes. */
    private void purgeFragmentsOf(String path) throws Exception {
        Set<String> fragments = new LinkedHashSet<>(includes(get(app(path), Map.of("Surrogate-Capability", "ESI/1.0")).body()));
        assertThat(fragments).hasSize(4);
        for (String fragment : fragments) {
            HttpResponse<String> purged = HTTP.send(HttpRequest.newBuilder(edge(fragment))
                    .method("PURGE", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(purged.statusCode()).as("PURGE " + fragment).isEqualTo(200);
        }
    }

    /** Rewrites the configuration file and waits until the app serves the change. */
    private void edit(String from, String to) throws Exception {
        String yaml = Files.readString(config);
        assertThat(yaml).contains(from);
        Path edited = Files.writeString(dir.resolve("skype.yaml.new"), yaml.replace(from, to));
        Files.move(edited, config, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!get(app("/legal"), Map.of()).body().contains(to)) {
            assertThat(System.nanoTime()).as("the app reloads the edited configuration").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private URI app(String path) {
        return URI.create("http://127.0.0.1:" + appPort + path);
    }

    private URI edge(String path) {
        return URI.create("http://127.0.0.1:" + varnish.port() + path);
    }

    private static List<String> includes(String page) {
        List<String> sources = new ArrayList<>();
        Matcher include = INCLUDE.matcher(page);
        while (include.find()) sources.add(include.group(1).replace("&amp;", "&"));
        return sources;
    }

    private String signIn(String name) throws Exception {
        HttpResponse<String> signedIn = post(app("/demo/sign-in"), "name=" + name.replace(" ", "+") + "&return=/");
        assertThat(signedIn.statusCode()).isEqualTo(303);
        return cookies(signedIn);
    }

    private static String cookies(HttpResponse<String> response) {
        List<String> pairs = new ArrayList<>();
        for (String setCookie : response.headers().allValues("Set-Cookie")) {
            String pair = setCookie.split(";", 2)[0];
            if (!pair.endsWith("=") && !pair.startsWith("chrome_flash=")) pairs.add(pair);
        }
        assertThat(pairs).isNotEmpty();
        return String.join("; ", pairs);
    }

    private static HttpResponse<String> post(URI uri, String form) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString(UTF_8));
    }

    private static HttpRequest request(URI uri, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Accept", "text/html");
        headers.forEach(request::header);
        return request.build();
    }

    private static HttpResponse<String> get(URI uri, Map<String, String> headers) throws Exception {
        return HTTP.send(request(uri, headers), HttpResponse.BodyHandlers.ofString(UTF_8));
    }

    private static HttpResponse<byte[]> getBytes(URI uri, Map<String, String> headers) throws Exception {
        return HTTP.send(request(uri, headers), HttpResponse.BodyHandlers.ofByteArray());
    }
}
