package io.sitechrome.servlet;

import static io.sitechrome.servlet.HtmlInsertionPoints.NONE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

class HtmlInsertionPointsTest {

    /** Scans a page written with {@code |H|}, {@code |S|} and {@code |E|} where the points must be found. */
    private static void assertPoints(String marked) {
        String page = marked.replace("|H|", "").replace("|S|", "").replace("|E|", "");
        HtmlInsertionPoints points = HtmlInsertionPoints.scan(page);
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
        HtmlInsertionPoints points = HtmlInsertionPoints.scan("<html><head></head><p>x</p></body></html>");
        assertFalse(points.hasBody());
        assertEquals(NONE, points.bodyEnd());
        assertEquals(12, points.headEnd());
    }

    @Test
    void bodyStartTagCutOffByTheEndOfThePageIsNoBody() {
        assertFalse(HtmlInsertionPoints.scan("<html><body class=\"x>").hasBody());
        assertFalse(HtmlInsertionPoints.scan("<html><body class=x").hasBody());
        assertFalse(HtmlInsertionPoints.scan("").hasBody());
        assertFalse(HtmlInsertionPoints.scan("<").hasBody());
    }

    @Test
    void bodyWithoutEndTag() {
        assertPoints("<html><head>|H|</head><body>|S|<p>x");
    }

    @Test
    void bodyStartTagPositionIsRecorded() {
        HtmlInsertionPoints points = HtmlInsertionPoints.scan("<p>x</p><body a=b>");
        assertEquals(8, points.bodyTagStart());
        assertEquals(18, points.bodyStart());
    }

    @Test
    void placeholdersAreRecordedWithTheirBounds() {
        String page = "<head><!--chrome:head-extra--></head><body><!--chrome:header-->x<!--chrome:a---></body>";
        List<HtmlInsertionPoints.Placeholder> placeholders = HtmlInsertionPoints.scan(page).placeholders();
        assertEquals(List.of(
            new HtmlInsertionPoints.Placeholder("head-extra", 6, 30),
            new HtmlInsertionPoints.Placeholder("header", 43, 63),
            new HtmlInsertionPoints.Placeholder("a-", 64, 80)), placeholders);
        for (HtmlInsertionPoints.Placeholder placeholder : placeholders) {
            assertTrue(page.substring(placeholder.start(), placeholder.end()).startsWith("<!--chrome:"));
            assertTrue(page.substring(placeholder.start(), placeholder.end()).endsWith("-->"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"<!--chrome:-->", "<!--chrome:Header-->", "<!-- chrome:header -->", "<!--chrome:header -->",
        "<!--chrome:head_er-->", "<!--chrome:x->", "<!--Chrome:x-->", "<script><!--chrome:x--></script>",
        "<p title='<!--chrome:x-->'>", "<!--chrome:x"})
    void malformedOrHiddenPlaceholdersAreIgnored(String markup) {
        assertEquals(List.of(), HtmlInsertionPoints.scan("<body>" + markup + "</body>").placeholders());
    }

    @Test
    void placeholderIsAlsoAnOrdinaryComment() {
        assertPoints("<body>|S|<!--chrome:x-->|E|</body>");
    }

    @Test
    void scanningACharSequenceThatIsNotAStringGivesTheSameResult() {
        String page = DecorationScenarios.TRICKY_PAGE + "<!--chrome:x-->";
        HtmlInsertionPoints fromString = HtmlInsertionPoints.scan(page);
        HtmlInsertionPoints fromBuilder = HtmlInsertionPoints.scan(new StringBuilder(page));
        assertEquals(fromString.headEnd(), fromBuilder.headEnd());
        assertEquals(fromString.bodyStart(), fromBuilder.bodyStart());
        assertEquals(fromString.bodyEnd(), fromBuilder.bodyEnd());
        assertEquals(fromString.placeholders(), fromBuilder.placeholders());
    }

    @Test
    void trickyPageAgreesWithAnHtml5Parser() {
        String decorated = DecorationScenarios.markers().decorate(DecorationScenarios.TRICKY_PAGE);
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
        HtmlInsertionPoints points = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> HtmlInsertionPoints.scan(html));
        assertEquals(html.length() - "</body></html>".length(), points.bodyEnd());
    }

    @Test
    void splicingHandlesMissingHeadEndAndBodyEnd() {
        PageDecorator decorator = new SplicingDecorator(points -> new Insertions("[h]", "[s]", "[e]", Map.of()));
        assertEquals("<html>[h]<body>[s]<p>x[e]", decorator.decorate("<html><body><p>x"));
        assertEquals("[h]<body>[s][e]</body>", decorator.decorate("<body></body>"));
        assertEquals(null, decorator.decorate("<p>no body</p>"));
    }

    @Test
    void splicingReplacesOnlyPlaceholdersWithAnEntry() {
        PageDecorator decorator = new SplicingDecorator(points ->
            new Insertions(null, "", null, Map.of("header", "<header>H</header>")));
        assertEquals("<body><header>H</header><!--chrome:other--></body>",
            decorator.decorate("<body><!--chrome:header--><!--chrome:other--></body>"));
        assertEquals(null, decorator.decorate("<body><!--chrome:other--></body>"));
    }

    @Test
    void splicingKeepsBodyStartBeforeAnAdjacentPlaceholder() {
        PageDecorator decorator = new SplicingDecorator(points ->
            new Insertions("", "[s]", "[e]", Map.of("x", "[x]")));
        assertEquals("<body>[s][x][e]</body>", decorator.decorate("<body><!--chrome:x--></body>"));
    }

    @Test
    void plannerReturningNullLeavesThePageAlone() {
        assertEquals(null, new SplicingDecorator(points -> null).decorate("<body></body>"));
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
