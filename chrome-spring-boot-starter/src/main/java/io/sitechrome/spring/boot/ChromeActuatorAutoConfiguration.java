package io.sitechrome.spring.boot;

import io.micrometer.core.instrument.MeterRegistry;
import io.sitechrome.render.LiveChrome;
import io.sitechrome.servlet.ChromeFilter;
import io.sitechrome.servlet.ChromeSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportSelector;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.ClassUtils;

/**
 * The chrome in Spring Boot Actuator, when it is on the class path: the {@code chrome} health
 * indicator ({@link ChromeHealthConfiguration} on Boot 4, {@link ChromeBoot3HealthConfiguration} on
 * Boot 3.5) and the {@code chrome} entry of
 * {@code /actuator/info} (version, configuration source, last reload), and with Micrometer,
 * {@link ChromeMetrics}.
 */
@AutoConfiguration(after = ChromeAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(ChromeFilter.class)
@ConditionalOnBean(LiveChrome.class)
@Import(ChromeActuatorAutoConfiguration.HealthImport.class)
public class ChromeActuatorAutoConfiguration {

    /** {@code /actuator/info}: {@code chrome: {version, config, lastReload, ...}}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.info.InfoContributor")
    static class InfoConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "chromeInfoContributor")
        InfoContributor chromeInfoContributor(LiveChrome chrome, ChromeSettings settings) {
            ChromeStatus status = new ChromeStatus(chrome, settings);
            return builder -> builder.withDetail("chrome", status.details());
        }
    }

    /** Micrometer counters of pages decorated and passed through, fragments, reloads and consent choices. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
    static class MetricsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        ChromeMetrics chromeMetrics(ObjectProvider<MeterRegistry> registries, ObjectProvider<LiveChrome> chrome) {
            return new ChromeMetrics(registries, chrome);
        }
    }

    /** Imports the health indicator for the Boot version present: Boot 4's health API, or else Boot 3.5's. */
    static final class HealthImport implements ImportSelector {

        private static final String HEALTH_API = "org.springframework.boot.health.contributor.HealthIndicator";
        private static final String HEALTH_CONFIGURATION = "io.sitechrome.spring.boot.ChromeHealthConfiguration";

        @Override
        public String[] selectImports(AnnotationMetadata metadata) {
            ClassLoader loader = HealthImport.class.getClassLoader();
            if (ClassUtils.isPresent(HEALTH_API, loader) && ClassUtils.isPresent(HEALTH_CONFIGURATION, loader)) {
                return new String[] {HEALTH_CONFIGURATION};
            }
            if (ClassUtils.isPresent(ChromeBoot3HealthConfiguration.HEALTH_INDICATOR, loader)) {
                return new String[] {ChromeBoot3HealthConfiguration.class.getName()};
            }
            return new String[0];
        }
    }
}
