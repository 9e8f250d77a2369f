package io.sitechrome.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitechrome.examples.DemoServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo with a dark palette ({@code theme.dark}): under {@code prefers-color-scheme: dark} the
 * chrome takes the dark values, every surface derived from them, and axe-core finds no violation
 * (colour contrast included), with the cookie banner, a banner, drop-downs and the footer on screen.
 */
class DarkThemeTest {

    static Browser browser;
    static Path config;

    @BeforeAll
    static void start() throws IOException {
        String yaml;
        try (InputStream in = DemoServer.class.getResourceAsStream(DemoServer.BUNDLED_CONFIG)) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        config = Files.createTempFile("dark-theme-", ".yaml");
        Files.writeString(config, yaml.replace("\ntheme:\n", """

                theme:
                  dark:
                    background: "#121212"
                    text: "#ececec"
                    muted: "#b4b4b4"
                    accent: "#6cb8ff"
                    on-accent: "#121212"
                    focus: "#6cb8ff"
                """));
        browser = Browser.start(true, config);
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) browser.close();
        Files.deleteIfExists(config);
    }

    @AfterEach
    void screen() {
        browser.media("", "");
    }

    private String background(String selector) {
        return (String) browser.js("return getComputedStyle(document.querySelector(arguments[0])).backgroundColor", selector);
    }

    @Test
    void theDarkPaletteAppliesAndAxeFindsNothing() {
        browser.reset().viewport(1280, 900).media("screen", "dark").open("/");
        assertEquals("rgb(18, 18, 18)", background(".chrome-header"));
        assertEquals("rgb(29, 29, 29)", background(".chrome-footer"), "the footer's surface, mixed from the dark text and background");
        assertEquals("rgb(29, 29, 29)", background(".chrome-cookies__layer"));
        Axe.assertNoViolations(browser, "the demo in dark mode, cookie banner shown");
        browser.screenshot("dark");

        browser.css(".chrome-nav__list .chrome-disclosure__button").click();
        Axe.assertNoViolations(browser, "the demo in dark mode, a drop-down open");
    }

    @Test
    void theSameConfigurationInLightModeKeepsTheLightPalette() {
        browser.reset().viewport(1280, 900).media("screen", "light").open("/");
        assertEquals("rgb(255, 255, 255)", background(".chrome-header"));
        Axe.assertNoViolations(browser, "the demo with a dark palette, in light mode");
    }

    @Test
    void forcedColoursStillWinOverTheDarkPalette() {
        browser.reset().viewport(1280, 900).media("screen", "dark").forcedColors(true).open("/");
        try {
            String canvas = (String) browser.js("""
                    const probe = document.createElement('div');
                    probe.style.backgroundColor = 'Canvas';
                    document.body.appendChild(probe);
                    const colour = getComputedStyle(probe).backgroundColor;
                    probe.remove();
                    return colour;""");
            assertEquals(canvas, background(".chrome-header"), "forced colours paint the system Canvas");
            assertTrue(!background(".chrome-header").equals("rgb(18, 18, 18)") || canvas.equals("rgb(18, 18, 18)"));
        } finally {
            browser.forcedColors(false);
        }
    }
}
