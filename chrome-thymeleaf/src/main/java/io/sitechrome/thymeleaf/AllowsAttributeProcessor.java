package io.sitechrome.thymeleaf;

import io.sitechrome.servlet.TemplateChrome;
import jakarta.servlet.http.HttpServletRequest;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.element.AbstractAttributeTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * {@code chrome:allows="category"}: keeps the element (without the attribute) when the visitor's
 * consent allows the cookie category, and removes it, content and all, otherwise.
 */
final class AllowsAttributeProcessor extends AbstractAttributeTagProcessor {

    /** Its place among this dialect's processors; the dialect as a whole runs after Thymeleaf's standard one. */
    private static final int PRECEDENCE = 50;

    private final TemplateChrome chrome;

    AllowsAttributeProcessor(String dialectPrefix, TemplateChrome chrome) {
        super(TemplateMode.HTML, dialectPrefix, null, false, "allows", true, PRECEDENCE, true);
        this.chrome = chrome;
    }

    @Override
    protected void doProcess(ITemplateContext context, IProcessableElementTag tag, AttributeName attributeName,
                             String category, IElementTagStructureHandler structure) {
        HttpServletRequest request = WebRequests.of(context);
        if (category == null || !WebRequests.chrome(chrome, request).allows(request, category.trim())) {
            structure.removeElement();
        }
    }
}
