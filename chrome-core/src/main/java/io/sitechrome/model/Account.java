package io.sitechrome.model;

import java.util.List;

/**
 * The account menu: a sign-in link (whose href may hold {@code {returnUrl}}), an
 * optional sign-up link, and the menu a signed-in visitor sees.
 */
public record Account(Link signIn, Link signUp, Text label, List<Link> menu) {

    public Account {
        menu = List.copyOf(menu);
    }
}
