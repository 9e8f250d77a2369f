/**
 * Languages: {@link io.sitechrome.i18n.LocaleNegotiator} picks one of a site's locales for a language tag or an
 * {@code Accept-Language} header ({@code Chrome.locales()} gives a site's negotiator).
 *
 * <p>The built-in strings, plural rules and message formatting live in {@code io.sitechrome.internal.i18n}.
 */
package io.sitechrome.i18n;
