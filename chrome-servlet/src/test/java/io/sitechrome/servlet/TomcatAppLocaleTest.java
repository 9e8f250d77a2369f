package io.sitechrome.servlet;

/** The app's locale on Tomcat 11. */
class TomcatAppLocaleTest extends AppLocaleContractTest {

    @Override
    EmbeddedContainer newContainer() {
        return EmbeddedContainer.tomcat();
    }
}
