package io.sitechrome.servlet;

import java.io.IOException;

/** Tells the buffering stream and writer whether to hold output back or send it on. */
interface BodyRouter {

    /** Whether output is being held back now; decides it if the response has not decided yet. */
    boolean holding();

    /** The held output would exceed the limit: send what is held and stop holding. */
    void overflowed() throws IOException;

    /** Send what is held and stop holding. */
    void stopHolding() throws IOException;
}
