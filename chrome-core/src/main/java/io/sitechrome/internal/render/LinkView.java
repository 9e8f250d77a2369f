package io.sitechrome.internal.render;

/** A link as templates see it; {@code current} marks the page being viewed. */
record LinkView(String label, String href, boolean current) {
}
