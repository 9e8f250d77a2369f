/**
 * The renderer behind {@code io.sitechrome.render.Chrome}: built-in and overriding templates, the views
 * they are filled from, request resolution, the cache of rendered variants with their slots, the built-in
 * assets, and small text utilities shared with the servlet module.
 *
 * <p><strong>Not API.</strong> This package is internal to site-chrome: its types are public only so
 * that the library's own packages and modules can use them. Do not depend on it; it may change or go
 * away in any release without notice (see the compatibility policy in the README).
 */
package io.sitechrome.internal.render;
