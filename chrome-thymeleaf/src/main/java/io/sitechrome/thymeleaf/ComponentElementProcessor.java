package io.sitechrome.thymeleaf;

import io.sitechrome.render.Component;
import io.sitechrome.servlet.TemplateChrome;
import jakarta.servlet.http.HttpServletRequest;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.element.AbstractElementTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.templatemode.TemplateMode;

/** Replaces {@code <chrome:ID/>} with the component's placeholder or markup (see {@link TemplateChrome}). */
final class ComponentElementProcessor extends AbstractElementTagProcessor {

    private final Component component;
    private final TemplateChrome chrome;

    ComponentElementProcessor(String dialectPrefix, Component component, TemplateChrome chrome) {
        super(TemplateMode.HTML, dialectPrefix, component.id(), true, null, false, 1000);
        this.component = component;
        this.chrome = chrome;
    }

    @Override
    protected void doProcess(ITemplateContext context, IProcessableElementTag tag, IElementTagStructureHandler structure) {
        HttpServletRequest request = WebRequests.of(context);
        structure.replaceWith(WebRequests.chrome(chrome, request).component(request, component), false);
    }
}
