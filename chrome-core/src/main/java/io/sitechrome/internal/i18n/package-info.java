/**
 * The built-in strings of the 30 languages and their formatting: {@code Messages}, the ICU MessageFormat
 * subset, and the plural rules, number and list styles read from the table generated from CLDR.
 *
 * <p><strong>Not API.</strong> This package is internal to site-chrome: its types are public only so
 * that the library's own packages and modules can use them. Do not depend on it; it may change or go
 * away in any release without notice (see the compatibility policy in the README).
 */
package io.sitechrome.internal.i18n;
