package io.sitechrome.internal.render;

import io.sitechrome.model.Theme;
import io.sitechrome.internal.theme.Palette;
import io.sitechrome.render.Asset;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/**
 * The stylesheet, the script, and the Google Consent Mode script of one configuration. The
 * stylesheet starts with the value of every theme token (defaults worked out from the tokens
 * given) and, with a dark theme, a {@code prefers-color-scheme: dark} block of the values that
 * differ in dark mode.
 */
public final class Assets {

    private static final String BUILT_IN = "/io/sitechrome/render/assets/";

    private final Asset stylesheet;
    private final Asset script;
    private final Asset consentModeScript;

    /**
     * Builds the stylesheet (the theme's tokens as custom properties, then the built-in CSS) and the scripts.
     *
     * @param theme the configuration's theme
     */
    public Assets(Theme theme) {
        Palette light = Palette.light(theme.tokens());
        StringBuilder css = new StringBuilder(":root{");
        properties(light, null, css);
        css.append("}\n");
        if (!theme.dark().isEmpty()) {
            css.append("@media (prefers-color-scheme: dark){:root{");
            properties(Palette.dark(theme.tokens(), theme.dark()), light, css);
            css.append("}}\n");
        }
        css.append(read("chrome.css"));
        stylesheet = asset("chrome", "css", "text/css; charset=utf-8", css.toString());
        script = asset("chrome", "js", "text/javascript; charset=utf-8", read("chrome.js"));
        consentModeScript = asset("consent-mode", "js", "text/javascript; charset=utf-8", read("consent-mode.js"));
    }

    /** Every token of {@code palette} as a custom property; with {@code unless}, only those that differ from it. */
    private static void properties(Palette palette, Palette unless, StringBuilder css) {
        palette.values().forEach((token, value) -> {
            if (unless == null || !value.equals(unless.value(token))) css.append(token.property()).append(':').append(value).append(';');
        });
    }

    /** @return the stylesheet: the theme's custom properties, then the built-in CSS */
    public Asset stylesheet() {
        return stylesheet;
    }

    /** @return the chrome's script */
    public Asset script() {
        return script;
    }

    /** @return the head script that sets Google Consent Mode's defaults and updates them after each choice */
    public Asset consentModeScript() {
        return consentModeScript;
    }

    /**
     * One of the assets, by file name.
     *
     * @param name an asset's file name, such as {@code chrome.HASH.css}
     * @return the asset called {@code name}, or null
     */
    public Asset byName(String name) {
        if (stylesheet.name().equals(name)) return stylesheet;
        if (script.name().equals(name)) return script;
        if (consentModeScript.name().equals(name)) return consentModeScript;
        return null;
    }

    private static Asset asset(String base, String extension, String contentType, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        String hash = sha256(bytes).substring(0, 12);
        return new Asset(base + "." + hash + "." + extension, contentType, bytes, gzip(bytes), "\"" + hash + "\"");
    }

    private static String read(String name) {
        try (InputStream in = Assets.class.getResourceAsStream(BUILT_IN + name)) {
            if (in == null) throw new IllegalStateException("missing built-in asset " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
