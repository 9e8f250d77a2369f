package io.sitechrome.servlet;

import jakarta.servlet.ServletRequest;

/**
 * Request attributes through which an application talks to the chrome. Set them before
 * the response is written (a filter or interceptor that runs after {@link ChromeFilter}
 * is a good place).
 */
public final class ChromeAttributes {

    /** A locale tag (String) chosen by the application; wins over the response's locale, the cookie and Accept-Language. */
    public static final String LOCALE = "io.sitechrome.locale";
    /** The signed-in {@link io.sitechrome.render.Visitor}, read by the default visitor resolver. */
    public static final String VISITOR = "io.sitechrome.visitor";
    /** The visitor's display name (String), when the app prefers it to the principal's name. */
    public static final String VISITOR_NAME = "io.sitechrome.visitor.name";
    /** The visitor's unread message count (Integer or numeric String). */
    public static final String UNREAD_COUNT = "io.sitechrome.visitor.unread";
    /** The visitor's avatar URL (String). */
    public static final String AVATAR_URL = "io.sitechrome.visitor.avatar";
    /** The CSP nonce (String) of this response, put on the chrome's script tags. */
    public static final String NONCE = "io.sitechrome.nonce";
    /** Set by the filter: the {@link ChromeContext} of this request, for the app to ask about consent. */
    public static final String CONTEXT = "io.sitechrome.context";

    /**
     * Set to {@code Boolean.FALSE} (or the String {@code "false"}) to leave this response
     * undecorated: it then goes out byte for byte. Set before the filter runs, the filter does
     * not wrap the response at all; set later, it counts if it is set before the response's
     * first output (its first write, or taking the writer). The response header
     * {@code X-Chrome: off} does the same from anywhere the application can set headers, and is
     * never sent to the client.
     */
    public static final String DECORATE = "io.sitechrome.decorate";

    private ChromeAttributes() {
    }

    /**
     * Whether the application opted this request out of decoration.
     *
     * @param request the request
     * @return whether the application set {@link #DECORATE} to false (a Boolean, or the text "false") on this request
     */
    static boolean optedOut(ServletRequest request) {
        Object decorate = request.getAttribute(DECORATE);
        return decorate instanceof Boolean wanted ? !wanted : decorate != null && "false".equalsIgnoreCase(decorate.toString().trim());
    }
}
