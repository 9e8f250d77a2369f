package io.sitechrome.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitechrome.internal.config.ConfigLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Loading needs memory in proportion to the file, not to its values times their key paths: the
 * worst shapes within the documented limits validate in a separate JVM with a 256 MB heap. Their
 * time and allocation are measured in the benchmarks module (LoadBenchmark), not here.
 */
class LoadMemoryTest {

    /** A hang guard, not a speed limit. */
    private static final long HANG_GUARD_SECONDS = 60;

    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of("deep", (Supplier<String>) LargeShapes::deep, "unknown key 'k0-"),
                Arguments.of("long explicit key", (Supplier<String>) LargeShapes::longExplicitKey, "unknown key 'k0-"),
                Arguments.of("deep with duplicates", (Supplier<String>) LargeShapes::deepWithDuplicates, "duplicate key 'd0' (first defined on line 8)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void theWorstShapesWithinTheLimitsValidateIn256Megabytes(String shape, Supplier<String> yaml, String firstProblem,
                                                             @TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("large.yaml"), yaml.get());
        assertTrue(Files.size(file) <= ConfigLoader.MAX_FILE_BYTES, "within the size limit: " + Files.size(file));
        Path output = dir.resolve("output.txt");
        Process process = new ProcessBuilder(javaBinary(), "-Xmx256m", "-Xss8m", "-XX:+ExitOnOutOfMemoryError",
                "-cp", classPath(), ValidateInThisJvm.class.getName(), file.toString())
                .redirectOutput(output.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            assertTrue(process.waitFor(HANG_GUARD_SECONDS, TimeUnit.SECONDS), "hang guard");
        } finally {
            process.destroyForcibly();
        }
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), String.join("\n", lines));
        assertTrue(lines.get(0).contains(firstProblem), String.join("\n", lines));
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The test class path: surefire's, or this JVM's when run from an IDE. */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}
