/**
 * Cookie consent as the library records and applies it: the visitor's
 * {@link io.sitechrome.consent.ConsentState}, the signed {@link io.sitechrome.consent.ConsentCookie} that carries it,
 * the {@link io.sitechrome.consent.ConsentPolicy} that decides which categories are allowed, and the
 * {@link io.sitechrome.consent.ConsentListener} an application registers to hear of each choice.
 */
package io.sitechrome.consent;
