package io.sitechrome.config;

import io.sitechrome.internal.config.ConfigLoader;
import java.nio.file.Path;

/** Loads one file and prints its first problem, or OK: what the forked small-heap test runs. */
public final class ValidateInThisJvm {

    private ValidateInThisJvm() {
    }

    public static void main(String[] args) {
        try {
            ConfigLoader.load(Path.of(args[0]));
            System.out.println("OK");
        } catch (ConfigException e) {
            System.out.println(e.problems().size() + " problems, first: " + e.problems().get(0));
        }
    }
}
