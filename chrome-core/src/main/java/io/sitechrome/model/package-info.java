/**
 * The configuration as the application reads it, once loaded and validated: {@link io.sitechrome.model.ChromeConfig}
 * and the immutable records it is made of (site, brand, header, footer, banners, cookie settings, theme), with
 * {@link io.sitechrome.model.Text} for a text in every locale. {@code Chrome.config()} returns it; the library
 * creates these values, an application only reads them.
 */
package io.sitechrome.model;
