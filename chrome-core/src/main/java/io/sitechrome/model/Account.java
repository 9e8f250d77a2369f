package io.sitechrome.model;

import java.util.List;

/**
 * The account menu: a sign-in link (whose href may hold {@code {returnUrl}}), an
 * optional sign-up link, and the menu a signed-in visitor sees.
 *
 * @param signIn the sign-in link shown to signed-out visitors; its href may hold {@code {returnUrl}}, replaced
 *               by the page being viewed, and a null label means the built-in, translated "Sign in"
 * @param signUp the sign-up link shown next to it to signed-out visitors, or null for none
 * @param label  the name on the signed-in menu's button (such as "My Skype"), or null for the visitor's name
 * @param menu   the links of the menu a signed-in visitor opens, in order
 */
public record Account(Link signIn, Link signUp, Text label, List<Link> menu) {

    /**
     * Copies {@code menu}, so the account stays immutable.
     *
     * @param signIn the sign-in link; its href may hold {@code {returnUrl}}
     * @param signUp the sign-up link, or null for none
     * @param label  the signed-in menu button's name, or null for the visitor's name
     * @param menu   the signed-in menu's links, in order; not null
     */
    public Account {
        menu = List.copyOf(menu);
    }
}
