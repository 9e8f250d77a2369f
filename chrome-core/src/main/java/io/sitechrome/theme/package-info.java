/**
 * The theme tokens a configuration's {@code theme:} may set, with their CSS custom properties and defaults:
 * {@link io.sitechrome.theme.ThemeToken}.
 *
 * <p>Colour parsing, palettes and the contrast check live in {@code io.sitechrome.internal.theme}.
 */
package io.sitechrome.theme;
