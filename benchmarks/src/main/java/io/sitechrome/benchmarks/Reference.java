package io.sitechrome.benchmarks;

import io.sitechrome.config.ConfigException;
import io.sitechrome.internal.config.ConfigLoader;
import io.sitechrome.model.ChromeConfig;
import io.sitechrome.render.Chrome;
import io.sitechrome.render.ChromeRequest;
import io.sitechrome.render.Visitor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;

/**
 * The reference configuration (the demo's skype.yaml, from the chrome-examples jar) and the
 * request every benchmark renders: a signed-in visitor with unread messages, on a page that is
 * a nav item, with a consent choice on record.
 */
final class Reference {

    static final String CONFIG = "/io/sitechrome/examples/skype.yaml";
    static final String PAGE_CONTENT = "/io/sitechrome/examples/legal.html";
    static final String LOCALE = "en-US";
    static final String PATH = "/en/features/";
    static final Visitor VISITOR = Visitor.of("Ada Lovelace", null, 3);
    static final Set<String> ACCEPTED = Set.of("necessary", "analytics");

    private Reference() {
    }

    static byte[] configBytes() {
        return read(CONFIG);
    }

    static String pageContent() {
        return new String(read(PAGE_CONTENT), StandardCharsets.UTF_8);
    }

    static ChromeConfig parse(byte[] bytes) {
        try {
            return ConfigLoader.parse(CONFIG, bytes, Path.of("."));
        } catch (ConfigException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    static Chrome chrome() {
        try {
            return Chrome.of(parse(configBytes()));
        } catch (ConfigException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The value of the consent cookie that records {@link #ACCEPTED}, as the filter reads it. */
    static String consentCookie(Chrome chrome) {
        return chrome.consentCookie().encode(chrome.consentCookie().newChoice(ACCEPTED, Instant.now()));
    }

    static ChromeRequest request(Chrome chrome) {
        return ChromeRequest.builder()
                .locale(LOCALE)
                .visitor(VISITOR)
                .path(PATH)
                .consent(chrome.consentCookie().newChoice(ACCEPTED, Instant.now()))
                .build();
    }

    private static byte[] read(String resource) {
        try (InputStream in = Reference.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing " + resource + " (the chrome-examples jar)");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
