package io.sitechrome.internal.render;

import io.sitechrome.model.Footer;
import java.util.ArrayList;
import java.util.List;

/** The footer: footer-placed banners, link columns, social links, the language picker and the bottom row. */
record FooterView(String lang, String dir, String version, BannersView notices, boolean hasColumns, List<Column> columns, boolean hasSocial,
                  String socialLabel, List<Social> social, LocalePickerView localePicker, String legalLabel,
                  boolean gpcHonoured, String gpcText, List<BottomLink> links, String copyright) {

    record Column(String heading, String headingId, List<LinkView> links) {
    }

    record Social(String network, String label, String href, String icon) {
    }

    record BottomLink(String label, String href, boolean manageCookies, boolean privacyChoices) {
    }

    static FooterView of(ViewContext context) {
        Footer footer = context.config.footer();
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < footer.columns().size(); i++) {
            Footer.Column column = footer.columns().get(i);
            columns.add(new Column(context.text(column.heading()), "chrome-footer-heading-" + i, context.links(column.links())));
        }
        List<Social> social = footer.social().stream().map(s -> new Social(s.network(), context.text(s.label()),
                context.url(s.href()), SocialIcons.path(s.network()))).toList();
        List<BottomLink> links = new ArrayList<>();
        for (int i = 0; i < footer.links().size(); i++) {
            if (!context.variant.inMask(i)) continue;
            Footer.BottomLink link = footer.links().get(i);
            links.add(new BottomLink(context.text(link.label()), context.url(link.href()), "manage-cookies".equals(link.action()),
                    "privacy-choices".equals(link.icon())));
        }
        String copyright = footer.copyright() == null ? null
                : context.text(footer.copyright()).replace("{year}", Integer.toString(context.variant.year()));
        return new FooterView(context.lang(), context.dir(), context.config.version(), BannersView.inFooter(context),
                !columns.isEmpty(), columns,
                !social.isEmpty(), context.message("footer.social"), social, LocalePickerView.of(context),
                context.message("footer.legal"), context.variant.has(Variant.GPC_HONOURED), context.message("privacy.gpcHonoured"),
                links, copyright);
    }
}
