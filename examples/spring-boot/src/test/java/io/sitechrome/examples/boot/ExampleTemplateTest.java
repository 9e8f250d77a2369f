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

/**
 * The example's template places the chrome with the Thymeleaf dialect: even with the filter off,
 * the dialect renders each component once, where templates/legal.html puts it, in the page's language.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "chrome.filter.enabled=false")
class ExampleTemplateTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int port;

    @Test
    void theTemplatePlacesEachComponentOnce() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/legal"))
                .header("Accept", "text/html").header("Accept-Language", "de").build(), HttpResponse.BodyHandlers.ofString(UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("body > header.chrome-header")).hasSize(1);
        assertThat(page.select("body > footer.chrome-footer")).hasSize(1);
        assertThat(page.select("body > a.chrome-skip-link")).hasSize(1);
        assertThat(page.select("head > link[rel=stylesheet][href^=/chrome/assets/chrome.]")).hasSize(1);
        assertThat(page.select("header.chrome-header").attr("lang")).isEqualTo("de");
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("de");
        assertThat(page.select("main#main.legal h1").text()).isEqualTo("Skype Legal");
        assertThat(response.body()).doesNotContain("chrome:");
    }
}
