package io.sitechrome.jsp;

import io.sitechrome.render.Component;
import io.sitechrome.servlet.TemplateChrome;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.jsp.PageContext;
import jakarta.servlet.jsp.tagext.SimpleTagSupport;
import java.io.IOException;

/**
 * {@code <chrome:header/>} and its siblings: writes what {@link TemplateChrome} gives for the
 * request, the filter's placeholder when {@code ChromeFilter} decorates the page, otherwise the
 * rendered component. One subclass per tag, since a tag library maps each name to a class.
 */
public abstract class ComponentTag extends SimpleTagSupport {

    private final Component component;

    /**
     * A tag writing {@code component}.
     *
     * @param component the component the tag stands for
     */
    protected ComponentTag(Component component) {
        this.component = component;
    }

    @Override
    public void doTag() throws IOException {
        PageContext page = (PageContext) getJspContext();
        HttpServletRequest request = (HttpServletRequest) page.getRequest();
        page.getOut().write(TemplateChrome.of(page.getServletContext()).component(request, component));
    }

    /** {@code <chrome:head/>}: the stylesheet link. */
    public static final class Head extends ComponentTag {
        /** The tag {@code <chrome:head/>}, writing {@link Component#HEAD}. */
        public Head() {
            super(Component.HEAD);
        }
    }

    /** {@code <chrome:cookie-banner/>}. */
    public static final class CookieBanner extends ComponentTag {
        /** The tag {@code <chrome:cookie-banner/>}, writing {@link Component#COOKIE_BANNER}. */
        public CookieBanner() {
            super(Component.COOKIE_BANNER);
        }
    }

    /** {@code <chrome:skip-link/>}. */
    public static final class SkipLink extends ComponentTag {
        /** The tag {@code <chrome:skip-link/>}, writing {@link Component#SKIP_LINK}. */
        public SkipLink() {
            super(Component.SKIP_LINK);
        }
    }

    /** {@code <chrome:banners/>}. */
    public static final class Banners extends ComponentTag {
        /** The tag {@code <chrome:banners/>}, writing {@link Component#BANNERS}. */
        public Banners() {
            super(Component.BANNERS);
        }
    }

    /** {@code <chrome:header/>}. */
    public static final class Header extends ComponentTag {
        /** The tag {@code <chrome:header/>}, writing {@link Component#HEADER}. */
        public Header() {
            super(Component.HEADER);
        }
    }

    /** {@code <chrome:footer/>}. */
    public static final class Footer extends ComponentTag {
        /** The tag {@code <chrome:footer/>}, writing {@link Component#FOOTER}. */
        public Footer() {
            super(Component.FOOTER);
        }
    }

    /** {@code <chrome:scripts/>}. */
    public static final class Scripts extends ComponentTag {
        /** The tag {@code <chrome:scripts/>}, writing {@link Component#SCRIPTS}. */
        public Scripts() {
            super(Component.SCRIPTS);
        }
    }
}
