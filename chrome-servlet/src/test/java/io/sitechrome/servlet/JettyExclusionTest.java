package io.sitechrome.servlet;

/** Exclusions and opt-outs on Jetty 12 (ee10). */
class JettyExclusionTest extends ExclusionContractTest {

    @Override
    EmbeddedContainer newContainer() {
        return EmbeddedContainer.jetty();
    }
}
