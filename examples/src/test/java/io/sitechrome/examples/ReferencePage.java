package io.sitechrome.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference capture {@code shared/reference/skype-legal-page.md} (Skype Legal on
 * www.skype.com, as Markdown) cut into the parts of its chrome. The cut follows the
 * capture's own landmarks, never line numbers: blocks are separated by empty lines; the
 * page body starts at the setext {@code ===} heading and ends at the list of titled
 * (social) links; the banner is the bold-titled block after it; the language names follow
 * the banner; each footer column is a one-line heading followed by a list of links; the
 * links after the last column are the footer's bottom row.
 */
final class ReferencePage {

    /** A Markdown link: its text (whitespace collapsed, escapes removed), target, optional title and image. */
    record Link(String label, String href, String title, String imageSrc) {
        @Override
        public String toString() {
            return "[" + label + "](" + href + (title == null ? "" : " \"" + title + "\"") + ")";
        }
    }

    /** One list item: its own text (outside links), its link if it has one, and its nested items. */
    record Item(String text, Link link, List<Item> children) {
    }

    final Link skipLink;
    final Link logo;
    final Link brandName;
    /** The header nav, top-level items in order; a drop-down is an item without link whose children are its menu. */
    final List<Item> nav;
    /** The second header list: actions, chat and the account item (its children are the account menu). */
    final List<Item> headerActions;
    final String bannerTitle;
    final String bannerText;
    final Link bannerLink;
    final List<Link> social;
    final String languages;
    final Map<String, List<Link>> footerColumns;
    /** Every link after the last footer column, in order, duplicates kept. */
    final List<Link> footerBottom;
    /** The bottom row's items that are not links (the copyright). */
    final List<String> footerBottomText;

    /** Where the capture lives: {@code <repo>/../shared/reference/}, from the examples module's folder. */
    static Path location() {
        return Path.of("").toAbsolutePath().getParent().resolveSibling("shared").resolve("reference").resolve("skype-legal-page.md");
    }

    static ReferencePage read(Path file) throws IOException {
        return new ReferencePage(Files.readString(file, StandardCharsets.UTF_8));
    }

    // A link's text may start with one image; its target may hold one pair of parentheses (javascript:void(0)).
    private static final Pattern LINK = Pattern.compile(
            "\\[(?<image>!\\[(?<alt>[^\\]]*)\\]\\((?<src>[^)\\s]*)\\))?(?<text>[^\\[\\]]*)\\]"
            + "\\((?<href>[^()\\s]*(?:\\([^()\\s]*\\)[^()\\s]*)?)(?:\\s+\"(?<title>[^\"]*)\")?\\)", Pattern.DOTALL);
    private static final Pattern ITEM = Pattern.compile("^( *)\\* (.*)$");

