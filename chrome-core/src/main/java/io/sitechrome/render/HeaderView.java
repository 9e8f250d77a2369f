package io.sitechrome.render;

import io.sitechrome.model.Brand;
import io.sitechrome.model.Header;
import io.sitechrome.model.NavItem;
import java.util.ArrayList;
import java.util.List;

/** The header: brand, navigation with drop-downs, actions, chat and the account menu. */
record HeaderView(String lang, String dir, String version, Logo logo, String brandHref, String brandName, boolean hasNav,
                  String navLabel, List<NavEntry> nav, List<LinkView> actions, Chat chat, AccountMenuView account) {

    record Logo(String src, String alt, String href, Integer width, Integer height) {
    }

    record NavEntry(String label, String href, boolean current, boolean dropdown, String panelId, List<LinkView> items) {
    }

    record Chat(String href, String label, Unread unread) {
    }

    record Unread(String count, String text) {
    }

    /** The code of a top-level nav entry; drop-down item j of entry i is {@code navCode(i) + j + 1}. */
    static int navCode(int index) {
        return (index + 1) * 256;
    }

    static HeaderView of(ViewContext context) {
        Header header = context.config.header();
        Brand brand = context.config.brand();
        Logo logo = null;
        if (brand.logo() != null) {
            Brand.Logo l = brand.logo();
            logo = new Logo(context.url(l.src()), context.text(l.alt()), context.url(l.href() != null ? l.href() : brand.href()),
                    l.width(), l.height());
        }
        String brandHref = context.url(brand.href() != null ? brand.href() : context.config.site().url());
        List<NavEntry> nav = new ArrayList<>();
        for (int i = 0; i < header.nav().size(); i++) {
            NavItem item = header.nav().get(i);
            int code = navCode(i);
            List<LinkView> items = new ArrayList<>();
            for (int j = 0; j < item.items().size(); j++) {
                var link = item.items().get(j);
                items.add(new LinkView(context.text(link.label()), context.url(link.href()), context.variant.navCurrent() == code + j + 1));
            }
            nav.add(new NavEntry(context.text(item.label()), context.url(item.href()), context.variant.navCurrent() == code,
                    item.isDropdown(), "chrome-nav-panel-" + i, items));
        }
        Chat chat = null;
        if (header.chat() != null) {
            Unread unread = context.variant.has(Variant.HAS_UNREAD) ? new Unread(Slot.UNREAD_COUNT.marker(), Slot.UNREAD_TEXT.marker()) : null;
            chat = new Chat(context.url(header.chat().href()), context.text(header.chat().label()), unread);
        }
        return new HeaderView(context.lang(), context.dir(), context.config.version(), logo, brandHref,
                context.text(brand.name()), !nav.isEmpty(), context.message("nav.label"), nav, context.links(header.actions()),
                chat, AccountMenuView.of(context));
    }
}
