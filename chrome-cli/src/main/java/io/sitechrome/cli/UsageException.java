package io.sitechrome.cli;

final class UsageException extends Exception {

    UsageException(String message) {
        super(message, null, false, false);
    }
}
