package io.sitechrome.model;

/**
 * The logo (optional) and the site's name as shown in the header.
 *
 * @param logo the logo image, or null for none
 * @param name the site's name as the header shows it
 * @param href where the brand links to, or null for the site's home URL
 */
public record Brand(Logo logo, Text name, String href) {

    /**
     * A logo image; width and height may be null.
     *
     * @param src    the image's URL
     * @param alt    the image's text alternative
     * @param href   where the logo links to, or null for the brand's link
     * @param width  the image's width in CSS pixels, or null when not given
     * @param height the image's height in CSS pixels, or null when not given
     */
    public record Logo(String src, Text alt, String href, Integer width, Integer height) {
    }
}
