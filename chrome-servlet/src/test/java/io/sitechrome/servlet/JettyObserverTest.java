package io.sitechrome.servlet;

/** The chrome's observer on Jetty 12 (ee10). */
class JettyObserverTest extends ObserverContractTest {

    @Override
    EmbeddedContainer newContainer() {
        return EmbeddedContainer.jetty();
    }
}
