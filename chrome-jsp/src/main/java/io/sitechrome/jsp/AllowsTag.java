package io.sitechrome.jsp;

import io.sitechrome.servlet.TemplateChrome;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.jsp.JspException;
import jakarta.servlet.jsp.PageContext;
import jakarta.servlet.jsp.tagext.JspFragment;
import jakarta.servlet.jsp.tagext.SimpleTagSupport;
import java.io.IOException;

/**
 * {@code <chrome:allows category="analytics">...</chrome:allows>}: writes its body only when the
 * visitor's consent allows the cookie category (required categories always).
 */
public final class AllowsTag extends SimpleTagSupport {

    private String category;

    /**
     * The cookie category the body belongs to.
     *
     * @param category a category id of the configuration
     */
    public void setCategory(String category) {
        this.category = category;
    }

    @Override
    public void doTag() throws JspException, IOException {
        PageContext page = (PageContext) getJspContext();
        JspFragment body = getJspBody();
        if (body == null || category == null) return;
        if (TemplateChrome.of(page.getServletContext()).allows((HttpServletRequest) page.getRequest(), category.trim())) {
            body.invoke(null);
        }
    }
}
