package io.sitechrome.internal.render;

import io.sitechrome.model.Footer;
import io.sitechrome.model.SiteLocale;
import java.util.List;

/**
 * The language picker: one link per site locale, each in its own language and direction; compact,
 * the current language opens to the others.
 */
record LocalePickerView(String title, List<Entry> locales, boolean compact, Entry currentLocale) {

    record Entry(String tag, String name, String dir, String href, boolean current) {
    }

    /** Null when the site has a single locale. */
    static LocalePickerView of(ViewContext context) {
        List<SiteLocale> locales = context.config.site().locales();
        if (locales.size() < 2) return null;
        List<Entry> entries = locales.stream().map(locale -> new Entry(locale.tag(), Slot.literal(locale.name()), locale.dir(),
                context.endpoint("locale/" + locale.tag() + "?return=" + Slot.RETURN_PATH_PARAM.marker()),
                locale.equals(context.locale))).toList();
        Entry current = entries.stream().filter(Entry::current).findFirst().orElse(entries.get(0));
        return new LocalePickerView(context.message("locale.label"), entries,
                context.config.footer().localePicker() == Footer.LocalePicker.COMPACT, current);
    }
}
