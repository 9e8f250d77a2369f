package io.sitechrome.internal.render;

import io.sitechrome.model.Banner;
import io.sitechrome.render.Placement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The notice banners of one placement shown to this visitor. */
record BannersView(List<Item> banners) {

    record Item(String id, String severity, String title, String text, LinkView link, boolean dismissible,
                String dismissEndpoint, String returnPath, String dismissLabel, String lang, String dir) {
    }

    /** The top banners, for the banners component. */
    static BannersView of(ViewContext context) {
        return of(context, Banner.Placement.TOP, 0);
    }

    /** The footer-placed banners, which the footer component carries; null when it shows none. */
    static BannersView inFooter(ViewContext context) {
        BannersView view = of(context, Banner.Placement.FOOTER, Variant.FOOTER_BANNERS_SHIFT);
        return view.banners.isEmpty() ? null : view;
    }

    /** The banners placed at {@code placement} whose bit, {@code shift} above their index, is in the variant's mask. */
    private static BannersView of(ViewContext context, Banner.Placement placement, int shift) {
        List<Item> items = new ArrayList<>();
        List<Banner> banners = context.config.banners();
        for (int i = 0; i < banners.size(); i++) {
            Banner banner = banners.get(i);
            if (banner.placement() != placement || !context.variant.inMask(i + shift)) continue;
            items.add(new Item(banner.id(), banner.severity().name().toLowerCase(Locale.ROOT), context.text(banner.title()),
                    context.text(banner.text()), context.link(banner.link()), banner.dismissible(),
                    context.endpoint("banners/" + banner.id() + "/dismiss"), Slot.RETURN_PATH.marker(),
                    context.message("banner.dismiss"), context.lang(), context.dir()));
        }
        return new BannersView(items);
    }
}
