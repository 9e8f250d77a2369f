package io.sitechrome.servlet;

/** Several sites in one application on Tomcat. */
class TomcatSitesTest extends SitesContractTest {

    @Override
    EmbeddedContainer newContainer() {
        return EmbeddedContainer.tomcat();
    }
}
