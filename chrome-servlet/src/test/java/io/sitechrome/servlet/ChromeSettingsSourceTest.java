package io.sitechrome.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sitechrome.config.SourceOptions;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the configuration comes from: a file or a URL, the cache folder of its last good copy, and its pin. */
class ChromeSettingsSourceTest {

    private static final String PIN = "d37ded252f0071d922fdc8b97ead6810823ed62ca904ceac9c64dcab00504bcc";

    @Test
    void aUrlTheCacheFolderAndThePinAreReadFromInitParametersPropertiesAndTheEnvironment() {
        ChromeSettings fromInit = ChromeSettings.from(Map.of("site-chrome.config", "https://chrome.example/org.yaml",
                "site-chrome.cache-dir", "/var/cache/chrome", "site-chrome.config-sha256", PIN.toUpperCase())::get, name -> null, Map.of());
        assertEquals("https://chrome.example/org.yaml", fromInit.config());
        assertEquals(Path.of("/var/cache/chrome"), fromInit.sourceOptions().cacheDirectory());
        assertEquals(PIN, fromInit.sourceOptions().sha256());

        ChromeSettings fromEnvironment = ChromeSettings.from(name -> null, name -> null, Map.of("SITE_CHROME_CONFIG", "http://127.0.0.1:8000/c.yaml",
                "SITE_CHROME_CACHE_DIR", "/tmp/c", "SITE_CHROME_CONFIG_SHA256", PIN));
        assertEquals("http://127.0.0.1:8000/c.yaml", fromEnvironment.config());
        assertEquals(Path.of("/tmp/c"), fromEnvironment.sourceOptions().cacheDirectory());
        assertEquals(PIN, fromEnvironment.sourceOptions().sha256());
    }

    @Test
    void byDefaultTheCopyIsKeptUnderTheTemporaryFolderAndNothingIsPinned() {
        ChromeSettings settings = ChromeSettings.from(name -> null, name -> null, Map.of());
        assertNull(settings.config());
        assertEquals(Path.of(System.getProperty("java.io.tmpdir"), SourceOptions.DEFAULT_CACHE_FOLDER), settings.sourceOptions().cacheDirectory());
        assertNull(settings.sourceOptions().sha256());
    }

    @Test
    void aLocationThatIsNeitherAFileNorAnHttpUrlOrABadPinIsRefusedAtOnce() {
        IllegalArgumentException scheme = assertThrows(IllegalArgumentException.class, () -> ChromeSettings.builder().config("ftp://chrome.example/c.yaml"));
        assertEquals("'ftp://chrome.example/c.yaml' is neither a file nor an http:// or https:// URL", scheme.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ChromeSettings.builder().configSha256("not-a-hash"));
    }
}
