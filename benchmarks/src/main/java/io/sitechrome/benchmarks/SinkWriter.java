package io.sitechrome.benchmarks;

import java.io.Writer;

/** A writer into a reusable {@link StringBuilder}, so that a Mustache render fills the same sink as the others. */
final class SinkWriter extends Writer {

    private final StringBuilder sink;

    SinkWriter(StringBuilder sink) {
        this.sink = sink;
    }

    @Override
    public void write(int c) {
        sink.append((char) c);
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        sink.append(chars, offset, length);
    }

    @Override
    public void write(String text, int offset, int length) {
        sink.append(text, offset, offset + length);
    }

    @Override
    public void write(String text) {
        sink.append(text);
    }

    @Override
    public Writer append(CharSequence text) {
        sink.append(text);
        return this;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
