package io.sitechrome.servlet;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

class JettyDecorationTest extends DecorationContractTest {

    @Override
    EmbeddedContainer newContainer() {
        return EmbeddedContainer.jetty();
    }

    /** Jetty 12 departs from the spec's ISO-8859-1 here. */
    @Override
    Charset writerDefaultCharset() {
        return StandardCharsets.UTF_8;
    }
}
