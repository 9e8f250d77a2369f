package io.sitechrome.model;

/**
 * A labelled link. The href was checked against the URL policy when loaded.
 *
 * @param label the link's text
 * @param href  where it goes
 */
public record Link(Text label, String href) {
}
