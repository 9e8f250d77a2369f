package io.sitechrome.servlet;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

class TomcatDecorationTest extends DecorationContractTest {

    @Override
    EmbeddedContainer newContainer() {
        return EmbeddedContainer.tomcat();
    }

    @Override
    Charset writerDefaultCharset() {
        return StandardCharsets.ISO_8859_1;
    }
}
