package io.sitechrome.servlet;

import java.util.List;
import java.util.Random;

/**
 * Random HTML pages for the decorator fuzz tests, from a seed: random nesting; {@code </body>},
 * {@code </head>} and {@code <body>} inside comments, scripts (with their escape rules), styles,
 * RCDATA, attributes and CDATA; pages without a body, with two bodies, with several body end tags,
 * cut off mid-construct; upper-case tags, a byte-order mark, CRLF line ends, {@code <BODY>} with
 * attributes holding {@code >}, placeholders real and malformed. No page contains {@code [[FZ-}, the
 * fuzz tests' marker prefix.
 */
final class FuzzedPages {

    private static final List<String> WORDS = List.of("lorem", "ipsum", "dolor", "sit", "amet", "Grüße", "مرحبا", "日本語",
            "😀🎉", "👩‍👩‍👧", "a < b", "a > b", "x &amp; y", "&lt;/body&gt;", "<", "< /body>", "<>", "</>", "<3", "5 <6",
            "→", "\u00A0", "Ω", "ﷺ", "\u200F", "[[", "]]", "--", "->", "-->", "=\"", "'", "\"");
    private static final List<String> LATIN1_WORDS = List.of("lorem", "ipsum", "Café", "é ü ß", "à ñ ø", "¿¡", "© ÿ", "a < b",
            "a > b", "x &amp; y", "<", "< /body>", "<>", "</>", "\u00A0", "--", "->", "-->", "'", "\"", "]]");
    private static final List<String> ELEMENTS = List.of("div", "p", "span", "section", "article", "ul", "li", "em", "strong",
            "h1", "h2", "table", "tr", "td", "a", "nav", "main", "aside", "DIV", "P", "Span");
    private static final List<String> TRICKY_BODY = List.of(
            "<!-- </body> -->", "<!--</body>-->", "<!-- <body> </head> -->", "<!-- a -- </body> --!>", "<!---->", "<!-->",
            "<!--->", "<!--<!-- </body> -->", "<!-- --!> </body> -->",
            "<?php echo \"</body\"; ?>", "<!x </body>", "<!DOCTYPE y>", "</1 </body>", "</>",
            "<script>var s = \"</body>\";</script>", "<script>if (a<b && c>d) { x = '</head>'; }</script>",
            "<SCRIPT type=\"text/javascript\">document.write(\"<\\/body>\")</SCRIPT>",
            "<script>\n<!--\ndocument.write('<script>x</script></body>');\n//--></script>",
            "<script><!--<script></script></body>--></script>",
            "<script><!-- </body> --></script>", "<script>\"</scriptx></body>\"</script>", "<script></script >",
            "<script>a</SCRIPT\n>", "<script type=module>import x from './a.js'; // </body></script>",
            "<style>/* </body> */ a > b { content: \"</head>\"; }</style>", "<STYLE></body></STYLE>",
            "<textarea></body></textarea>", "<title></head></body></title>", "<xmp><body></body></xmp>",
            "<iframe></body></iframe>", "<noembed></body></noembed>", "<noframes></body></noframes>",
            "<noscript></body></noscript>", "<textarea><!--</textarea>--></body>-->",
            "<p title=\"</body>\">text</p>", "<p title='</body>'>text</p>", "<a href=\"x>y</body>\">link</a>",
            "<img alt=\"<body>\" src=x>", "<div data-x=</body>>unquoted</div>", "<div \"a=\"</body>\">quote in name</div>",
            "<br/>", "<input value=\"a\"/>", "<div/ class=\"x>y\">slash</div>",
            "<a title=\"<script>\">opener in a value</a>", "<span title='<!--'>comment opener in a value</span>",
            "<div data-x=<script>>unquoted opener</div>", "<a =\"</body>\">name starting with =</a>",
            "<a b = \"</body>\" c = '>' d = e>spaces around =</a>", "<div class=\"x\"data-y=\"</body>\">no space</div>",
            "<em/ title=\"</body>\">slash first</em>", "<u title=\"</body>\"/>", "<div id=\"other\" title=\"</body>\">id</div>",
            "<div ID=x data-z='</body>'>upper id</div>", "<div idx=\"</body>\">not id</div>", "<i d=\"</body>\">i d</i>",
            "<li title=\"a\"title='</body>'>two</li>", "<sPan TITLE=</body>>mixed case</sPan>",
            "<![CDATA[ </body> ]]>", "<![CDATA[ </head> ]]>",
            "<!--chrome:header-->", "<!--chrome:footer-->", "<!--chrome:banners-->", "<!--chrome:skip-link-->",
            "<!--chrome:unknown-thing-->", "<!--chrome:Header-->", "<!-- chrome:header -->", "<!--chrome:header -->",
            "<!--chrome:-->", "<!--chrome:header--->", "<!--chrome:footer--!>",
            "<bodyx>", "</bodyx>", "<body-like>", "< body>", "</ body>", "<headx>", "</headx>", "</head>", "<HEAD>");
    private static final List<String> HEAD_ITEMS = List.of(
            "<meta charset=\"utf-8\">", "<title>A </head> title </body> <body></title>", "<TITLE>Plain</TITLE>",
            "<link rel=stylesheet href=\"a.css\">", "<style>body > p { color: red }</style>",
            "<script>var h = '</head>';</script>", "<!-- </head> and <body> -->", "<base href=\"/\">",
            "<noscript><style>p{}</style></noscript>", "<meta name=\"x\" content=\"</head><body>\">",
            "<!--chrome:head-->", "<?xml-stylesheet href=\"a.xsl\"?>", "<script src=a.js></script>");
    private static final List<String> BODY_TAGS = List.of("<body>", "<BODY>", "<body class=\"page\">",
            "<BODY class=\"a>b\" data-x='</body>' data-y=x>", "<body\r\n  onload=\"init()\">", "<body/>", "<Body lang=en>",
            "<body\tdata-x=\"<body>\">", "<body a=b=c>");
    private static final List<String> HEAD_ENDS = List.of("</head>", "</HEAD>", "</head >", "</head\n>", "</head foo=\"a>b\">",
            "</Head/>");
    private static final List<String> BODY_ENDS = List.of("</body>", "</BODY>", "</body >", "</body\t>", "</body foo=\">\">",
            "</Body/>");
    private static final List<String> ENDINGS = List.of("", "", "", "\n", "<!-- unterminated </body>", "<script>unterminated </body>",
            "<div class=\"unterminated</body>", "<body", "<!", "<", "</", "<textarea></body>", "<plaintext></body>");

