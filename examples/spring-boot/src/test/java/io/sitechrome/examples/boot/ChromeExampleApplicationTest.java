package io.sitechrome.examples.boot;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/** The example application over real HTTP: the reference page wears the Skype chrome from skype.yaml. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChromeExampleApplicationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int port;

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString(UTF_8));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    @Test
    void theLegalPageWearsTheChrome() throws Exception {
        HttpResponse<String> response = send(request("/").header("CF-IPCountry", "US"));
        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.body());
        assertThat(page.title()).isEqualTo("Skype Legal | Skype");
        assertThat(page.select("main.legal h1").text()).isEqualTo("Skype Legal");
        assertThat(page.select("body > a.chrome-skip-link")).hasSize(1);
        assertThat(page.select("header.chrome-header .chrome-brand__name").text()).isEqualTo("Skype");
        assertThat(page.select("footer.chrome-footer .chrome-locales a")).hasSizeGreaterThan(20);
        assertThat(page.select("head link[rel=stylesheet][href^=/chrome/assets/chrome.]")).hasSize(1);
        assertThat(page.select("script[src^=/chrome/assets/chrome.]")).hasSize(1);
        assertThat(response.body()).doesNotContain("<esi:");
        String css = page.select("head link[href^=/chrome/assets/]").attr("href");
        assertThat(send(request(css)).statusCode()).isEqualTo(200);
    }

    @Test
    void theDemoSignInShowsTheAccountMenu() throws Exception {
        HttpResponse<String> signedIn = send(request("/demo/sign-in").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=Ada&unread=2&return=/legal")));
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("Location")).hasValue("/legal");
        String session = signedIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        Document page = Jsoup.parse(send(request("/legal").header("Cookie", session)).body());
        assertThat(page.select(".chrome-account__who").text()).contains("Ada");
    }

    @Test
    void theEndpointsAndTheErrorPageWork() throws Exception {
        HttpResponse<String> locale = send(request("/chrome/locale/de?return=/legal"));
        assertThat(locale.statusCode()).isEqualTo(303);
        assertThat(locale.headers().firstValue("Set-Cookie").orElse("")).startsWith("chrome_locale=de;");
        HttpResponse<String> consent = send(request("/chrome/consent").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("choice=reject-all&return=/legal")));
        assertThat(consent.statusCode()).isEqualTo(303);
        HttpResponse<String> missing = send(request("/no-such-page"));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(missing.body()).select("header.chrome-header")).hasSize(1);
    }
}
