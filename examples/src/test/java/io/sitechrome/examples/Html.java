package io.sitechrome.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/** Small jsoup helpers shared by the demo's tests. */
final class Html {

    private Html() {
    }

    /** The single element {@code css} selects under {@code root}; fails when there are none or several. */
    static Element one(Element root, String css) {
        Elements found = root.select(css);
        assertEquals(1, found.size(), () -> "expected exactly one " + css + ", found " + found.size());
        return found.first();
    }

    /** The element's text as assistive technology reads it: aria-hidden parts left out. */
    static String accessibleName(Element element) {
        Element copy = element.clone();
        copy.select("[aria-hidden=true]").remove();
        return copy.text();
    }
}
