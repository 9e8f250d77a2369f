package io.sitechrome.spring.boot;

import freemarker.template.Configuration;
import io.sitechrome.freemarker.ChromeDirectives;
import io.sitechrome.render.LiveChrome;
import io.sitechrome.servlet.ChromeFilter;
import io.sitechrome.servlet.ChromeSettings;
import io.sitechrome.servlet.TemplateChrome;
import io.sitechrome.thymeleaf.ChromeDialect;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.view.freemarker.FreeMarkerConfig;

/**
 * The chrome in the application's templates: a {@link TemplateChrome} for the configuration in
 * service, published in the servlet context (so the JSP tags of {@code chrome-jsp} find it too),
 * the Thymeleaf dialect when Thymeleaf is on the class path, and the FreeMarker directives as the
 * shared variable {@code chrome} when FreeMarker is. With the filter on, the components become
 * placeholders the filter fills; with {@code chrome.filter.enabled=false} they are rendered here.
 */
@AutoConfiguration(after = ChromeAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(ChromeFilter.class)
@ConditionalOnBean(LiveChrome.class) // steps aside when ChromeAutoConfiguration is excluded
public class ChromeTemplateAutoConfiguration {

    /**
     * What the template integrations write for a request.
     *
     * @param chrome the configuration in service
     * @param settings the chrome's settings (visitors, prefix, country header)
     * @return the template chrome
     */
    @Bean
    @ConditionalOnMissingBean
    public TemplateChrome templateChrome(LiveChrome chrome, ChromeSettings settings) {
        return new TemplateChrome(chrome, settings);
    }

    /**
     * Publishes the template chrome in the servlet context, where {@link TemplateChrome#of} finds it.
     *
     * @param chrome the template chrome
     * @return the initializer that publishes it
     */
    @Bean
    public ServletContextInitializer templateChromePublisher(TemplateChrome chrome) {
        return chrome::publish;
    }

    /** {@code <chrome:header/>} and friends in Thymeleaf templates; Boot adds every dialect bean to its engine. */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.thymeleaf.dialect.IDialect")
    static class ThymeleafConfiguration {

        @Bean
        @ConditionalOnMissingBean
        public ChromeDialect chromeDialect(TemplateChrome chrome) {
            return new ChromeDialect(chrome);
        }
    }

    /** {@code <@chrome.header/>} and friends in FreeMarker views. */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"freemarker.template.Configuration", "org.springframework.web.servlet.view.freemarker.FreeMarkerConfig"})
    static class FreeMarkerConfiguration {

        /** Adds the shared variable to the configuration of Spring MVC's FreeMarker views (Boot's or the application's). */
        @Bean
        public static BeanPostProcessor chromeFreeMarkerVariable(ObjectProvider<TemplateChrome> chrome) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    if (bean instanceof FreeMarkerConfig config) {
                        Configuration configuration = config.getConfiguration();
                        ChromeDirectives.register(configuration, chrome.getObject());
                    }
                    return bean;
                }
            };
        }
    }
}
