/**
 * Spring Boot auto-configuration of the chrome: the filter, the reloading chrome, locale resolution, template
 * engines, metrics and health, configured by the {@code chrome.*} properties ({@link io.sitechrome.spring.boot.ChromeProperties}).
 */
package io.sitechrome.spring.boot;
