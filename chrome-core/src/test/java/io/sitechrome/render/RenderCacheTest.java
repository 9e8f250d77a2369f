package io.sitechrome.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitechrome.Fixtures;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * Components are rendered once per variant and cached with markers where per-request values go; these tests make
 * sure no value of one request ever reaches another request's output.
 */
class RenderCacheTest {

    private static final Pattern NAME = Pattern.compile("Visitor-\\d+-\\d+");
    private static final Pattern PATH = Pattern.compile("/t/\\d+/i/\\d+|%2Ft%2F\\d+%2Fi%2F\\d+");

    private static String page(Chrome chrome, ChromeRequest request) {
        PageChrome page = chrome.forRequest(request);
        return page.render(Placement.HEAD) + page.render(Placement.BODY_START) + page.render(Placement.BODY_END);
    }

    @Test
    void requestsDifferingOnlyInPerRequestValuesGetTheirOwnValues() {
        Chrome chrome = Fixtures.example();
        ChromeRequest ada = ChromeRequest.builder().locale("en-US").visitor(Visitor.of("Ada Lovelace", "/a.png", 3)).path("/ada?x=1").build();
        ChromeRequest bob = ChromeRequest.builder().locale("en-US").visitor(Visitor.of("Bob Dylan", "/b.png", 4)).path("/bob?y=2").build();
        String adaFirst = page(chrome, ada);
        String bobPage = page(chrome, bob);
        String adaAgain = page(chrome, ada);
        assertEquals(adaFirst, adaAgain, "the cache returns the same output for the same request");
        assertEquals(page(Fixtures.example(), bob), bobPage, "cached output equals freshly rendered output");

        Document a = Fixtures.html(adaFirst);
        Document b = Fixtures.html(bobPage);
        assertEquals("Signed in as Ada Lovelace", a.selectFirst("p.chrome-account__who").text());
        assertEquals("Signed in as Bob Dylan", b.selectFirst("p.chrome-account__who").text());
        assertEquals("/a.png", a.selectFirst("img.chrome-account__avatar").attr("src"));
        assertEquals("/b.png", b.selectFirst("img.chrome-account__avatar").attr("src"));
        assertEquals("3", a.selectFirst(".chrome-chat__count").text());
        assertEquals("4", b.selectFirst(".chrome-chat__count").text());
        assertEquals(Set.of("/ada?x=1"), new HashSet<>(a.select("input[name=return]").eachAttr("value")));
        assertEquals(Set.of("/bob?y=2"), new HashSet<>(b.select("input[name=return]").eachAttr("value")));
        assertTrue(a.selectFirst("nav.chrome-locales a").attr("href").endsWith("?return=%2Fada%3Fx%3D1"));
        assertTrue(b.selectFirst("nav.chrome-locales a").attr("href").endsWith("?return=%2Fbob%3Fy%3D2"));
        for (String foreign : List.of("Bob", "/b.png", "bob", "4 unread")) assertFalse(adaFirst.contains(foreign), foreign);
        for (String foreign : List.of("Ada", "/a.png", "ada", "3 unread")) assertFalse(bobPage.contains(foreign), foreign);
    }

    @Test
    void variantsStaySeparate() {
        Chrome chrome = Fixtures.example();
        Document signedIn = Fixtures.html(chrome.render(Component.HEADER, ChromeRequest.builder().visitor(Visitor.named("Ada")).build()));
        Document anonymous = Fixtures.html(chrome.render(Component.HEADER, ChromeRequest.anonymous()));
        Document german = Fixtures.html(chrome.render(Component.HEADER, ChromeRequest.builder().locale("de").build()));
        assertNotNull(signedIn.selectFirst("button.chrome-account__button"));
        assertNull(anonymous.selectFirst("button.chrome-account__button"));
        assertNotNull(anonymous.selectFirst("a.chrome-account__sign-in"));
        assertFalse(anonymous.text().contains("Signed in as"));
        assertEquals("Startseite", german.selectFirst("a.chrome-nav__link").text());
        assertEquals("Home", anonymous.selectFirst("a.chrome-nav__link").text());
    }

    @Test
    void requestValuesAreNeverExpandedAgain() {
        Chrome chrome = Fixtures.example();
        String markers = "\uE000\uE107\uE000\uE104\uE000\uE100";
        ChromeRequest request = ChromeRequest.builder().visitor(Visitor.named(markers)).nonce("SECRETNONCE1").path("/secret-path").build();
        Document header = Fixtures.html(chrome.render(Component.HEADER, request));
        assertEquals("Signed in as " + markers, header.selectFirst("p.chrome-account__who").text());
        assertFalse(header.html().contains("SECRETNONCE1"));
        assertFalse(header.html().contains("secret-path"));
    }

    @Test
    void eightThreadsRenderingDifferentVisitorsNeverMixThemUp() throws Exception {
        Chrome chrome = Fixtures.example();
        List<String> locales = List.of("en-US", "de", "ar", "ja");
        int threads = 8;
        int iterations = 60;
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < iterations; i++) {
                        String name = "Visitor-" + thread + "-" + i;
                        String path = "/t/" + thread + "/i/" + i;
                        ChromeRequest request = ChromeRequest.builder().locale(locales.get((thread + i) % locales.size()))
                                .visitor(Visitor.of(name, null, i % 5)).path(path).nonce("nonce-" + thread + "-" + i + "-xyz").build();
                        check(page(chrome, request), name, path, "nonce-" + thread + "-" + i + "-xyz", failures);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) future.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertTrue(failures.isEmpty(), failures.size() + " mixed-up renders, such as: " + failures.peek());
    }

    private static void check(String html, String name, String path, String nonce, Queue<String> failures) {
        Matcher names = NAME.matcher(html);
        int count = 0;
        while (names.find()) {
            count++;
            if (!names.group().equals(name)) failures.add(name + " got " + names.group());
        }
        if (count != 1) failures.add(name + " appears " + count + " times, expected once, in 'signed in as' (the button says My Skype)");
        Matcher paths = PATH.matcher(html);
        int pathCount = 0;
        while (paths.find()) {
            pathCount++;
            String found = URLDecoder.decode(paths.group(), StandardCharsets.UTF_8);
            if (!found.equals(path)) failures.add(path + " got " + found);
        }
        if (pathCount == 0) failures.add(path + " is missing");
        Matcher nonces = Pattern.compile("nonce=\"([^\"]*)\"").matcher(html);
        while (nonces.find()) if (!nonces.group(1).equals(nonce)) failures.add(nonce + " got " + nonces.group(1));
    }
}
