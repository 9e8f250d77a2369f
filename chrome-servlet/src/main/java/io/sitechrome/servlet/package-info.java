/**
 * The Jakarta Servlet integration: {@link io.sitechrome.servlet.ChromeFilter}, which decorates HTML responses and
 * serves the endpoints under the prefix ({@code /chrome/} by default), configured with
 * {@link io.sitechrome.servlet.ChromeSettings} (built with {@link io.sitechrome.servlet.ChromeSettings#builder()}
 * or read from init parameters, whose names {@link io.sitechrome.servlet.ChromeSetting} lists),
 * {@link io.sitechrome.servlet.ChromeObserver} for metrics, {@link io.sitechrome.servlet.ChromeInitializer} for registration without
 * {@code web.xml}, {@link io.sitechrome.servlet.VisitorResolver} for the signed-in visitor,
 * {@link io.sitechrome.servlet.ChromeAttributes} and {@link io.sitechrome.servlet.ChromeContext} for what a
 * request's chrome decided, and {@link io.sitechrome.servlet.TemplateChrome} for template engines that place
 * components themselves.
 *
 * <p>The streaming decorator (HTML scanner, page streams, response wrappers) lives in
 * {@code io.sitechrome.internal.servlet}.
 */
package io.sitechrome.servlet;
