/**
 * FreeMarker directives ({@link io.sitechrome.freemarker.ChromeDirectives}) that place the chrome's components in a
 * template.
 */
package io.sitechrome.freemarker;
