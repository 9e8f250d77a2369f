package io.sitechrome.spring.boot;

import io.sitechrome.render.LiveChrome;
import io.sitechrome.servlet.ChromeSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code chrome} health indicator (Spring Boot 4's health API): {@code UP} with the version in
 * service; after a refused edit, still {@code UP} (the last good configuration serves every page)
 * with {@code lastReload: failed} and the problems in the details. Imported by
 * {@link ChromeActuatorAutoConfiguration} when Boot 4's health module is present.
 */
@Configuration(proxyBeanMethods = false)
class ChromeHealthConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "chromeHealthIndicator")
    HealthIndicator chromeHealthIndicator(LiveChrome chrome, ChromeSettings settings) {
        ChromeStatus status = new ChromeStatus(chrome, settings);
        return () -> Health.up().withDetails(status.details()).build();
    }
}
