package io.sitechrome.render;

import io.sitechrome.Fixtures;
import io.sitechrome.config.ConfigException;
import io.sitechrome.internal.config.ConfigLoader;
import io.sitechrome.consent.ConsentState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Everything the chrome sends for one configuration, as lines of names and content hashes:
 * run in-process and, through {@link #main}, in fresh JVMs, whose outputs must be equal.
 */
final class ForkedRender {

    private ForkedRender() {
    }

    /** Prints {@link #describe} of the configuration file named by the first argument. */
    public static void main(String[] args) throws Exception {
        for (String line : describe(Path.of(args[0]))) System.out.println(line);
    }

    /** The names and content hashes of everything the chrome of {@code file} sends, for a few kinds of visitor. */
    static List<String> describe(Path file) throws ConfigException, IOException {
        Chrome chrome = Chrome.of(ConfigLoader.load(file), Fixtures.CLOCK_2024);
        List<String> lines = new ArrayList<>();
        lines.add("version " + chrome.version());
        for (Asset asset : List.of(chrome.stylesheet(), chrome.script())) {
            lines.add("asset " + asset.name() + " " + asset.etag() + " " + sha256(asset.bytes()) + " " + sha256(asset.gzipped()));
        }
        ConsentState consent = chrome.consentCookie() == null ? ConsentState.NONE
                : new ConsentState(Set.of(chrome.config().cookies().categories().get(0).id()), chrome.config().cookies().revision(),
                        Instant.parse("2024-06-01T00:00:00Z"), "AAAAAAAAAAAAAAAAAAAAAA");
        List<ChromeRequest> requests = List.of(ChromeRequest.anonymous(),
                ChromeRequest.builder().locale("de").country("US").gpc(true).path("/legal?x=1").build(),
                ChromeRequest.builder().visitor(Visitor.of("Ada", "/a.png", 3)).consent(consent).nonce("nonce-0123456789")
                        .dismissedBanners(Set.of("notice")).build());
        for (ChromeRequest request : requests) {
            StringBuilder page = new StringBuilder();
            for (Component component : Component.values()) page.append(chrome.render(component, request));
            lines.add("page " + sha256(page.toString().getBytes(StandardCharsets.UTF_8)));
        }
        return lines;
    }

    /** {@link #describe} as a fresh JVM prints it. */
    static List<String> inFreshJvm(Path file) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                ForkedRender.class.getName(), file.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the forked JVM did not finish within 60 s");
        }
        if (process.exitValue() != 0) throw new AssertionError("the forked JVM failed (" + process.exitValue() + "):\n" + out);
        return out.lines().toList();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
