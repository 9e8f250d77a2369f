package io.sitechrome.servlet;

/**
 * The real-chrome contract on Jetty 12 (ee10). Registration through {@code web.xml} is covered on
 * Tomcat only: reading a {@code web.xml} needs {@code jetty-ee10-webapp}, which this module does
 * not depend on.
 */
class JettyChromeFilterTest extends ChromeFilterContractTest {

    @Override
    EmbeddedContainer newContainer() {
        return EmbeddedContainer.jetty();
    }
}
