package io.sitechrome.servlet;

import io.sitechrome.render.Component;
import java.util.List;

/**
 * What {@link ChromeFilter} does with the responses it sees, for metrics: each page it decorates,
 * each response it sends unchanged and why, and each fragment it serves. Give one to
 * {@link ChromeSettings.Builder#observer(ChromeObserver)}; the Spring Boot starter gives one that
 * counts with Micrometer. Without one, the filter reports nothing and pays nothing for it.
 *
 * <p>Each response is reported once, on the thread writing it, when its outcome is known: a page
 * when its layout is decided, a response that passes through when the filter stops considering it.
 * A response the application replaces with the container's error page counts on its own, and so
 * does that error page. Calls must be quick and must not throw.
 */
public interface ChromeObserver {

    /** Why a response went out without the chrome. */
    enum Reason {
        /** Its path matches {@code site-chrome.exclude}: the filter did not wrap it. */
        EXCLUDED("excluded"),
        /** The application set {@link ChromeAttributes#DECORATE} to false. */
        OPTED_OUT("opted-out"),
        /** The application sent the header {@code X-Chrome: off}. */
        X_CHROME_OFF("x-chrome-off"),
        /** Not {@code text/html}. */
        NOT_HTML("not-html"),
        /** A status other than 200 (an error, a redirect, a 304), outside the error dispatch. */
        STATUS("status"),
        /** A Content-Encoding such as gzip. */
        ENCODED("encoded"),
        /** A charset the filter cannot decorate in, or bytes that are not the charset they claim. */
        CHARSET("charset"),
        /** HTML without a {@code <body>} tag (a fragment, or one too far into the page). */
        NO_BODY("no-body"),
        /** More than {@code site-chrome.max-buffer-bytes} would have to be held before the layout is decided. */
        OVER_CAP("over-cap"),
        /** The application wrote with a {@code WriteListener} (non-blocking output), which goes out undecorated. */
        NON_BLOCKING("non-blocking"),
        /** The application wrote nothing, or the response was committed before its first output. */
        NO_OUTPUT("no-output");

        private final String tag;

        Reason(String tag) {
            this.tag = tag;
        }

        /** @return the reason in lower case with dashes, as metrics tag it ({@code over-cap}) */
        public String tag() {
            return tag;
        }
    }

    /** A page got the chrome. */
    default void decorated() {
    }

    /**
     * A response went out unchanged.
     *
     * @param reason why
     */
    default void passedThrough(Reason reason) {
    }

    /**
     * A fragment endpoint ({@code /chrome/fragments/NAME}) answered, with the fragment or a 304.
     *
     * @param component the component it served
     */
    default void fragmentServed(Component component) {
    }

    /**
     * One observer telling each of {@code observers}, in order.
     *
     * @param observers the observers
     * @return the only one when there is one, null when there are none
     */
    static ChromeObserver all(List<? extends ChromeObserver> observers) {
        if (observers.isEmpty()) return null;
        if (observers.size() == 1) return observers.get(0);
        List<ChromeObserver> each = List.copyOf(observers);
        return new ChromeObserver() {
            @Override
            public void decorated() {
                for (ChromeObserver observer : each) observer.decorated();
            }

            @Override
            public void passedThrough(Reason reason) {
                for (ChromeObserver observer : each) observer.passedThrough(reason);
            }

            @Override
            public void fragmentServed(Component component) {
                for (ChromeObserver observer : each) observer.fragmentServed(component);
            }
        };
    }
}
