package io.sitechrome.internal.render;

import io.sitechrome.model.Brand;
import io.sitechrome.model.Header;
import io.sitechrome.model.NavItem;
import java.util.ArrayList;
import java.util.List;

/**
 * The header: brand, the menu button of small screens, navigation with drop-downs and its
 * "More" drop-down, actions, chat and the account menu.
 */
record HeaderView(String lang, String dir, String version, Logo logo, String brandHref, String brandName, String menuLabel,
                  boolean hasNav, String navLabel, List<NavEntry> nav, String moreLabel, String currentSection,
                  List<LinkView> actions, Chat chat, AccountMenuView account) {

    record Logo(String src, String alt, String href, Integer width, Integer height) {
    }

    /** A top-level entry; {@code holdsCurrent} marks a drop-down with the current page among its items. */
    record NavEntry(String label, String href, boolean current, boolean dropdown, String panelId, List<LinkView> items,
                    boolean holdsCurrent) {
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
        int current = context.variant.navCurrent();
        for (int i = 0; i < header.nav().size(); i++) {
            NavItem item = header.nav().get(i);
            int code = navCode(i);
            List<LinkView> items = new ArrayList<>();
            for (int j = 0; j < item.items().size(); j++) {
                var link = item.items().get(j);
                items.add(new LinkView(context.text(link.label()), context.url(link.href()), current == code + j + 1));
            }
            boolean holdsCurrent = current > code && current < navCode(i + 1);
            nav.add(new NavEntry(context.text(item.label()), context.url(item.href()), current == code,
                    item.isDropdown(), "chrome-nav-panel-" + i, items, holdsCurrent));
        }
        Chat chat = null;
        if (header.chat() != null) {
            Unread unread = context.variant.has(Variant.HAS_UNREAD) ? new Unread(Slot.UNREAD_COUNT.marker(), Slot.UNREAD_TEXT.marker()) : null;
            chat = new Chat(context.url(header.chat().href()), context.text(header.chat().label()), unread);
        }
        return new HeaderView(context.lang(), context.dir(), context.config.version(), logo, brandHref,
                context.text(brand.name()), context.message("nav.toggle"), !nav.isEmpty(), context.message("nav.label"), nav,
                context.text(header.more(), "nav.more"), context.message("nav.currentSection"), context.links(header.actions()), chat,
                AccountMenuView.of(context));
    }
}
