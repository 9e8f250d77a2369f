package io.sitechrome.internal.render;

import java.io.IOException;

/**
 * Where rendered markup goes when the page it joins is sent as UTF-8 bytes: the chrome's fixed
 * markup comes already encoded (once, when its variant was rendered), so that a request copies
 * bytes instead of encoding characters; what changes per request (the slot values) comes as text
 * through {@link Appendable}.
 */
public interface EncodedAppendable extends Appendable {

    /**
     * Appends {@code text}, given with its UTF-8 encoding.
     *
     * @param text the text
     * @param utf8 {@code text} in UTF-8
     * @throws IOException when the output fails
     */
    void appendEncoded(String text, byte[] utf8) throws IOException;
}
