package io.sitechrome.examples;

import io.sitechrome.consent.ConsentListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Appends every recorded consent choice to a log file, one line each: the demo's audit trail. */
final class ConsentAuditLog implements ConsentListener {

    private final Path file;

    ConsentAuditLog(Path file) {
        this.file = file;
    }

    @Override
    public synchronized void recorded(Choice choice) {
        String line = choice.time() + " id=" + choice.consentId() + " revision=" + choice.revision()
                + " accepted=" + String.join(",", choice.accepted()) + " gpc=" + choice.gpc() + "\n";
        try {
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
