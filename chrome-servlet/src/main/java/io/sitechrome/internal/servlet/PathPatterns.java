package io.sitechrome.internal.servlet;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Path patterns, matched against a request's path within the application (servlet path plus path
 * info, as the container decoded and normalised it, path parameters such as {@code ;jsessionid}
 * dropped). Two forms:
 * <ul>
 * <li>Ant style, starting with {@code /}: {@code ?} is one character and {@code *} any characters
 *     within one segment, {@code **} any number of segments: {@code /api/*} matches
 *     {@code /api/users} but not {@code /api/users/7}; {@code /admin/**} matches {@code /admin},
 *     {@code /admin/} and everything below.</li>
 * <li>Servlet extension style, {@code *.} followed by a suffix: {@code *.print.html} matches every
 *     path whose last segment ends in {@code .print.html}.</li>
 * </ul>
 * Immutable.
 */
public final class PathPatterns {

    /** Matches nothing. */
    public static final PathPatterns NONE = new PathPatterns(List.of());

    private final List<String> patterns;
    private final Pattern regex;

    private PathPatterns(List<String> patterns) {
        this.patterns = patterns;
        this.regex = patterns.isEmpty() ? null
            : Pattern.compile(String.join("|", patterns.stream().map(PathPatterns::toRegex).toList()));
    }

    /**
     * @param patterns Ant-style or extension patterns, each trimmed; blank ones are ignored
     * @return the patterns
     * @throws IllegalArgumentException for a pattern in neither form
     */
    public static PathPatterns of(Collection<String> patterns) {
        List<String> kept = patterns.stream().map(String::trim).filter(p -> !p.isEmpty()).toList();
        return kept.isEmpty() ? NONE : new PathPatterns(kept);
    }

    /** @return the patterns as given, trimmed */
    public List<String> patterns() {
        return patterns;
    }

    /**
     * Whether a path is excluded.
     *
     * @param path a path within the application; its path parameters are ignored
     * @return whether {@code path}, such as {@code /admin/users;jsessionid=1}, matches one of the patterns
     */
    public boolean matches(String path) {
        return regex != null && regex.matcher(withoutParameters(path)).matches();
    }

    /**
     * Whether a request is excluded.
     *
     * @param request the request
     * @return whether the request's path within the application matches one of the patterns
     */
    public boolean matches(HttpServletRequest request) {
        return regex != null && matches(pathOf(request));
    }

    /**
     * A request's path within the application.
     *
     * @param request the request
     * @return the request's path within the application, path parameters dropped
     */
    public static String pathOf(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return withoutParameters(pathInfo == null ? request.getServletPath() : request.getServletPath() + pathInfo);
    }

    private static String withoutParameters(String path) {
        int semicolon = path.indexOf(';');
        if (semicolon < 0) return path;
        StringBuilder kept = new StringBuilder(path.length());
        int at = 0;
        while (semicolon >= 0) {
            kept.append(path, at, semicolon);
            int slash = path.indexOf('/', semicolon);
            if (slash < 0) return kept.toString();
            at = slash;
            semicolon = path.indexOf(';', at);
        }
        return kept.append(path, at, path.length()).toString();
    }

    private static String toRegex(String pattern) {
        if (pattern.startsWith("*.") && pattern.indexOf('/') < 0 && pattern.indexOf('*', 1) < 0) {
            return "(?:(?:.*/)?[^/]*" + Pattern.quote(pattern.substring(1)) + ")";
        }
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("path pattern \"" + pattern
                + "\" must start with / (such as /admin/**) or be an extension pattern (such as *.print.html)");
        }
        StringBuilder regex = new StringBuilder();
        int at = 0;
        while (at < pattern.length()) {
            if (pattern.startsWith("/**", at) && (at + 3 == pattern.length() || pattern.charAt(at + 3) == '/')) {
                regex.append("(?:/.*)?");
                at += 3;
                continue;
            }
            char c = pattern.charAt(at++);
            switch (c) {
                case '*' -> {
                    regex.append("[^/]*");
                    while (at < pattern.length() && pattern.charAt(at) == '*') at++;
                }
                case '?' -> regex.append("[^/]");
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return "(?:" + regex + ")";
    }
}
