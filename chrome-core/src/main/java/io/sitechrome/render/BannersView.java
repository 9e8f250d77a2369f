package io.sitechrome.render;

import io.sitechrome.model.Banner;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The notice banners shown to this visitor. */
record BannersView(List<Item> banners) {

    record Item(String id, String severity, String title, String text, LinkView link, boolean dismissible,
                String dismissEndpoint, String returnPath, String dismissLabel, String lang, String dir) {
    }

    static BannersView of(ViewContext context) {
        List<Item> items = new ArrayList<>();
        List<Banner> banners = context.config.banners();
        for (int i = 0; i < banners.size(); i++) {
            if (!context.variant.inMask(i)) continue;
            Banner banner = banners.get(i);
            items.add(new Item(banner.id(), banner.severity().name().toLowerCase(Locale.ROOT), context.text(banner.title()),
                    context.text(banner.text()), context.link(banner.link()), banner.dismissible(),
                    context.endpoint("banners/" + banner.id() + "/dismiss"), Slot.RETURN_PATH.marker(),
                    context.message("banner.dismiss"), context.lang(), context.dir()));
        }
        return new BannersView(items);
    }
}
