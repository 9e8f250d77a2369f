package io.sitechrome.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Four concurrent 40 MB pages, decorated, through Jetty in a JVM with a 128 MB heap (issue 17). */
class BoundedMemoryTest {

    @Test
    void fourFortyMegabytePagesAreDecoratedAtOnceInA128MegabyteHeap() throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process process = new ProcessBuilder(List.of(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                BigPagesInASmallHeap.class.getName(), "40", "4"))
            .redirectErrorStream(true).start();
        // A hang guard only: the run itself takes seconds.
        boolean ended = process.waitFor(5, TimeUnit.MINUTES);
        if (!ended) process.destroyForcibly();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(ended, output);
        assertEquals(0, process.exitValue(), output);
        assertEquals(4, output.lines().filter(line -> line.startsWith("ok 200")).count(), output);
    }
}
