package io.sitechrome.servlet;

/** Production integrity on Jetty 12 (ee10). */
class JettyIntegrityTest extends IntegrityContractTest {

    @Override
    EmbeddedContainer newContainer() {
        return EmbeddedContainer.jetty();
    }
}
