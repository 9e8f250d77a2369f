package io.sitechrome.servlet;

class TomcatStreamingTest extends StreamingContractTest {

    @Override
    EmbeddedContainer newContainer() {
        return EmbeddedContainer.tomcat();
    }
}
