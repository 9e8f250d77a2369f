package io.sitechrome.servlet;

import java.util.Map;

/** Decorators for tests that put recognisable markers where the chrome goes. */
final class TestDecorators {

    private TestDecorators() {
    }

    /** Markers naming {@code version}, as a chrome that changed between two requests would. */
    static PageDecorator versioned(int version) {
        return new SplicingDecorator(points -> new Insertions("<!--chrome head v" + version + "-->",
            "<!--chrome start v" + version + "-->", "<!--chrome end v" + version + "-->", Map.of()));
    }

    /** What {@link #versioned} makes of a simple page. */
    static String decorated(String page, int version) {
        int head = page.indexOf("</head>");
        int bodyStart = page.indexOf('>', page.indexOf("<body")) + 1;
        int bodyEnd = page.lastIndexOf("</body>");
        return page.substring(0, head) + "<!--chrome head v" + version + "-->" + page.substring(head, bodyStart)
            + "<!--chrome start v" + version + "-->" + page.substring(bodyStart, bodyEnd)
            + "<!--chrome end v" + version + "-->" + page.substring(bodyEnd);
    }
}
