package io.sitechrome.servlet;

class JettyStreamingTest extends StreamingContractTest {

    @Override
    EmbeddedContainer newContainer() {
        return EmbeddedContainer.jetty();
    }
}
