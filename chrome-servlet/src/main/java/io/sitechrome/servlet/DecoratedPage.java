package io.sitechrome.servlet;

import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * A decorated page, ready to be sent: it can tell its encoded length and write itself out
 * without first being built in memory.
 */
interface DecoratedPage {

    /** Its length once encoded in {@code charset}, or -1 when some character cannot be encoded. */
    long length(Charset charset);

    void writeTo(PrintWriter out);

    /** A page that is already built. */
    static DecoratedPage of(CharSequence text) {
        return new DecoratedPage() {
            @Override
            public long length(Charset charset) {
                return PageCodec.encodedLength(text, charset);
            }

            @Override
            public void writeTo(PrintWriter out) {
                PageCodec.write(text, out);
            }
        };
    }
}