    private ReferencePage(String markdown) {
        List<String> blocks = new ArrayList<>();
        for (String block : markdown.replace("\r\n", "\n").split("\n\n+")) {
            if (!block.isBlank()) blocks.add(block.stripTrailing());
        }
        int body = indexOf(blocks, b -> b.matches("(?s)[^\n]+\n=+"), 0, "the page's === heading");
        int socialAt = indexOf(blocks, b -> isList(b) && items(b).stream().allMatch(i -> i.link() != null && i.link().title() != null),
                body, "the social links (a list of titled links)");

        // Header: everything before the body.
        Link skip = null;
        Link logoLink = null;
        Link name = null;
        List<List<Item>> headerLists = new ArrayList<>();
        for (String block : blocks.subList(0, body)) {
            if (isList(block)) {
                headerLists.add(items(block));
                continue;
            }
            Link link = onlyLink(block);
            if (link == null) continue; // plain text, such as the repeated "Skype" site name
            if (link.href().startsWith("javascript:")) skip = link;
            else if (link.imageSrc() != null) logoLink = link;
            else name = link;
        }
        if (headerLists.size() != 2) throw new IllegalStateException("expected the nav list and the actions list, found " + headerLists.size());
        skipLink = skip;
        logo = logoLink;
        brandName = name;
        nav = headerLists.get(0);
        headerActions = headerLists.get(1);

        social = items(blocks.get(socialAt)).stream().map(Item::link).toList();

        String banner = blocks.get(socialAt + 1);
        Matcher bold = Pattern.compile("(?s)^\\*\\*(.+?)\\*\\*\\s*\n(.*?)\\s*\n(\\[.*)$").matcher(banner);
        if (!bold.matches()) throw new IllegalStateException("no banner after the social links:\n" + banner);
        bannerTitle = bold.group(1).strip();
        bannerText = clean(bold.group(2));
        bannerLink = onlyLink(bold.group(3));

        languages = clean(blocks.get(socialAt + 2));

        Map<String, List<Link>> columns = new LinkedHashMap<>();
        int i = socialAt + 3;
        while (i + 1 < blocks.size() && !isList(blocks.get(i)) && !blocks.get(i).contains("[") && isList(blocks.get(i + 1))) {
            columns.put(clean(blocks.get(i)), items(blocks.get(i + 1)).stream().map(Item::link).toList());
            i += 2;
        }
        footerColumns = columns;

        List<Link> bottom = new ArrayList<>();
        List<String> bottomText = new ArrayList<>();
        for (String block : blocks.subList(i, blocks.size())) {
            if (isList(block)) {
                for (Item item : items(block)) {
                    if (item.link() != null) bottom.add(item.link());
                    else bottomText.add(item.text());
                }
            } else {
                bottom.addAll(links(block));
            }
        }
        footerBottom = bottom;
        footerBottomText = bottomText;
    }

    private interface BlockTest {
        boolean test(String block);
    }

    private static int indexOf(List<String> blocks, BlockTest test, int from, String what) {
        for (int i = from; i < blocks.size(); i++) {
            if (test.test(blocks.get(i))) return i;
        }
        throw new IllegalStateException("the capture has no " + what);
    }

    private static boolean isList(String block) {
        return ITEM.matcher(block.lines().findFirst().orElse("")).matches();
    }

    /** A list block as items; an item's continuation lines (a multi-line link) belong to it; deeper indents nest. */
    private static List<Item> items(String block) {
        List<String[]> raw = new ArrayList<>(); // {indent, text}
        for (String line : block.split("\n")) {
            Matcher item = ITEM.matcher(line);
            if (item.matches()) {
                raw.add(new String[] {item.group(1), item.group(2)});
            } else if (!raw.isEmpty()) {
                raw.get(raw.size() - 1)[1] += "\n" + line;
            }
        }
        List<Item> top = new ArrayList<>();
        for (String[] r : raw) {
            Link link = onlyLink(r[1]);
            String text = clean(LINK.matcher(r[1]).replaceAll(""));
            Item item = new Item(text, link, new ArrayList<>());
            if (r[0].length() >= 2 && !top.isEmpty()) top.get(top.size() - 1).children().add(item);
            else top.add(item);
        }
        return top;
    }

    private static List<Link> links(String text) {
        List<Link> links = new ArrayList<>();
        Matcher m = LINK.matcher(text);
        while (m.find()) {
            String label = clean((m.group("alt") == null ? "" : m.group("alt")) + " " + m.group("text"));
            links.add(new Link(label, m.group("href"), m.group("title"), m.group("src")));
        }
        return links;
    }

    private static Link onlyLink(String text) {
        List<Link> links = links(text);
        return links.size() == 1 ? links.get(0) : null;
    }

    /** Markdown escapes removed, whitespace collapsed, trailing hard-break spaces trimmed. */
    static String clean(String text) {
        return text.replaceAll("\\\\([\\\\`*_{}\\[\\]()#+\\-.!])", "$1").replaceAll("\\s+", " ").strip();
    }
}
