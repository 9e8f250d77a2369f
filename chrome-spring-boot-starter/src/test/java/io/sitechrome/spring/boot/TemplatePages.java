package io.sitechrome.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Checks shared by the template tests, on TemplateApp's pages. */
final class TemplatePages {

    private TemplatePages() {
    }

    static void assertComponentsInPlace(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("header.chrome-header")).as(response.body()).hasSize(1);
        assertThat(page.select("footer.chrome-footer")).hasSize(1);
        assertThat(page.select("link[rel=stylesheet][href*=/chrome/assets/]")).hasSize(1);
        assertThat(page.select("a.chrome-skip-link")).hasSize(1);
        assertThat(page.select("script[src*=/chrome/assets/]")).hasSize(1);
        assertThat(page.selectFirst("#top > header.chrome-header")).as("the header where the template put it").isNotNull();
        assertThat(page.selectFirst("#bottom > footer.chrome-footer")).as("the footer where the template put it").isNotNull();
    }

    static void assertAllowsFollowsConsent(Http http, String path) throws Exception {
        assertThat(Jsoup.parse(http.get(path).body()).getElementById("tracked")).isNull();
        HttpResponse<String> accepted = http.post("/chrome/consent", "choice=accept-all&return=/");
        assertThat(accepted.statusCode()).isEqualTo(303);
        Document after = Jsoup.parse(http.get(path, "Cookie", cookie(accepted, "chrome_consent")).body());
        assertThat(after.getElementById("tracked")).isNotNull();
        assertThat(after.getElementById("tracked").text()).isEqualTo("Analytics is on.");
    }

    /** The app speaks German (its message, Content-Language) and so does the chrome. */
    static void assertGerman(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.body());
        assertThat(page.getElementById("greeting").text()).isEqualTo("Willkommen");
        assertThat(response.headers().firstValue("Content-Language")).hasValue("de");
        assertThat(page.selectFirst("header.chrome-header").attr("lang")).isEqualTo("de");
        assertThat(page.select("header.chrome-header a").eachText()).contains("Start");
    }

    /** {@code name=value} of the cookie the response sets. */
    static String cookie(HttpResponse<String> response, String name) {
        String set = response.headers().allValues("Set-Cookie").stream().filter(value -> value.startsWith(name + "="))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " cookie in " + response.headers().map()));
        return set.substring(0, set.indexOf(';') < 0 ? set.length() : set.indexOf(';'));
    }
}
