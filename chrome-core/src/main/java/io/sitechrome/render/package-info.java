/**
 * Rendering the chrome: {@link io.sitechrome.render.Chrome}, one loaded configuration ready to render, and
 * {@link io.sitechrome.render.LiveChrome}, which reloads it when its source changes and keeps the last good one;
 * {@link io.sitechrome.render.ChromeRequest} (built with {@link io.sitechrome.render.ChromeRequest#builder()})
 * with what a page's chrome depends on, {@link io.sitechrome.render.PageChrome} for one page, the
 * {@link io.sitechrome.render.Component}s and {@link io.sitechrome.render.Placement}s they are rendered as, into any
 * {@link java.lang.Appendable}, the signed-in {@link io.sitechrome.render.Visitor}, and the static
 * {@link io.sitechrome.render.Asset}s (stylesheet and scripts).
 *
 * <p>Templates, views, request resolution and the render cache live in {@code io.sitechrome.internal.render}.
 */
package io.sitechrome.render;
