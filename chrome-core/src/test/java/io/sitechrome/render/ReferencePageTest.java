package io.sitechrome.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.sitechrome.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example configuration must reproduce the chrome of the reference capture: every link of the captured header,
 * account menu, banner and footer, with its exact label and href, in the same section. The page's own content (the
 * "Skype Legal" sections) is not chrome and is left out, as are the capture's {@code javascript:void(0)} skip link,
 * its "English (United States)" locale.aspx link and its empty "More" overflow menu.
 */
class ReferencePageTest {

    /**
     * Hrefs the example changes on purpose, as its own header comment says: sign-out goes to the local demo so both
     * account states can be tried. Nothing else may differ.
     */
    private static final Map<String, String> DELIBERATE = Map.of("https://go.skype.com/logout", "/demo/sign-out");

    private static Capture capture;
    private static Document header;
    private static Document signedInHeader;
    private static Document banners;
    private static Document footer;
    private static Document cookieBanner;

    record Link(String label, String href, String title, String image) {
    }

    /** The chrome links of the capture, by section, and the links deliberately left out. */
    static final class Capture {
        Link logo;
        Link brand;
        final List<Link> nav = new ArrayList<>();
        final Map<String, List<Link>> dropDowns = new LinkedHashMap<>();
        final List<Link> actions = new ArrayList<>();
        Link chat;
        String accountItem;
        final List<Link> accountMenu = new ArrayList<>();
        final List<Link> social = new ArrayList<>();
        String bannerTitle;
        String bannerText;
        Link bannerLink;
        String languages;
        final Map<String, List<Link>> columns = new LinkedHashMap<>();
        final LinkedHashSet<Link> bottom = new LinkedHashSet<>();
        String copyright;
        final List<Link> leftOut = new ArrayList<>();
    }

    @BeforeAll
    static void renderTheExample() throws IOException {
        Path file = Fixtures.repoRoot().resolve("../shared/reference/skype-legal-page.md").normalize();
        Assumptions.assumeTrue(Files.isRegularFile(file), "the reference capture is not available at " + file);
        capture = parse(Files.readString(file, StandardCharsets.UTF_8));
        Chrome chrome = Fixtures.example();
        ChromeRequest anonymous = ChromeRequest.builder().locale("en-US").country("US").path("/en/legal/").build();
        ChromeRequest signedIn = ChromeRequest.builder().locale("en-US").country("US").path("/en/legal/")
                .visitor(Visitor.of("Ada Lovelace", null, 5)).build();
        header = Fixtures.html(chrome.render(Component.HEADER, anonymous));
        signedInHeader = Fixtures.html(chrome.render(Component.HEADER, signedIn));
        banners = Fixtures.html(chrome.render(Component.BANNERS, anonymous));
        footer = Fixtures.html(chrome.render(Component.FOOTER, anonymous));
        cookieBanner = Fixtures.html(chrome.render(Component.COOKIE_BANNER, anonymous));
    }

    @Test
    void theCaptureWasReadCompletely() {
        assertEquals(7, capture.nav.size());
        assertEquals(List.of("Products", "Get help"), List.copyOf(capture.dropDowns.keySet()));
        assertEquals(9, capture.dropDowns.values().stream().mapToInt(List::size).sum());
        assertEquals(1, capture.actions.size());
        assertNotNull(capture.chat);
        assertEquals(4, capture.accountMenu.size());
        assertEquals(4, capture.social.size());
        assertNotNull(capture.bannerLink);
        assertEquals(6, capture.columns.size());
        assertEquals(48, capture.columns.values().stream().mapToInt(List::size).sum());
        assertEquals(11, capture.bottom.size());
        assertEquals(17, capture.leftOut.size(), "15 body links, the skip link and the locale.aspx link");
    }

