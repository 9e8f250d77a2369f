/**
 * The streaming decorator behind {@code io.sitechrome.servlet.ChromeFilter}: the response wrapper, the output
 * stream and writer that feed pages through the HTML scanner, the page text buffers, async completion,
 * excluded paths, cookie clearing and the cache of recent assets.
 *
 * <p><strong>Not API.</strong> This package is internal to site-chrome: its types are public only so
 * that the library's own packages and modules can use them. Do not depend on it; it may change or go
 * away in any release without notice (see the compatibility policy in the README).
 */
package io.sitechrome.internal.servlet;
