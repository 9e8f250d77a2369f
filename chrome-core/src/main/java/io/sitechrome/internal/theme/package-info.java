/**
 * Colours and palettes of a theme, and the contrast check run when a configuration loads.
 *
 * <p><strong>Not API.</strong> This package is internal to site-chrome: its types are public only so
 * that the library's own packages and modules can use them. Do not depend on it; it may change or go
 * away in any release without notice (see the compatibility policy in the README).
 */
package io.sitechrome.internal.theme;
