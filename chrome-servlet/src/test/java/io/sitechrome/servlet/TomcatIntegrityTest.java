package io.sitechrome.servlet;

/** Production integrity on Tomcat 11. */
class TomcatIntegrityTest extends IntegrityContractTest {

    @Override
    EmbeddedContainer newContainer() {
        return EmbeddedContainer.tomcat();
    }
}
