package io.sitechrome.render;

/** The tags for the page's head: the stylesheet. */
record HeadView(String stylesheetHref, String version) {

    static HeadView of(ViewContext context, Assets assets) {
        return new HeadView(context.endpoint("assets/" + assets.stylesheet().name()), context.config.version());
    }
}
