package io.sitechrome.servlet;

/** Exclusions and opt-outs on Tomcat 11. */
class TomcatExclusionTest extends ExclusionContractTest {

    @Override
    EmbeddedContainer newContainer() {
        return EmbeddedContainer.tomcat();
    }
}
