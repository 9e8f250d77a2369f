package io.sitechrome.servlet;

/** The chrome's observer on Tomcat 11. */
class TomcatObserverTest extends ObserverContractTest {

    @Override
    EmbeddedContainer newContainer() {
        return EmbeddedContainer.tomcat();
    }
}
