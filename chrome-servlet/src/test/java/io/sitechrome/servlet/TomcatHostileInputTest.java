package io.sitechrome.servlet;

class TomcatHostileInputTest extends HostileInputTest {

    @Override
    EmbeddedContainer newContainer() {
        return EmbeddedContainer.tomcat();
    }
}
