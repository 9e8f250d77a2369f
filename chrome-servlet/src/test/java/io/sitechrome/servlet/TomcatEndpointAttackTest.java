package io.sitechrome.servlet;

class TomcatEndpointAttackTest extends EndpointAttackTest {

    @Override
    EmbeddedContainer newContainer() {
        return EmbeddedContainer.tomcat();
    }
}