    @Test
    void theBrandMatches() {
        Element logo = header.selectFirst("a.chrome-brand__logo");
        assertEquals(capture.logo.href(), logo.attr("href"));
        assertEquals(capture.logo.image(), logo.selectFirst("img").attr("src"));
        assertEquals(capture.logo.label(), logo.selectFirst("img").attr("alt"));
        Element name = header.selectFirst("a.chrome-brand__name");
        assertEquals(capture.brand.label(), name.text());
        assertEquals(capture.brand.href(), name.attr("href"));
    }

    @Test
    void theHeaderNavigationMatches() {
        assertEquals(pairs(capture.nav), pairs(header.select("nav.chrome-nav a.chrome-nav__link")));
    }

    @Test
    void theDropDownsMatch() {
        // "More" is the priority+ overflow, empty until the script fills it with the entries that do not fit
        Elements buttons = header.select("nav.chrome-nav button.chrome-disclosure__button:not([aria-controls=chrome-nav-more])");
        assertEquals(List.copyOf(capture.dropDowns.keySet()), buttons.eachText());
        for (Element button : buttons) {
            Element panel = header.getElementById(button.attr("aria-controls"));
            assertNotNull(panel);
            assertEquals(pairs(capture.dropDowns.get(button.text())), pairs(panel.select("a")), button.text());
        }
    }

    @Test
    void theHeaderActionsMatch() {
        assertEquals(pairs(capture.actions), pairs(header.select("a.chrome-header__action")));
    }

    @Test
    void theChatLinkMatches() {
        Element chat = signedInHeader.selectFirst("a.chrome-chat");
        assertEquals(capture.chat.href(), chat.attr("href"));
        String spoken = String.join("", chat.select(".chrome-visually-hidden").eachText());
        String captured = withoutIconText(capture.chat.label()).replace("${UNREAD_COUNT}", "5");
        assertEquals(captured.substring(0, captured.length() - 1), spoken, "the capture's sentence ends with a period");
    }

    @Test
    void theAccountMenuMatches() {
        String signIn = header.selectFirst("a.chrome-account__sign-in").text();
        String menuButton = signedInHeader.selectFirst("button.chrome-account__button").text();
        assertEquals(capture.accountItem, signIn + " " + menuButton, "the capture shows the sign-in label and the menu's name");
        Element panel = signedInHeader.getElementById(signedInHeader.selectFirst("button.chrome-account__button").attr("aria-controls"));
        List<List<String>> offered = new ArrayList<>(pairs(panel.select("a")));
        offered.addAll(pairs(header.select("a.chrome-account__sign-up")));
        List<List<String>> expected = new ArrayList<>();
        for (Link link : capture.accountMenu) expected.add(List.of(link.label(), DELIBERATE.getOrDefault(link.href(), link.href())));
        assertEquals(new LinkedHashSet<>(expected), new LinkedHashSet<>(offered),
                "signed in: the menu; signed out: the sign-up link. Together they are the capture's account menu");
        assertEquals(expected.size(), offered.size());
    }

    @Test
    void theBannerMatches() {
        assertNull(banners.selectFirst("section.chrome-banner"), "the reference shows its notice in the footer area, not at the top");
        Element banner = footer.selectFirst("section.chrome-banner");
        assertEquals(capture.bannerTitle, banner.selectFirst("h2").text());
        assertEquals(capture.bannerText + " " + capture.bannerLink.label(), banner.selectFirst("p.chrome-banner__text").text());
        assertEquals(pairs(List.of(capture.bannerLink)), pairs(banner.select("p a")));
    }

    @Test
    void theFooterColumnsMatchUnderTheirHeadings() {
        Elements columns = footer.select(".chrome-footer__column");
        assertEquals(List.copyOf(capture.columns.keySet()), columns.select("h2").eachText());
        for (Element column : columns) {
            String heading = column.selectFirst("h2").text();
            assertEquals(pairs(capture.columns.get(heading)), pairs(column.select("a")), heading);
        }
    }

