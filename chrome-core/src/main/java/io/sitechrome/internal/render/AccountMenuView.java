package io.sitechrome.internal.render;

import io.sitechrome.model.Account;
import java.util.List;
import java.util.Map;

/** The account menu: sign-in and sign-up links, or the signed-in visitor's menu. */
record AccountMenuView(boolean signedOut, boolean signedIn, String signInHref, String signInLabel, LinkView signUp,
                       String avatar, String buttonLabel, String signedInAs, List<LinkView> menu) {

    static AccountMenuView of(ViewContext context) {
        Account account = context.config.account();
        if (account == null) return null;
        boolean signedIn = context.variant.has(Variant.SIGNED_IN);
        String signIn = context.url(account.signIn().href());
        Slot returnUrl = signIn.startsWith("/") ? Slot.RETURN_PATH_PARAM : Slot.RETURN_URL_PARAM;
        String signInHref = signIn.replace("{returnUrl}", returnUrl.marker());
        String name = Slot.VISITOR_NAME.marker();
        String buttonLabel = account.label() != null ? context.text(account.label()) : name;
        return new AccountMenuView(!signedIn, signedIn, signInHref, context.text(account.signIn().label(), "account.signIn"),
                context.link(account.signUp()), context.variant.has(Variant.HAS_AVATAR) ? Slot.AVATAR_URL.marker() : null,
                buttonLabel, context.message("account.signedInAs", Map.of("name", name)), context.links(account.menu()));
    }
}
