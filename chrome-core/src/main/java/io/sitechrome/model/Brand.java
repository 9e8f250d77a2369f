package io.sitechrome.model;

/** The logo (optional) and the site's name as shown in the header. */
public record Brand(Logo logo, Text name, String href) {

    /** A logo image; width and height may be null. */
    public record Logo(String src, Text alt, String href, Integer width, Integer height) {
    }
}