    @Test
    void theFooterBottomLinksMatch() {
        List<List<String>> expected = new ArrayList<>();
        for (Link link : capture.bottom) {
            String label = withoutIconText(link.label());
            String href = label.equals("Manage cookies") && link.href().equals("#") ? "#chrome-cookie-preferences" : link.href();
            expected.add(List.of(label, href));
        }
        assertEquals(expected, pairs(footer.select("ul.chrome-footer__links a")));
        assertNotNull(cookieBanner.getElementById("chrome-cookie-preferences"), "what Manage cookies opens without JavaScript");
        assertNotNull(footer.selectFirst("a[href=https://aka.ms/yourcaliforniaprivacychoices] svg[aria-hidden=true]"),
                "the capture's opt-out icon");
        assertEquals(capture.copyright, footer.selectFirst(".chrome-footer__copyright").text());
    }

    @Test
    void theSocialLinksMatch() {
        List<List<String>> expected = capture.social.stream().map(l -> List.of(l.title(), l.href())).toList();
        List<List<String>> actual = footer.select("a.chrome-social").stream()
                .map(a -> List.of(a.selectFirst(".chrome-visually-hidden").text(), a.attr("href"))).toList();
        assertEquals(expected, actual);
    }

    @Test
    void theLanguagePickerListsAllThirtyLanguagesOfTheCapture() {
        List<String> names = footer.select("nav.chrome-locales li a").eachText();
        assertEquals(30, names.size());
        assertTrue(capture.languages.startsWith("English "), capture.languages);
        assertEquals(capture.languages.substring("English ".length()), String.join("", names),
                "the capture shows the current language, then every language's own name in order");
    }

    /**
     * The capture reads icons into link labels: icon-font glyphs (private-use characters) and the alt text of icon
     * images. The chrome draws these icons as aria-hidden SVG, so they are not part of its labels.
     */
    private static String withoutIconText(String label) {
        return label.replaceAll("[\\uE000-\\uF8FF]", "").strip()
                .replace("Your Privacy Choices Opt-Out Icon ", "").replace("Skype Chat Icon.", "Skype Chat.");
    }

    private static String joinMultiLineLabels(String markdown) {
        Matcher label = Pattern.compile("\\[[^\\[\\]]*\\n[^\\[\\]]*\\]\\(").matcher(markdown);
        StringBuilder out = new StringBuilder();
        while (label.find()) label.appendReplacement(out, Matcher.quoteReplacement(label.group().replaceAll("\\s*\\n\\s*", " ")));
        label.appendTail(out);
        return out.toString();
    }

    private static List<List<String>> pairs(List<Link> links) {
        return links.stream().map(l -> List.of(l.label(), l.href())).toList();
    }

    private static List<List<String>> pairs(Elements anchors) {
        return anchors.stream().map(a -> List.of(a.text(), a.attr("href"))).toList();
    }

    // ---- reading the capture

