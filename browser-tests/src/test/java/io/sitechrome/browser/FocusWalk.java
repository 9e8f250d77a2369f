package io.sitechrome.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Presses Tab from the top of the page until focus leaves the document, recording at every
 * stop what a sighted keyboard user would see: the element, whether it is on screen and
 * uncovered, and its focus indicator, plus the look of the previous stop once focus has left
 * it (to compare focused with unfocused).
 */
final class FocusWalk {

    /** One place where Tab stopped. */
    record Stop(WebElement element, String description, boolean chrome, boolean disclosureButton,
                boolean inViewport, boolean covered, String coveredBy, String rect,
                Map<String, Object> focusedStyle, Map<String, Object> unfocusedStyle) {

        @Override
        public String toString() {
            return description;
        }
    }

    private static final String PROBE = """
            const prev = arguments[0], parts = arguments[1];
            const look = (el) => {
              const s = getComputedStyle(el);
              return { outlineStyle: s.outlineStyle, outlineWidth: s.outlineWidth, outlineColor: s.outlineColor,
                       boxShadow: s.boxShadow };
            };
            const result = { prevStyle: prev && prev.isConnected ? look(prev) : null };
            const el = document.activeElement;
            if (!el || el === document.body || el === document.documentElement) return result;
            const rects = el.getClientRects();
            const r = rects.length ? rects[0] : el.getBoundingClientRect();
            const x = r.left + r.width / 2, y = r.top + r.height / 2;
            const inViewport = r.width > 0 && r.height > 0 && x >= 0 && y >= 0 && x < innerWidth && y < innerHeight;
            const hit = inViewport ? document.elementFromPoint(x, y) : null;
            const describe = (n) => {
              if (!n) return 'nothing';
              const name = (n.getAttribute('aria-label') || n.innerText || n.value || n.getAttribute('alt')
                  || (n.querySelector && n.querySelector('img') && n.querySelector('img').alt) || '').trim().replace(/\\s+/g, ' ');
              const href = n.getAttribute('href');
              return n.tagName.toLowerCase() + (n.id ? '#' + n.id : '') + ' "' + name.slice(0, 60) + '"' + (href ? ' ' + href : '');
            };
            Object.assign(result, {
              element: el,
              description: describe(el),
              chrome: !!el.closest(parts),
              disclosureButton: el.matches('[aria-expanded][aria-controls]'),
              inViewport,
              covered: !(hit && (hit === el || el.contains(hit))),
              coveredBy: hit && hit !== el && !el.contains(hit) ? describe(hit) : '',
              rect: Math.round(r.left) + ',' + Math.round(r.top) + ' ' + Math.round(r.width) + 'x' + Math.round(r.height)
                  + ' in ' + innerWidth + 'x' + innerHeight,
              style: look(el)
            });
            return result;
            """;

    private FocusWalk() {
    }

    /**
     * Tabs through the whole page as it is now, starting with focus on the document. With
     * {@code openDropDowns}, Enter opens each closed drop-down as Tab reaches its button, so its
     * links are walked too.
     */
    @SuppressWarnings("unchecked")
    static List<Stop> walk(Browser browser, boolean openDropDowns) {
        browser.js("if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();"
                + "window.scrollTo(0, 0);");
        List<Stop> stops = new ArrayList<>();
        WebElement previous = null;
        Map<String, Object> previousStyle = null;
        for (int i = 0; i < 500; i++) {
            browser.tab();
            Map<String, Object> probe = (Map<String, Object>) browser.js(PROBE, previous, Browser.CHROME_PARTS);
            if (previous != null) {
                Stop last = stops.get(stops.size() - 1);
                stops.set(stops.size() - 1, new Stop(last.element(), last.description(), last.chrome(), last.disclosureButton(),
                        last.inViewport(), last.covered(), last.coveredBy(), last.rect(), previousStyle,
                        (Map<String, Object>) probe.get("prevStyle")));
            }
            WebElement element = (WebElement) probe.get("element");
            if (element == null) return stops;                            // focus left the document
            if (!stops.isEmpty() && element.equals(stops.get(0).element())) return stops;   // wrapped round
            Stop stop = new Stop(element, (String) probe.get("description"), (Boolean) probe.get("chrome"),
                    (Boolean) probe.get("disclosureButton"), (Boolean) probe.get("inViewport"), (Boolean) probe.get("covered"),
                    (String) probe.get("coveredBy"), (String) probe.get("rect"), null, null);
            stops.add(stop);
            previous = element;
            previousStyle = (Map<String, Object>) probe.get("style");
            if (openDropDowns && stop.disclosureButton() && "false".equals(element.getAttribute("aria-expanded"))) {
                browser.press(Keys.ENTER);
            }
        }
        fail("Tab never left the page in 500 presses: a keyboard trap? Last stops: "
                + stops.subList(Math.max(0, stops.size() - 5), stops.size()));
        return stops;
    }
}
