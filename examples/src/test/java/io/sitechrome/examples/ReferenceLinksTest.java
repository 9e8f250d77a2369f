package io.sitechrome.examples;

import static io.sitechrome.examples.Html.accessibleName;
import static io.sitechrome.examples.Html.one;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sitechrome.examples.ReferencePage.Item;
import io.sitechrome.examples.ReferencePage.Link;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo reproduces every chrome link of the reference capture
 * ({@code shared/reference/skype-legal-page.md}) with its exact label and href, in the
 * same part of the page: header nav and its drop-downs, header actions, account menu,
 * banner, the six footer columns, the footer's bottom row, social links and the language
 * names.
 *
 * <p>Not compared, on purpose:
 * <ul>
 * <li>the page body (the "Skype Legal" content sections): it is the app's content, not chrome;</li>
 * <li>the capture's skip link target {@code javascript:void(0)}: the demo's skip link is a real
 *     in-page link to {@code #main} (its label is compared);</li>
 * <li>the "English (United States)" link to {@code locale.aspx}: the demo's language picker
 *     replaces it (the language names are compared instead);</li>
 * <li>the empty "More" menu of the nav, which the capture's script fills at run time;</li>
 * <li>the two substitutions documented at the top of skype.yaml: "Sign in" (no href in the
 *     capture) links to {@code /demo/sign-in?return=...} and "Sign out" (go.skype.com/logout in
 *     the capture) to {@code /demo/sign-out}; both are checked to point at the demo instead.</li>
 * </ul>
 * Where the capture's link text is an icon's alt text plus a label, the demo draws the icon
 * (aria-hidden) and names the link by the label; see the individual tests.
 */
class ReferenceLinksTest {

    /** The capture's account menu merges both states: this link is what a signed-out visitor sees next to "Sign in". */
    private static final String SIGN_UP = "New to Skype? Sign up";
    private static final String SIGN_OUT = "Sign out";
    private static final String CAPTURE_SIGN_OUT_HREF = "https://go.skype.com/logout";
    /** The capture's chat link text: an icon glyph, the icon's alt text, and a script template for the unread count. */
    private static final Pattern CHAT = Pattern.compile("^\\W*(.+?) Icon\\. \\$\\{UNREAD_COUNT\\} unread messages\\.$");
    /** The capture's "Your Privacy Choices" link text: the opt-out icon's alt text, then the label. */
    private static final Pattern PRIVACY_ICON = Pattern.compile("^(.+) Opt-Out Icon (.+)$");
    private static final String LOCALE_ASPX = "https://www.microsoft.com/locale.aspx";

    @TempDir
    static Path folder;
    static ReferencePage reference;
    static RunningDemo demo;
    static Document signedOut;
    static Document signedIn;

    @BeforeAll
    static void start() throws Exception {
        Path capture = ReferencePage.location();
        assumeTrue(Files.isRegularFile(capture), "the reference capture is not at " + capture);
        reference = ReferencePage.read(capture);
        demo = RunningDemo.start(folder);
        signedOut = demo.browser().page("/");
        Browser ada = demo.browser();
        Browser.Response signIn = ada.post("/demo/sign-in", List.of(Map.entry("name", "Ada"), Map.entry("unread", "3"), Map.entry("return", "/")));
        assertEquals(303, signIn.status());
        signedIn = ada.page("/");
    }

    @AfterAll
    static void stop() throws Exception {
        if (demo != null) demo.close();
    }

    /** Guards the other tests against a parse that found nothing to compare. */
    @Test
    void theCaptureIsCutIntoItsParts() {
        assertNotNull(reference.skipLink);
        assertEquals("javascript:void(0)", reference.skipLink.href());
        assertNotNull(reference.logo);
        assertNotNull(reference.brandName);
        assertEquals(10, reference.nav.size(), "nav items, More included: " + reference.nav);
        assertEquals(3, reference.headerActions.size(), "Host a meeting, chat, account: " + reference.headerActions);
        assertEquals(List.of("What's new", "Microsoft Store", "Education", "Business", "Developer & IT", "Company"),
                List.copyOf(reference.footerColumns.keySet()));
        reference.footerColumns.forEach((heading, links) -> assertEquals(8, links.size(), heading + ": " + links));
        assertEquals(4, reference.social.size());
        assertEquals(13, reference.footerBottom.size(), "bottom row: " + reference.footerBottom);
        assertTrue(reference.footerBottom.stream().anyMatch(l -> l.href().equals(LOCALE_ASPX)), "the excluded locale.aspx link is in the capture");
        assertTrue(reference.nav.stream().anyMatch(ReferenceLinksTest::isEmptyMenu), "the excluded empty More menu is in the capture");
        assertTrue(reference.languages.startsWith("English "), reference.languages);
    }

    @Test
    void skipLinkAndBrand() {
        Element skip = one(signedOut, "a.chrome-skip-link");
        assertEquals(reference.skipLink.label(), skip.text());
        assertTrue(skip.attr("href").startsWith("#"), "an in-page link instead of javascript:void(0)");
        assertNotNull(signedOut.getElementById(skip.attr("href").substring(1)), "the skip link's target exists");

        Element logo = one(signedOut, "header a.chrome-brand__logo");
        assertEquals(reference.logo.href(), logo.attr("href"));
        Element image = one(logo, "img");
        assertEquals(reference.logo.imageSrc(), image.attr("src"));
        assertEquals(reference.logo.label(), image.attr("alt"), "the logo link is named by its image");

        Element name = one(signedOut, "header a.chrome-brand__name");
        assertEquals(reference.brandName.label(), name.text());
        assertEquals(reference.brandName.href(), name.attr("href"));
    }

    @Test
    void headerNavAndItsDropDowns() {
        List<String> expected = new ArrayList<>();
        for (Item item : reference.nav) {
            if (isEmptyMenu(item)) continue;
            if (item.link() != null) {
                expected.add(describe(item.link().label(), item.link().href()));
            } else {
                expected.add(item.text() + " \u25be " + item.children().stream().map(c -> describe(c.link().label(), c.link().href())).toList());
            }
        }
        List<String> actual = new ArrayList<>();
        for (Element entry : one(signedOut, "header nav").select("li.chrome-nav__item")) {
            Element button = entry.selectFirst("button.chrome-disclosure__button");
            if (button == null) {
                Element link = one(entry, "a.chrome-nav__link");
                actual.add(describe(link.text(), link.attr("href")));
                continue;
            }
            Element panel = signedOut.getElementById(button.attr("aria-controls"));
            assertNotNull(panel, "the panel " + button.attr("aria-controls") + " of " + button.text());
            assertTrue(panel.hasClass("chrome-disclosure__panel") && entry.select("*").contains(panel), "the panel sits under its button");
            actual.add(button.text() + " \u25be " + panel.select("a").stream().map(a -> describe(a.text(), a.attr("href"))).toList());
        }
        assertEquals(expected, actual);
    }

    @Test
    void headerActionsAndChat() {
        List<String> expected = new ArrayList<>();
        Link chat = null;
        for (Item item : reference.headerActions) {
            if (!item.children().isEmpty()) continue; // the account menu: see accountMenu…
            if (CHAT.matcher(item.link().label()).matches()) chat = item.link();
            else expected.add(describe(item.link().label(), item.link().href()));
        }
        List<String> actual = signedOut.select("header .chrome-header__action").stream().map(a -> describe(a.text(), a.attr("href"))).toList();
        assertEquals(expected, actual);

        // The chat link is named by its icon's alt text without "Icon"; the unread template is filled once signed in.
        assertNotNull(chat, "the capture's chat link");
        Matcher template = CHAT.matcher(chat.label());
        assertTrue(template.matches());
        Element outChat = one(signedOut, "header a.chrome-chat");
        assertEquals(chat.href(), outChat.attr("href"));
        assertEquals(template.group(1), accessibleName(outChat));
        Element inChat = one(signedIn, "header a.chrome-chat");
        assertEquals(chat.href(), inChat.attr("href"));
        assertEquals(template.group(1) + ". 3 unread messages", accessibleName(inChat));
    }

    @Test
    void accountMenuSignedOut() {
        Item account = accountItem();
        assertNull(account.link(), "the capture's Sign in has no href");
        Link signUp = account.children().stream().map(Item::link).filter(l -> l.label().equals(SIGN_UP)).findFirst().orElseThrow();

        List<String> expected = List.of(describe("Sign in", "/demo/sign-in?return=%2F"), describe(signUp.label(), signUp.href()));
        List<String> actual = signedOut.select("header .chrome-account a").stream().map(a -> describe(a.text(), a.attr("href"))).toList();
        assertEquals(expected, actual);
        assertTrue(signedOut.select("header .chrome-account button").isEmpty(), "no account button while signed out");
    }

    @Test
    void accountMenuSignedIn() {
        Item account = accountItem();
        // "Sign in My Skype": the signed-out link's label, then the signed-in button's.
        String signInLabel = one(signedOut, "header a.chrome-account__sign-in").text();
        String buttonLabel = one(signedIn, "header button.chrome-account__button").text();
        assertEquals(account.text(), signInLabel + " " + buttonLabel);

        List<String> expected = new ArrayList<>();
        for (Item child : account.children()) {
            Link link = child.link();
            if (link.label().equals(SIGN_UP)) continue;
            if (link.label().equals(SIGN_OUT)) {
                assertEquals(CAPTURE_SIGN_OUT_HREF, link.href(), "the capture's sign-out, which the demo replaces");
                expected.add(describe(SIGN_OUT, "/demo/sign-out"));
            } else {
                expected.add(describe(link.label(), link.href()));
            }
        }
        Element button = one(signedIn, "header button.chrome-account__button");
        Element menu = signedIn.getElementById(button.attr("aria-controls"));
        assertNotNull(menu, "the account menu the button controls");
        List<String> actual = menu.select("a").stream().map(a -> describe(a.text(), a.attr("href"))).toList();
        assertEquals(expected, actual);
        assertTrue(signedIn.select("header a.chrome-account__sign-in").isEmpty(), "no Sign in link once signed in");
    }

    @Test
    void banner() {
        Elements banners = signedOut.select(".chrome-banner");
        assertEquals(1, banners.size());
        Element banner = banners.first();
        assertEquals(reference.bannerTitle, one(banner, ".chrome-banner__title").text());
        Element text = one(banner, ".chrome-banner__text");
        assertEquals(reference.bannerText, text.ownText().strip());
        Element link = one(text, "a");
        assertEquals(describe(reference.bannerLink.label(), reference.bannerLink.href()), describe(link.text(), link.attr("href")));
    }

    @Test
    void footerColumns() {
        Elements columns = signedOut.select("footer .chrome-footer__column");
        List<String> headings = columns.stream().map(c -> one(c, "h2").text()).toList();
        assertEquals(List.copyOf(reference.footerColumns.keySet()), headings);
        for (Element column : columns) {
            String heading = one(column, "h2").text();
            List<String> expected = reference.footerColumns.get(heading).stream().map(l -> describe(l.label(), l.href())).toList();
            List<String> actual = column.select("a").stream().map(a -> describe(a.text(), a.attr("href"))).toList();
            assertEquals(expected, actual, "column " + heading);
        }
    }

    /**
     * The bottom row, in the capture's order with its repeated "Your Privacy Choices" counted
     * once. The capture's "Manage cookies" is {@code #} plus a script; the demo's is an in-page
     * link to the cookie preferences, which works without script.
     */
    @Test
    void footerBottomLinksAndCopyright() {
        Set<String> expected = new LinkedHashSet<>();
        for (Link link : reference.footerBottom) {
            if (link.href().equals(LOCALE_ASPX)) continue;
            Matcher icon = PRIVACY_ICON.matcher(link.label());
            String label = icon.matches() ? icon.group(2) : link.label();
            expected.add(describe(label, link.href().equals("#") ? "#(in-page)" : link.href()) + (icon.matches() ? " [privacy icon]" : ""));
        }
        List<String> actual = new ArrayList<>();
        for (Element a : signedOut.select("footer .chrome-footer__links a")) {
            String href = a.attr("href");
            if (href.startsWith("#") && href.length() > 1) {
                assertNotNull(signedOut.getElementById(href.substring(1)), "the target of " + a);
                assertEquals("manage-cookies", a.attr("data-chrome-action"));
                href = "#(in-page)";
            }
            actual.add(describe(a.text(), href) + (a.selectFirst("svg.chrome-privacy-icon") != null ? " [privacy icon]" : ""));
        }
        assertEquals(List.copyOf(expected), actual);

        assertEquals(1, reference.footerBottomText.size(), "the capture's copyright: " + reference.footerBottomText);
        Matcher copyright = Pattern.compile("(© Microsoft )\\d{4}").matcher(reference.footerBottomText.get(0));
        assertTrue(copyright.matches(), reference.footerBottomText.get(0));
        String year = Integer.toString(Year.now(ZoneOffset.UTC).getValue());
        String shown = one(signedOut, "footer .chrome-footer__copyright").text();
        assertTrue(shown.equals(copyright.group(1) + year) || shown.equals(copyright.group(1) + (Integer.parseInt(year) - 1)),
                "the capture's copyright with this year: " + shown);
    }

    /** The capture shows each network's name and gives the link its title; the demo names the link by that title. */
    @Test
    void socialLinks() {
        List<String> expected = reference.social.stream().map(l -> describe(l.title(), l.href())).toList();
        List<String> actual = signedOut.select("footer .chrome-footer__social a").stream()
                .map(a -> describe(accessibleName(a), a.attr("href"))).toList();
        assertEquals(expected, actual);
    }

    /** The capture runs the names together: the current language, a space, then every language of the picker. */
    @Test
    void languageNames() {
        Elements picker = signedOut.select("footer .chrome-locales a");
        assertEquals(30, picker.size(), "all 30 languages of the capture");
        Elements current = signedOut.select("footer .chrome-locales a[aria-current=true]");
        assertEquals(1, current.size());
        StringBuilder shown = new StringBuilder(current.text()).append(' ');
        picker.forEach(a -> shown.append(a.text()));
        assertEquals(reference.languages, shown.toString());
    }

    private static Item accountItem() {
        return reference.headerActions.stream().filter(i -> !i.children().isEmpty()).findFirst().orElseThrow();
    }

    private static boolean isEmptyMenu(Item item) {
        return item.link() == null && item.children().isEmpty();
    }

    private static String describe(String label, String href) {
        return label + " -> " + href;
    }
}