    static Capture parse(String markdown) {
        String text = joinMultiLineLabels(markdown).replace("\\_", "_");
        List<String> lines = text.lines().toList();
        Capture c = new Capture();
        int i = 0;
        String dropDown = null;
        boolean pastNav = false;
        boolean inAccount = false;
        for (; !(lines.get(i).equals("Skype Legal") && lines.get(i + 1).startsWith("===")); i++) {
            String line = lines.get(i);
            if (line.isBlank()) continue;
            List<Link> links = links(line);
            if (line.startsWith("    * ")) {
                if (dropDown != null) c.dropDowns.get(dropDown).add(single(links, line));
                else if (inAccount) c.accountMenu.add(single(links, line));
                else fail("a nested link outside a menu: " + line);
            } else if (line.startsWith("* ")) {
                dropDown = null;
                inAccount = false;
                if (links.isEmpty()) {
                    String label = line.substring(2).strip();
                    if (label.equals("More")) {
                        pastNav = true;
                    } else if (pastNav) {
                        c.accountItem = label;
                        inAccount = true;
                    } else {
                        dropDown = label;
                        c.dropDowns.put(label, new ArrayList<>());
                    }
                } else if (!pastNav) {
                    c.nav.add(single(links, line));
                } else if (links.get(0).label().contains("${UNREAD_COUNT}")) {
                    c.chat = single(links, line);
                } else {
                    c.actions.add(single(links, line));
                }
            } else {
                for (Link link : links) {
                    if (link.href().startsWith("javascript:")) c.leftOut.add(link);
                    else if (link.image() != null) c.logo = link;
                    else c.brand = link;
                }
            }
        }
        for (; links(lines.get(i)).stream().noneMatch(l -> l.title() != null); i++) c.leftOut.addAll(links(lines.get(i)));
        for (; lines.get(i).startsWith("* ") && links(lines.get(i)).get(0).title() != null; i++) c.social.add(links(lines.get(i)).get(0));
        i = nextNonBlank(lines, i);
        assertTrue(lines.get(i).startsWith("**"), lines.get(i));
        c.bannerTitle = lines.get(i).strip().replaceAll("^\\*\\*|\\*\\*$", "");
        i = nextNonBlank(lines, i + 1);
        c.bannerText = lines.get(i).strip();
        i = nextNonBlank(lines, i + 1);
        c.bannerLink = single(links(lines.get(i)), lines.get(i));
        i = nextNonBlank(lines, i + 1);
        c.languages = lines.get(i).strip();
        String heading = null;
        for (i = nextNonBlank(lines, i + 1); !lines.get(i).startsWith("[English (United States)]"); i = nextNonBlank(lines, i + 1)) {
            String line = lines.get(i);
            if (line.startsWith("* ")) {
                c.columns.get(heading).add(single(links(line), line));
            } else {
                heading = line.strip();
                c.columns.put(heading, new ArrayList<>());
            }
        }
        for (; i < lines.size(); i++) {
            String line = lines.get(i);
            for (Link link : links(line)) {
                if (link.label().equals("English (United States)")) c.leftOut.add(link);
                else c.bottom.add(link);
            }
            if (line.startsWith("* ") && links(line).isEmpty()) c.copyright = line.substring(2).strip();
        }
        return c;
    }

    private static int nextNonBlank(List<String> lines, int from) {
        int i = from;
        while (lines.get(i).isBlank()) i++;
        return i;
    }

    private static Link single(List<Link> links, String line) {
        assertEquals(1, links.size(), line);
        return links.get(0);
    }

    /** The Markdown links of one line: {@code [label](href "title")}, labels possibly holding an image. */
    static List<Link> links(String line) {
        List<Link> links = new ArrayList<>();
        int i = 0;
        while ((i = line.indexOf('[', i)) >= 0) {
            if (i > 0 && line.charAt(i - 1) == '!') {
                i++;
                continue;
            }
            int close = matching(line, i, '[', ']');
            if (close < 0 || close + 1 >= line.length() || line.charAt(close + 1) != '(') {
                i++;
                continue;
            }
            int end = matching(line, close + 1, '(', ')');
            String label = line.substring(i + 1, close);
            String target = line.substring(close + 2, end);
            String title = null;
            int quote = target.indexOf(" \"");
            if (quote >= 0) {
                title = target.substring(quote + 2, target.length() - 1);
                target = target.substring(0, quote);
            }
            String image = null;
            if (label.startsWith("![](")) {
                int imageEnd = label.indexOf(')');
                image = label.substring(4, imageEnd);
                label = label.substring(imageEnd + 1);
            }
            links.add(new Link(label.strip(), target, title, image));
            i = end + 1;
        }
        return links;
    }

    private static int matching(String text, int open, char opening, char closing) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            if (text.charAt(i) == opening) depth++;
            if (text.charAt(i) == closing && --depth == 0) return i;
        }
        return -1;
    }
}
