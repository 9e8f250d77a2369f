package io.sitechrome.spring.boot;

import io.sitechrome.render.LiveChrome;
import io.sitechrome.servlet.ChromeSettings;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code chrome} health indicator on Spring Boot 3.5, whose health API
 * ({@code org.springframework.boot.actuate.health}) Boot 4 moved to
 * {@code org.springframework.boot.health.contributor} ({@link ChromeHealthConfiguration}). The starter
 * is compiled against Boot 4, so this one reaches Boot 3.5's {@code HealthIndicator} and
 * {@code Health} by name: the same details as on Boot 4 ({@link ChromeStatus}), {@code UP}.
 * Imported by {@link ChromeActuatorAutoConfiguration} when Boot 3.5's health API is present.
 */
@Configuration(proxyBeanMethods = false)
class ChromeBoot3HealthConfiguration {

    static final String HEALTH_INDICATOR = "org.springframework.boot.actuate.health.HealthIndicator";
    private static final String HEALTH = "org.springframework.boot.actuate.health.Health";

    @Bean
    @ConditionalOnMissingBean(name = "chromeHealthIndicator")
    static Indicator chromeHealthIndicator(LiveChrome chrome, ChromeSettings settings) {
        return new Indicator(new ChromeStatus(chrome, settings));
    }

    /** Makes the {@code HealthIndicator}, typed as one so that Actuator finds it. */
    static final class Indicator implements FactoryBean<Object> {

        private final ChromeStatus status;
        private final ClassLoader loader = Indicator.class.getClassLoader();

        Indicator(ChromeStatus status) {
            this.status = status;
        }

        @Override
        public Class<?> getObjectType() {
            try {
                return Class.forName(HEALTH_INDICATOR, false, loader);
            } catch (ClassNotFoundException e) {
                return null;
            }
        }

        /** A {@code HealthIndicator} whose {@code health()} is {@code Health.up().withDetails(details).build()}. */
        @Override
        public Object getObject() throws ReflectiveOperationException {
            Method up = Class.forName(HEALTH, true, loader).getMethod("up");
            Method withDetails = up.getReturnType().getMethod("withDetails", Map.class);
            Method build = up.getReturnType().getMethod("build");
            InvocationHandler handler = (proxy, method, args) -> switch (method.getName()) {
                case "health" -> build.invoke(withDetails.invoke(up.invoke(null), status.details()));
                case "toString" -> "chromeHealthIndicator";
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> InvocationHandler.invokeDefault(proxy, method, args);
            };
            return Proxy.newProxyInstance(loader, new Class<?>[] {getObjectType()}, handler);
        }
    }
}
