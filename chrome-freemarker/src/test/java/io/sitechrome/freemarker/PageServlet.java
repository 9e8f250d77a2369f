package io.sitechrome.freemarker;

import freemarker.ext.jakarta.servlet.FreemarkerServlet;
import freemarker.template.Configuration;

/** FreeMarker's own Jakarta servlet, with the directives registered as the shared variable {@code chrome}. */
public final class PageServlet extends FreemarkerServlet {

    @Override
    protected Configuration createConfiguration() {
        Configuration configuration = super.createConfiguration();
        ChromeDirectives.register(configuration, null);
        return configuration;
    }
}
