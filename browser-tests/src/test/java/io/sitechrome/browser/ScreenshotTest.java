package io.sitechrome.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Pictures of the main states, written to {@code browser-tests/target/screenshots/}. The
 * README's copies in {@code docs/screenshots/} come from here: {@code docs/screenshots/update.sh}.
 * (The Microsoft logo is on the internet, which the tests never reach, so it shows as its alt text.)
 */
class ScreenshotTest {

    static Browser browser;

    @BeforeAll
    static void start() {
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
    }

    @BeforeEach
    void freshVisitor() {
        browser.reset();
    }

    private static void assertPicture(Path file, int width, int height) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(width, image.getWidth(), file + " width");
        assertEquals(height, image.getHeight(), file + " height");
        assertTrue(Files.size(file) > 20_000, file + " has something on it: " + Files.size(file) + " bytes");
    }

    @Test
    void desktop() throws IOException {
        browser.viewport(1280, 900).open("/");
        assertTrue(browser.css("[data-chrome-cookies-layer]").isDisplayed());
        assertPicture(browser.screenshot("desktop"), 1280, 900);
    }

    @Test
    void narrow() throws IOException {
        browser.viewport(360, 1400).open("/");
        assertPicture(browser.screenshot("narrow"), 360, 1400);
    }

    @Test
    void phoneWithTheMenuOpen() throws IOException {
        browser.viewport(390, 844).open("/");
        browser.css("button[value=reject-all]").click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(10))
                .until(d -> browser.css("[data-chrome-cookies-confirmation]").isDisplayed());
        browser.open("/");
        WebElement menu = browser.css(".chrome-header__menu-button");
        menu.click();
        browser.assertExpanded(menu, true);
        new Actions(browser.driver).moveToLocation(380, 830).perform();
        assertPicture(browser.screenshot("phone-menu"), 390, 844);
    }

    @Test
    void rightToLeft() throws IOException {
        browser.viewport(1280, 900).locale("ar");
        assertEquals("rtl", browser.css("html").getAttribute("dir"));
        assertPicture(browser.screenshot("rtl"), 1280, 900);
    }

    @Test
    void signedInWithTheAccountMenuOpen() throws IOException {
        browser.viewport(1280, 900).open("/");
        browser.css("button[value=reject-all]").click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(10))
                .until(d -> browser.css("[data-chrome-cookies-confirmation]").isDisplayed());
        browser.signIn("Ada Lovelace", 3);
        WebElement button = browser.css(".chrome-account__button");
        button.click();
        browser.assertExpanded(button, true);
        new Actions(browser.driver).moveToLocation(640, 880).perform();   // no hover underline in the picture
        assertPicture(browser.screenshot("signed-in"), 1280, 900);
    }
}
