package io.sitechrome.examples.boot;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Varnish (Debian's {@code varnish} package) on loopback, in front of one backend port, for
 * the edge-cache test. It runs in the foreground ({@code -F}) with its working directory ({@code -n})
 * in a temporary folder, so that stopping it is stopping one process.
 *
 * <p>{@code -j none}: as root, varnishd's default jail drops to the {@code varnish} user, which cannot
 * read a VCL file in a private temporary folder ("Cannot read -f file ... Permission denied"); with
 * no jail it runs as whoever starts it, root or not.
 */
final class Varnish implements AutoCloseable {

    private final Path workDir;
    private final Path log;
    private final Process process;
    private final int port;

    private Varnish(Path workDir, Path log, Process process, int port) {
        this.workDir = workDir;
        this.log = log;
        this.process = process;
        this.port = port;
    }

    /** Starts varnishd with {@code vcl} on a free loopback port and waits until it answers. */
    static Varnish start(Path dir, String vcl) throws Exception {
        Path varnishd = executable("varnishd");
        int port = freePort();
        Path vclFile = Files.writeString(dir.resolve("edge.vcl"), vcl);
        Path workDir = dir.resolve("varnish");
        Path log = dir.resolve("varnishd.log");
        Process process = new ProcessBuilder(varnishd.toString(), "-F", "-j", "none", "-n", workDir.toString(),
                "-a", "127.0.0.1:" + port, "-f", vclFile.toString(), "-s", "malloc,64m", "-T", "none")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Varnish varnish = new Varnish(workDir, log, process, port);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("varnishd exited with " + process.exitValue() + ":\n" + varnish.log());
            }
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return varnish;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        varnish.close();
        throw new IllegalStateException("varnishd did not listen on port " + port + " within 60 s:\n" + varnish.log());
    }

    int port() {
        return port;
    }

    /** One counter of {@code varnishstat -1}, such as {@code MAIN.cache_hit}. */
    long counter(String name) throws Exception {
        Process stat = new ProcessBuilder(executable("varnishstat").toString(), "-1", "-n", workDir.toString(), "-f", name)
                .redirectErrorStream(true).start();
        String out = new String(stat.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!stat.waitFor(30, TimeUnit.SECONDS) || stat.exitValue() != 0) {
            throw new IllegalStateException("varnishstat failed:\n" + out);
        }
        for (String line : out.split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length >= 2 && fields[0].equals(name)) return Long.parseLong(fields[1]);
        }
        throw new IllegalStateException("no counter " + name + " in:\n" + out);
    }

    /**
     * A counter once it has settled. Worker threads add their counts to the shared ones when a job
     * ends, and a kept-alive connection's job ends only after its linger time, so a value read right
     * after a request can be behind: read until two reads 150 ms apart agree.
     */
    long settled(String name) throws Exception {
        long previous = counter(name);
        for (int i = 0; i < 100; i++) {
            Thread.sleep(150);
            long now = counter(name);
            if (now == previous) return now;
            previous = now;
        }
        return previous;
    }

    /** A counter once it has reached {@code expected} (or ten seconds have passed), then settled. */
    long awaitAtLeast(String name, long expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (counter(name) < expected && System.nanoTime() < deadline) Thread.sleep(50);
        return settled(name);
    }

    String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(unreadable log: " + e + ")";
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /**
     * The named program from PATH or Debian's directories, or a failure that says how to get it.
     */
    static Path executable(String name) {
        List<Path> candidates = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String entry : path.split(java.io.File.pathSeparator)) {
                if (!entry.isEmpty()) candidates.add(Path.of(entry, name));
            }
        }
        candidates.add(Path.of("/usr/sbin", name));
        candidates.add(Path.of("/usr/bin", name));
        for (Path candidate : candidates) {
            if (Files.isExecutable(candidate)) return candidate;
        }
        throw new IllegalStateException(name + " is not installed: the edge-cache test needs a real Varnish."
                + " Install Debian's package: apt-get update && apt-get install -y varnish (.ci/run does).");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
