package io.sitechrome.servlet;

/** The app's locale on Jetty 12 (ee10). */
class JettyAppLocaleTest extends AppLocaleContractTest {

    @Override
    EmbeddedContainer newContainer() {
        return EmbeddedContainer.jetty();
    }
}
