package io.sitechrome.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.sitechrome.cli.ChromeCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Nu HTML Checker finds no error in the demo page in each state, both as the server sends
 * it (fetched with the browser's own cookies) and as the browser holds it after the chrome's
 * script has changed it (drop-downs open, preferences open, choice saved), nor in the CLI's
 * static {@code page.html}.
 */
class ValidHtmlTest {

    static Browser browser;
    static HtmlChecker checker;
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        checker = new HtmlChecker();
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
    }

    @BeforeEach
    void freshVisitor() {
        browser.viewport(1280, 900).reset();
    }

    private static void assertValid(String name, String html) {
        assertTrue(html.contains("chrome-header") && html.contains("chrome-footer"), name + " is a page wearing the chrome");
        List<String> errors = checker.check(html);
        if (!errors.isEmpty()) fail(HtmlChecker.report(name, html, errors));
    }

    /** The page the server sends for the browser's current URL, fetched with the browser's cookies. */
    private static String served() throws Exception {
        String cookies = browser.driver.manage().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(browser.driver.getCurrentUrl().replaceFirst("#.*", "")))
                .header("Accept", "text/html").header("Accept-Language", "en-US,en;q=0.9");
        if (!cookies.isEmpty()) request.header("Cookie", cookies);
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        return response.body();
    }

    /** The document as the browser holds it now, after the chrome's script has run. */
    private static String live() {
        return "<!DOCTYPE html>\n" + browser.js("return document.documentElement.outerHTML");
    }

    private static void assertBothValid(String state) throws Exception {
        assertValid(state + " (as served)", served());
        assertValid(state + " (live DOM)", live());
    }

    @Test
    void signedOutWithTheCookieBannerAndTheNoticeBanner() throws Exception {
        browser.open("/");
        assertTrue(browser.css("[data-chrome-cookies-layer]").isDisplayed());
        assertTrue(browser.css("[data-chrome-banner]").isDisplayed());
        assertBothValid("the signed-out page");
    }

    @Test
    void signedInWithUnreadMessagesAndTheAccountMenuOpen() throws Exception {
        browser.signIn("Ada <Lovelace> & \"Byron\"", 42);
        assertEquals("42", browser.css(".chrome-chat__count").getText());
        assertValid("the signed-in page (as served)", served());
        WebElement button = browser.css(".chrome-account__button");
        button.click();
        browser.assertExpanded(button, true);
        assertValid("the signed-in page with the account menu open (live DOM)", live());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Products", "Get help"})
    void aDropDownOpen(String label) throws Exception {
        browser.open("/");
        WebElement button = browser.disclosureButton(label);
        button.click();
        browser.assertExpanded(button, true);
        assertValid("the page with " + label + " open (live DOM)", live());
    }

    @Test
    void theCookiePreferencesOpenAndTheChoiceSaved() throws Exception {
        browser.open("/");
        browser.css("[data-chrome-open-preferences]").click();
        assertTrue(browser.css("#chrome-cookie-preferences").isDisplayed());
        assertValid("the page with the cookie preferences open (live DOM)", live());
        browser.css("#chrome-cookie-preferences button[value=custom]").click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(10))
                .until(d -> browser.css("[data-chrome-cookies-confirmation]").isDisplayed());
        assertValid("the page after saving preferences (live DOM)", live());
        assertValid("the next page after a choice (as served)", served());
    }

    @Test
    void theConfirmationAsTheServerRendersItWithoutJavaScript() throws Exception {
        browser.open("/");
        // Submit the form natively, past chrome.js, as a browser without JavaScript would.
        browser.js("""
                const form = document.querySelector('.chrome-cookies__actions');
                const choice = document.createElement('input');
                choice.type = 'hidden'; choice.name = 'choice'; choice.value = 'reject-all';
                form.appendChild(choice);
                HTMLFormElement.prototype.submit.call(form);
                """);
        new WebDriverWait(browser.driver, Duration.ofSeconds(10))
                .until(d -> !browser.all("[data-chrome-cookies-confirmation]").isEmpty());
        assertTrue(browser.all("[data-chrome-cookies-layer]").isEmpty());
        assertValid("the server-rendered confirmation (live DOM)", live());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en-US", "ar", "he", "ja", "de", "zh-Hant"})
    void eachLanguage(String tag) throws Exception {
        browser.locale(tag);
        assertEquals(tag, browser.css("html").getAttribute("lang"));
        assertBothValid("the page in " + tag);
    }

    @Test
    void theDemosSignInPageAndItsErrorPage() throws Exception {
        browser.open("/demo/sign-in?return=/");
        assertBothValid("the demo's sign-in page");
        browser.open("/no-such-page");
        assertBothValid("the demo's 404 page");
    }

    @ParameterizedTest(name = "chrome render [{0}]")
    @ValueSource(strings = {"", "--locale ar --user Ada --unread 3", "--locale ja --country US --gpc"})
    void theClisStaticPage(String options, @TempDir Path out) throws Exception {
        Path config = Path.of(System.getProperty("skype.config"));
        assertTrue(Files.isRegularFile(config), "the demo's configuration: " + config);
        List<String> args = new ArrayList<>(List.of("render", "--config", config.toString(), "--out", out.toString()));
        if (!options.isEmpty()) args.addAll(List.of(options.split(" ")));
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int status = ChromeCli.run(args.toArray(String[]::new), new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
        assertEquals(ChromeCli.OK, status, "chrome render: " + stderr.toString(StandardCharsets.UTF_8));
        Path page = out.resolve("page.html");
        assertValid("the CLI's page.html " + options, Files.readString(page, StandardCharsets.UTF_8));
    }

    @Test
    void theCheckerReportsErrors() {
        // The checker itself is live: a duplicate id and a button inside a link are errors.
        List<String> errors = checker.check("<!DOCTYPE html><html lang=en><title>t</title><p id=a>x</p><p id=a>y</p>"
                + "<a href=/><button>b</button></a>");
        assertEquals(2, errors.size(), String.join("\n", errors));
        assertTrue(errors.get(0).contains("Duplicate ID"), errors.get(0));
    }
}
