package io.sitechrome.servlet;

import static io.sitechrome.servlet.ScannedPage.NONE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitechrome.internal.servlet.PageDecorator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HtmlScannerTest {

    /** Scans a page written with {@code |H|}, {@code |S|} and {@code |E|} where the points must be found. */
    private static void assertPoints(String marked) {
        String page = marked.replace("|H|", "").replace("|S|", "").replace("|E|", "");
        ScannedPage points = ScannedPage.scan(page);
        assertEquals(expectedIndex(marked, "|H|"), points.headEnd(), "</head> in " + marked);
        assertEquals(expectedIndex(marked, "|S|"), points.bodyStart(), "<body> in " + marked);
        assertEquals(expectedIndex(marked, "|E|"), points.bodyEnd(), "</body> in " + marked);
        assertEquals(points.bodyStart() != NONE, points.hasBody());
    }

    private static int expectedIndex(String marked, String marker) {
        int at = marked.indexOf(marker);
        if (at < 0) {
            return NONE;
        }
        String before = marked.substring(0, at);
        return before.replace("|H|", "").replace("|S|", "").replace("|E|", "").length();
    }

    @Test
    void simplePage() {
        assertPoints("<!DOCTYPE html><html><head><title>t</title>|H|</head><body>|S|<p>x</p>|E|</body></html>");
    }

    @Test
    void tagNamesAreCaseInsensitiveAndEndTagsMayHaveSpaceOrAttributes() {
        assertPoints("<HTML><HEAD>|H|</HEAD ><BoDy Class=x>|S|x|E|</bOdY\n foo=\">\"></HTML>");
    }

    @Test
    void leadingByteOrderMarkIsSkipped() {
        assertPoints("\uFEFF<html><head>|H|</head><body>|S||E|</body></html>");
    }

    @Test
    void quotedAttributeValuesMayContainAngleBracketsAndEndTags() {
        assertPoints("<head>|H|</head><body data-a=\"a>b</body>\" data-b='</body>' c=d>|S|"
            + "<p title=\"</body>\" alt='>'>t</p>|E|</body>");
    }

    @Test
    void unquotedAndMissingAttributeValues() {
        assertPoints("<body a=b/c d e= f=\"g\"h>|S||E|</body>");
        assertPoints("<body a= >|S||E|</body>");
    }

    @Test
    void quoteInsideAnAttributeNameDoesNotStartAValue() {
        assertPoints("<body a\"b>|S|<p =\"x>|E|</body>");
    }

    @Test
    void selfClosingSlashIsAllowed() {
        assertPoints("<head><meta charset=utf-8/>|H|</head><body/>|S||E|</body>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript"})
    void endTagsInsideRawTextAndRcdataElementsAreText(String element) {
        assertPoints("<head><" + element + "></head><body></body></" + element.toUpperCase() + " >|H|</head>"
            + "<body>|S|<" + element + " a='>'></body></" + element + "x></body></" + element + ">|E|</body>");
    }

    @Test
    void scriptEndRequiresTheFullTagName() {
        assertPoints("<body>|S|<script>a</scriptx></body></script/>|E|</body>");
    }

    @Test
    void unterminatedScriptHidesTheRestOfThePage() {
        assertPoints("<body>|S|<script>var a = '</body>';");
    }

    @Test
    void plaintextTurnsTheRestOfThePageIntoText() {
        assertPoints("<body>|S|<plaintext></body>");
    }

    @Test
    void commentsDeclarationsAndProcessingInstructionsAreSkipped() {
        assertPoints("<!DOCTYPE html><?xml version=\"1.0\"?><!-- <body> </head> -->"
            + "<head><!-- </head> -- > --!- still comment -->|H|</head><body>|S|<![CDATA[ </body> ]]>"
            + "<!-- a --!><p>x</p><! bogus </body> --><?pi </body>?>|E|</body>");
    }

    @Test
    void abruptlyClosedCommentsEndAtOnce() {
        assertPoints("<body>|S|<!-->|E|</body>-->");
        assertPoints("<body>|S|<!--->|E|</body>-->");
    }

    @Test
    void unterminatedCommentHidesTheRestOfThePage() {
        assertPoints("<body>|S|<!-- </body>");
    }

    @Test
    void lessThanSignsThatStartNoTagAreText() {
        assertPoints("<body>|S|a < b <3 <> </ > <=|E|</body>");
    }

    @Test
    void lastBodyEndTagWins() {
        assertPoints("<body>|S|</body>x|E|</body>\n");
    }

    @Test
    void firstBodyStartTagWins() {
        assertPoints("<body>|S|<body class=second>|E|</body>");
    }

    @Test
    void headEndAfterTheBodyStartIsIgnored() {
        assertPoints("<head><body>|S|</head>|E|</body>");
    }

    @Test
    void elementsThatMerelyStartWithBodyOrHeadAreNotThem() {
        assertPoints("<header></header><bodyx></bodyx></headx><body>|S|</bodyx>|E|</body>");
    }

    @Test
    void noBodyStartTagMeansNoBody() {
        ScannedPage points = ScannedPage.scan("<html><head></head><p>x</p></body></html>");
        assertFalse(points.hasBody());
        assertEquals(NONE, points.bodyEnd());
        assertEquals(12, points.headEnd());
    }

    @Test
    void bodyStartTagCutOffByTheEndOfThePageIsNoBody() {
        assertFalse(ScannedPage.scan("<html><body class=\"x>").hasBody());
        assertFalse(ScannedPage.scan("<html><body class=x").hasBody());
        assertFalse(ScannedPage.scan("").hasBody());
        assertFalse(ScannedPage.scan("<").hasBody());
    }

    @Test
    void bodyWithoutEndTag() {
        assertPoints("<html><head>|H|</head><body>|S|<p>x");
    }

    @Test
    void bodyStartTagPositionIsRecorded() {
        ScannedPage points = ScannedPage.scan("<p>x</p><body a=b>");
        assertEquals(8, points.bodyTagStart());
        assertEquals(18, points.bodyStart());
    }

    @Test
    void placeholdersAreRecordedWithTheirBounds() {
        String page = "<head><!--chrome:head-extra--></head><body><!--chrome:header-->x<!--chrome:a---></body>";
        List<ScannedPage.Placeholder> placeholders = ScannedPage.scan(page).placeholders();
        assertEquals(List.of(
            new ScannedPage.Placeholder("head-extra", 6, 30),
            new ScannedPage.Placeholder("header", 43, 63),
            new ScannedPage.Placeholder("a-", 64, 80)), placeholders);
        for (ScannedPage.Placeholder placeholder : placeholders) {
            assertTrue(page.substring(placeholder.start(), placeholder.end()).startsWith("<!--chrome:"));
            assertTrue(page.substring(placeholder.start(), placeholder.end()).endsWith("-->"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"<!--chrome:-->", "<!--chrome:Header-->", "<!-- chrome:header -->", "<!--chrome:header -->",
        "<!--chrome:head_er-->", "<!--chrome:x->", "<!--Chrome:x-->", "<script><!--chrome:x--></script>",
        "<p title='<!--chrome:x-->'>", "<!--chrome:x"})
    void malformedOrHiddenPlaceholdersAreIgnored(String markup) {
        assertEquals(List.of(), ScannedPage.scan("<body>" + markup + "</body>").placeholders());
    }

    @Test
    void placeholderIsAlsoAnOrdinaryComment() {
        assertPoints("<body>|S|<!--chrome:x-->|E|</body>");
    }

    @Test
    void scanningInPiecesGivesTheSameResult() {
        String page = DecorationScenarios.TRICKY_PAGE + "<!--chrome:x-->";
        ScannedPage fromString = ScannedPage.scan(page);
        ScannedPage fromBuilder = ScannedPage.scan(page, new java.util.Random(7));
        assertEquals(fromString.headEnd(), fromBuilder.headEnd());
        assertEquals(fromString.bodyStart(), fromBuilder.bodyStart());
        assertEquals(fromString.bodyEnd(), fromBuilder.bodyEnd());
        assertEquals(fromString.placeholders(), fromBuilder.placeholders());
    }

    @Test
    void trickyPageAgreesWithAnHtml5Parser() {
        String decorated = TestDecorators.decorate(DecorationScenarios.TRICKY_PAGE, DecorationScenarios.markers());
        assertEquals(DecorationScenarios.TRICKY_DECORATED, decorated);
        Document document = Jsoup.parse(decorated.substring(1));
        assertEquals("test:head", lastComment(document.head()));
        assertEquals("test:body-start", firstSignificant(document.body()).toString().replaceAll("<!--|-->", ""));
        assertTrue(document.body().childNodes().stream()
            .anyMatch(node -> node instanceof Comment comment && comment.getData().equals("test:body-end")));
    }

    @Test
    void largePageIsScannedInLinearTime() {
        StringBuilder page = new StringBuilder("<html><head></head><body>");
        String chunk = "<div class=\"c\" data-x='1'><!-- c --><script>if (a < b) {}</script><p>t &lt; </p></div>\n";
        while (page.length() < 8 * 1024 * 1024) {
            page.append(chunk);
        }
        String html = page.append("</body></html>").toString();
        // A hang guard against quadratic scanning; the scanner's speed is measured in the benchmarks.
        ScannedPage points = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> ScannedPage.scan(html));
        assertEquals(html.length() - "</body></html>".length(), points.bodyEnd());
    }

    @Test
    void splicingHandlesMissingHeadEndAndBodyEnd() {
        PageDecorator decorator = TestDecorators.markers("[h]", "[s]", "[e]", Map.of());
        assertEquals("<html>[h]<body>[s]<p>x[e]", TestDecorators.decorate("<html><body><p>x", decorator));
        assertEquals("[h]<body>[s][e]</body>", TestDecorators.decorate("<body></body>", TestDecorators.markers("[h]", "[s]", "[e]", Map.of())));
        assertEquals(null, TestDecorators.decorate("<p>no body</p>", TestDecorators.markers("[h]", "[s]", "[e]", Map.of())));
    }

    @Test
    void splicingReplacesOnlyPlaceholdersWithAnEntry() {
        Map<String, String> header = Map.of("header", "<header>H</header>");
        assertEquals("<body><header>H</header><!--chrome:other--></body>", TestDecorators.decorate(
            "<body><!--chrome:header--><!--chrome:other--></body>", TestDecorators.markers(null, "", null, header)));
        assertEquals(null, TestDecorators.decorate("<body><!--chrome:other--></body>", TestDecorators.markers(null, "", null, header)));
    }

    @Test
    void splicingKeepsBodyStartBeforeAnAdjacentPlaceholder() {
        PageDecorator decorator = TestDecorators.markers("", "[s]", "[e]", Map.of("x", "[x]"));
        assertEquals("<body>[s][x][e]</body>", TestDecorators.decorate("<body><!--chrome:x--></body>", decorator));
    }

    private static String lastComment(Element element) {
        List<Node> nodes = element.childNodes();
        for (int i = nodes.size() - 1; i >= 0; i--) {
            if (nodes.get(i) instanceof Comment comment) {
                return comment.getData();
            }
            if (!(nodes.get(i) instanceof TextNode text && text.isBlank())) {
                return nodes.get(i).toString();
            }
        }
        return null;
    }

    private static Node firstSignificant(Element element) {
        for (Node node : element.childNodes()) {
            if (!(node instanceof TextNode text && text.isBlank())) {
                return node;
            }
        }
        return null;
    }
}
