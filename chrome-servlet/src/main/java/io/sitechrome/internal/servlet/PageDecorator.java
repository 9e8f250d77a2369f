package io.sitechrome.internal.servlet;

import io.sitechrome.servlet.ChromeAttributes;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.Locale;

/**
 * The one seam between a decorated response and the chrome: what goes at each insertion point of
 * one page. The response's {@link PageStream} calls it in page order, only for a page that is
 * decorated, from the thread that writes the page; one instance serves one response.
 */
public interface PageDecorator {

    /** The points where markup goes. */
    enum Point {
        /** Before {@code </head>}, or before {@code <body} when the page has no {@code </head>}. */
        HEAD,
        /** Right after the {@code <body ...>} start tag. */
        BODY_START,
        /** Before the last {@code </body>}, or at the end of a page without one. */
        BODY_END,
        /** In place of a {@code <!--chrome:NAME-->} placeholder that {@link #fills} took. */
        PLACEHOLDER
    }

    /**
     * Whether the placeholder {@code <!--chrome:NAME-->} met now is replaced by markup; asked once
     * for each placeholder, in page order. Those met before the page's layout is decided are
     * asked before {@link Point#HEAD} and {@link Point#BODY_START} are written.
     *
     * @param placeholder the placeholder's name
     * @return whether it is replaced
     */
    boolean fills(String placeholder);

    /**
     * Writes the markup of {@code point} ({@code placeholder} names it for
     * {@link Point#PLACEHOLDER}, and is null otherwise) to {@code out}, which encodes it.
     *
     * @param point       where in the page the markup goes
     * @param placeholder the placeholder's name, or null
     * @param out         where the markup is written
     * @throws IOException when the page cannot be sent
     */
    void write(Point point, String placeholder, Appendable out) throws IOException;

    /**
     * How many bytes {@link #write} would write for {@code point} now, in UTF-8, known without
     * rendering (the chrome's markup has known lengths), so that a page measured for its
     * Content-Length needs no counting of the markup's characters. Asked just before that write.
     *
     * @param point       the point about to be written
     * @param placeholder the placeholder's name for {@link Point#PLACEHOLDER}, otherwise null
     * @return the length in bytes of UTF-8, or -1 when it is not known
     */
    default long utf8Length(Point point, String placeholder) {
        return -1;
    }

    /**
     * The id the page must have for the chrome's skip link to land (without {@code #}), or null.
     * When the page has no element with it, the filter gives it to the page's first
     * {@code <main>}, or puts an empty target right after the body-start markup.
     *
     * @return the skip link's target id, or null
     */
    default String skipTarget() {
        return null;
    }

    /**
     * Whether the application still wants the page decorated, asked once when the response decides
     * at its first output; false sends the page unchanged (see {@link ChromeAttributes#DECORATE}).
     *
     * @return false when the application opted this response out
     */
    default boolean wanted() {
        return true;
    }

    /**
     * The page, in {@code charset}, is decorated: sets the response headers that go with that.
     * Called once, before any markup is written; nothing decorated is committed yet.
     *
     * @param response the response being decorated
     * @param charset  the page's charset
     */
    default void decorating(HttpServletResponse response, Charset charset) {
    }

    /**
     * The application set the response's locale, which the container sends as {@code Content-Language}
     * (the container has it already). The chrome follows it when nothing of the chrome is rendered yet;
     * once the page is {@linkplain #decorating decorated}, it keeps its language and makes the header agree.
     *
     * @param locale the locale the application set, or null when it reset the response
     */
    default void localeSet(Locale locale) {
    }
}
