package io.sitechrome.servlet;

/** Several sites in one application on Jetty. */
class JettySitesTest extends SitesContractTest {

    @Override
    EmbeddedContainer newContainer() {
        return EmbeddedContainer.jetty();
    }
}
