package io.sitechrome.model;

/** A labelled link. The href was checked against the URL policy when loaded. */
public record Link(Text label, String href) {
}
