package io.sitechrome.config;

import io.sitechrome.internal.config.ConfigSchema;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which URLs the chrome may put in an {@code href} or {@code src}: http, https, mailto,
 * tel and site-relative URLs. The rule is the one the configuration schema states, read
 * from the schema itself so the two cannot drift.
 */
public final class UrlPolicy {

    private static final Pattern ALLOWED = Pattern.compile(ConfigSchema.urlPattern());
    private static final Pattern SCHEME = Pattern.compile("^\\s*([A-Za-z][A-Za-z0-9+.-]*):");
    private static final int MAX_RETURN_PATH = 2000;

    private UrlPolicy() {
    }

    /**
     * Whether {@code url} may appear in a link or image.
     *
     * @param url a URL from the configuration, or null
     * @return true for an http, https, mailto, tel or site-relative URL; false for null and anything else
     */
    public static boolean isAllowed(String url) {
        return url != null && ALLOWED.matcher(url).matches();
    }

    /**
     * Why {@code url} is refused, in words for a designer.
     *
     * @param url a URL {@link #isAllowed(String)} refuses; not null
     * @return a message naming the scheme that is not allowed, or the spaces or control characters found
     */
    public static String explain(String url) {
        Matcher scheme = SCHEME.matcher(url);
        if (scheme.find()) {
            return "URL scheme '" + scheme.group(1).toLowerCase(Locale.ROOT)
                    + ":' is not allowed; use http, https, mailto, tel or a site-relative URL";
        }
        if (url.isBlank() || !url.strip().equals(url) || url.chars().anyMatch(Character::isWhitespace)) {
            return "URL '" + url + "' contains spaces or control characters";
        }
        return "'" + url + "' is not a URL this site allows; use http, https, mailto, tel or a site-relative URL";
    }

    /**
     * {@code candidate} without its path parameters when it is a path on this site, and
     * {@code /} otherwise: refuses absolute and protocol-relative URLs ({@code //host},
     * {@code /\host}), their percent-encoded forms, backslashes and control characters. Path
     * parameters ({@code ;jsessionid=...}, which servlet containers add to URLs when cookies
     * are off, and any other {@code ;name=value}) are dropped, so that a session id never
     * travels in a return URL; the query and fragment are kept as they are.
     *
     * @param candidate a path from a request or a form, possibly hostile
     * @return a path on this site
     */
    public static String sameSitePath(String candidate) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_RETURN_PATH) return "/";
        candidate = withoutPathParameters(candidate);
        String decoded = candidate;
        for (int round = 0; round < 3 && decoded.indexOf('%') >= 0; round++) {
            try {
                decoded = URLDecoder.decode(decoded.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return "/";
            }
        }
        if (!isPlainPath(candidate) || !isPlainPath(decoded)) return "/";
        return candidate;
    }

    /** {@code path} with every {@code ;parameter} of its segments removed, up to its query or fragment. */
    private static String withoutPathParameters(String path) {
        int end = path.length();
        int query = path.indexOf('?');
        if (query >= 0) end = query;
        int fragment = path.indexOf('#');
        if (fragment >= 0 && fragment < end) end = fragment;
        int semicolon = path.indexOf(';');
        if (semicolon < 0 || semicolon >= end) return path;
        StringBuilder plain = new StringBuilder(path.length()).append(path, 0, semicolon);
        for (int i = semicolon; i < end; i++) {
            if (path.charAt(i) == ';') {
                while (i + 1 < end && path.charAt(i + 1) != '/') i++;
            } else {
                plain.append(path.charAt(i));
            }
        }
        return plain.append(path, end, path.length()).toString();
    }

    private static boolean isPlainPath(String path) {
        if (path.length() < 1 || path.charAt(0) != '/') return false;
        if (path.length() > 1 && (path.charAt(1) == '/' || path.charAt(1) == '\\')) return false;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\' || Character.isWhitespace(c) || (c >= 0x80 && c <= 0x9f)) return false;
            if (Character.getType(c) == Character.FORMAT) return false;
        }
        return true;
    }
}
