/**
 * The Thymeleaf dialect ({@link io.sitechrome.thymeleaf.ChromeDialect}) that places the chrome's components in a
 * template.
 */
package io.sitechrome.thymeleaf;
