package io.sitechrome.internal.render;

/** The skip link to the page's main content. */
record SkipLinkView(String target, String text, String lang, String dir) {

    static SkipLinkView of(ViewContext context) {
        var skipLink = context.config.skipLink();
        return new SkipLinkView(skipLink.target(), context.text(skipLink.text(), "skipLink"), context.lang(), context.dir());
    }
}
