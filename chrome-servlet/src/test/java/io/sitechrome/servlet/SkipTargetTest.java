package io.sitechrome.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sitechrome.internal.servlet.PageDecorator;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The skip link always lands (issue 14, item 9): the page gets the target id when it has none. */
class SkipTargetTest {

    /** Markers, and a skip link aiming at {@code #main}, as the chrome's. */
    private static PageDecorator decorator() {
        PageDecorator markers = TestDecorators.markers("[H]", "[S]", "[E]", name -> null);
        return new PageDecorator() {
            @Override
            public boolean fills(String placeholder) {
                return false;
            }

            @Override
            public void write(Point point, String placeholder, Appendable out) throws IOException {
                markers.write(point, placeholder, out);
            }

            @Override
            public String skipTarget() {
                return "main";
            }
        };
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "<body><main><p>x</p></main></body>|[H]<body>[S]<main id=\"main\"><p>x</p></main>[E]</body>",
        "<body><MAIN class=\"m\">x</MAIN></body>|[H]<body>[S]<MAIN id=\"main\" class=\"m\">x</MAIN>[E]</body>",
        "<body><div id=\"main\"></div><main>x</main></body>|[H]<body>[S]<div id=\"main\"></div><main>x</main>[E]</body>",
        "<body><main id=main>x</main></body>|[H]<body>[S]<main id=main>x</main>[E]</body>",
        "<body><main><p id='main'>x</p></main></body>|[H]<body>[S]<main><p id='main'>x</p></main>[E]</body>",
        "<body><main id=\"content\">x</main></body>|[H]<body>[S]<div id=\"main\" tabindex=\"-1\"></div><main id=\"content\">x</main>[E]</body>",
        "<body><p>no main</p></body>|[H]<body>[S]<div id=\"main\" tabindex=\"-1\"></div><p>no main</p>[E]</body>",
        "<body><p data-id=\"main\" i=\"main\">x</p><main>y</main></body>|[H]<body>[S]<p data-id=\"main\" i=\"main\">x</p><main id=\"main\">y</main>[E]</body>",
        "<body><!-- <main> --><script>'<main>'</script><main>y</main></body>|[H]<body>[S]<!-- <main> --><script>'<main>'</script><main id=\"main\">y</main>[E]</body>"})
    void theSkipLinkTargetExistsOnce(String page, String expected) {
        assertEquals(expected, TestDecorators.decorate(page, decorator()));
        assertEquals(expected, TestDecorators.decorate(page, decorator(), new Random(page.length())), "written in pieces");
    }
}