    private FuzzedPages() {
    }

    /** A page of at least {@code minimumLength} characters (usually a little more); Latin-1 only if {@code latin1}. */
    static String page(Random random, boolean latin1, int minimumLength) {
        StringBuilder page = new StringBuilder(minimumLength + 4096);
        if (random.nextInt(20) == 0 && !latin1) page.append('\uFEFF');
        switch (random.nextInt(5)) {
            case 0 -> page.append("<!DOCTYPE html>\n");
            case 1 -> page.append("<!doctype HTML SYSTEM \"about:legacy-compat\">\n");
            case 2 -> page.append("<?xml version=\"1.0\"?>\n<!DOCTYPE html>\n");
            default -> { }
        }
        boolean hasHtml = random.nextInt(6) != 0;
        if (hasHtml) page.append(random.nextBoolean() ? "<html lang=\"en\">\n" : "<HTML>\n");
        int layout = random.nextInt(10);
        if (layout != 0) {
            if (random.nextInt(5) != 0) page.append(random.nextBoolean() ? "<head>" : "<HEAD data-x=\"</head>\">");
            int items = random.nextInt(5);
            for (int i = 0; i < items; i++) page.append('\n').append(pick(random, HEAD_ITEMS, latin1));
            if (random.nextInt(6) != 0) page.append('\n').append(pick(random, HEAD_ENDS, latin1));
            page.append('\n');
        }
        boolean hasBody = random.nextInt(8) != 0;
        if (hasBody) page.append(pick(random, BODY_TAGS, latin1));
        while (page.length() < minimumLength) {
            element(page, random, latin1, 0);
            if (random.nextInt(25) == 0 && hasBody) page.append(random.nextBoolean() ? "<body class=\"second\">" : "<BODY>");
        }
        int bodyEnds = hasBody && random.nextInt(8) != 0 ? 1 + (random.nextInt(5) == 0 ? 1 + random.nextInt(2) : 0) : 0;
        for (int i = 0; i < bodyEnds; i++) {
            page.append('\n').append(pick(random, BODY_ENDS, latin1));
            if (random.nextInt(3) == 0) element(page, random, latin1, 3);
        }
        if (hasHtml && random.nextInt(4) != 0) page.append("\n</html>");
        page.append(pick(random, ENDINGS, latin1));
        String html = page.toString();
        return random.nextInt(10) < 3 ? html.replace("\r\n", "\n").replace("\n", "\r\n") : html;
    }

    private static void element(StringBuilder page, Random random, boolean latin1, int depth) {
        int kind = random.nextInt(10);
        if (kind < 3 || depth > 5) {
            text(page, random, latin1);
        } else if (kind < 5) {
            page.append(pick(random, TRICKY_BODY, latin1));
        } else {
            String name = ELEMENTS.get(random.nextInt(ELEMENTS.size()));
            page.append('<').append(name);
            int attributes = random.nextInt(3);
            for (int i = 0; i < attributes; i++) {
                page.append(' ').append(switch (random.nextInt(5)) {
                    case 0 -> "class=\"c" + random.nextInt(100) + "\"";
                    case 1 -> "title='" + word(random, latin1).replace("'", "") + "'";
                    case 2 -> "data-n=" + random.nextInt(1000);
                    case 3 -> "hidden";
                    default -> "data-html=\"&lt;/body&gt; </body> <body>\"";
                });
            }
            page.append('>');
            int children = random.nextInt(4);
            for (int i = 0; i < children; i++) element(page, random, latin1, depth + 1);
            if (random.nextInt(6) != 0) page.append("</").append(name).append('>');
        }
        if (random.nextInt(4) == 0) page.append(random.nextBoolean() ? "\n" : " ");
    }

    private static void text(StringBuilder page, Random random, boolean latin1) {
        int words = 1 + random.nextInt(12);
        for (int i = 0; i < words; i++) page.append(i == 0 ? "" : " ").append(word(random, latin1));
    }

    private static String word(Random random, boolean latin1) {
        List<String> words = latin1 ? LATIN1_WORDS : WORDS;
        return words.get(random.nextInt(words.size()));
    }

    private static String pick(Random random, List<String> choices, boolean latin1) {
        return choices.get(random.nextInt(choices.size()));
    }
}
