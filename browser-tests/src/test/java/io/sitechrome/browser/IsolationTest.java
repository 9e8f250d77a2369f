package io.sitechrome.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The chrome and its host page keep out of each other's way: an aggressive host stylesheet
 * (Bootstrap-like resets and element rules for h2, p, a, button, ul, li) changes no computed style
 * of the chrome's elements, and the chrome's stylesheet changes no computed style of the host's.
 */
class IsolationTest {

    static final String HOST_CSS = """
            *, *::before, *::after { box-sizing: content-box; }
            html { font-size: 16px; }
            body { font-family: "Comic Sans MS", cursive; line-height: 2.2; letter-spacing: .2em; text-transform: uppercase; font-weight: 300; word-spacing: 1em; }
            h2, h3 { font-family: Georgia, serif; font-size: 3rem; margin: 2em 0; border-bottom: 3px solid red; letter-spacing: .3em; text-transform: uppercase; font-weight: 900; line-height: 1; }
            p { font-family: Georgia, serif; margin: 2em 0; line-height: 3; text-indent: 2em; font-style: italic; }
            a { color: magenta; text-decoration: overline; font-weight: 800; letter-spacing: .25em; border: 2px dashed orange; padding: 4px; text-transform: uppercase; background: yellow; }
            a:hover, a:focus { color: lime; }
            button { font-family: Impact, sans-serif; text-transform: uppercase; border-radius: 20px; padding: 1em 3em; box-shadow: 0 0 10px red; background: yellow; letter-spacing: .3em; margin: 1em; line-height: 3; }
            ul, ol { margin: 3em; padding: 3em; list-style: square; }
            li { margin: 1em 0; padding: 1em; line-height: 3; float: left; }
            header, footer, nav, section, div, details, summary, span, label, svg, img, input { margin: 1em; padding: 1em; border: 1px solid green; font-family: Papyrus, fantasy; white-space: nowrap; vertical-align: middle; }
            footer a, header a, nav ul li a { font-size: 2rem; }
            """;

    static final List<String> CHROME = List.of(".chrome-header", ".chrome-brand__name", ".chrome-nav__link", ".chrome-nav__item",
            ".chrome-nav__list", ".chrome-disclosure__button", ".chrome-disclosure__panel a", ".chrome-header__action",
            ".chrome-cookies__title", ".chrome-cookies__body", ".chrome-cookies__actions .chrome-button", ".chrome-banner",
            ".chrome-banner__title", ".chrome-banner__text", ".chrome-footer", ".chrome-footer__column", ".chrome-footer__heading",
            ".chrome-footer__heading h2", ".chrome-footer__column ul", ".chrome-footer__column li", ".chrome-footer__column a",
            ".chrome-social", ".chrome-social__icon", ".chrome-locales a", ".chrome-footer__links a", ".chrome-footer__copyright");
    static final List<String> PROPERTIES = List.of("font-family", "font-size", "font-weight", "font-style", "line-height",
            "letter-spacing", "word-spacing", "text-transform", "text-indent", "text-decoration-line", "color", "background-color",
            "margin-top", "margin-left", "padding-top", "padding-left", "border-top-width", "border-bottom-width", "border-top-left-radius",
            "box-shadow", "box-sizing", "list-style-type", "float", "white-space", "vertical-align");
    static final List<String> HOST = List.of("main", "main h1", "main h2", "main p", "main a", "main ul", "main li", "body");

    static Browser browser;

    @BeforeAll
    static void start() {
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> styles(List<String> selectors) {
        return (Map<String, String>) browser.js("""
                const out = {};
                for (const selector of arguments[0]) {
                  const element = document.querySelector(selector);
                  if (!element) { out[selector] = 'missing'; continue; }
                  const style = getComputedStyle(element);
                  for (const property of arguments[1]) out[selector + ' ' + property] = style.getPropertyValue(property);
                }
                return out;""", selectors, PROPERTIES);
    }

    @Test
    void anAggressiveHostStylesheetChangesNothingInTheChrome() {
        browser.reset().viewport(1280, 900).open("/");
        browser.css(".chrome-nav__list .chrome-disclosure__button").click();
        Map<String, String> before = styles(CHROME);
        assertTrue(before.values().stream().noneMatch("missing"::equals), "every element is on the demo page: " + before);
        browser.js("const style = document.createElement('style'); style.id = 'host'; style.textContent = arguments[0]; document.head.appendChild(style);",
                HOST_CSS);
        assertEquals("italic", browser.js("return getComputedStyle(document.querySelector('main p')).fontStyle"), "the host stylesheet applies");
        Map<String, String> after = styles(CHROME);
        StringBuilder changed = new StringBuilder();
        before.forEach((key, value) -> {
            if (!value.equals(after.get(key))) changed.append("\n  ").append(key).append(": ").append(value).append(" -> ").append(after.get(key));
        });
        assertEquals("", changed.toString(), "computed styles of the chrome changed by the host's stylesheet");
    }

    @Test
    void theChromesStylesheetChangesNothingInTheHostPage() {
        browser.reset().viewport(1280, 900).open("/");
        Map<String, String> with = styles(HOST);
        assertTrue(with.values().stream().noneMatch("missing"::equals), "every element is on the demo page: " + with);
        Object disabled = browser.js("""
                const link = [...document.querySelectorAll('link[rel=stylesheet]')].find(l => /\\/chrome\\.[0-9a-f]+\\.css/.test(l.href));
                if (!link) return false;
                link.disabled = true;
                return true;""");
        assertEquals(Boolean.TRUE, disabled, "the chrome's stylesheet link is found");
        Map<String, String> without = styles(HOST);
        assertEquals(without, with, "the host's elements look the same with and without the chrome's stylesheet");
    }
}
