package io.sitechrome.internal.config;

import java.io.Reader;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.Constant;

/**
 * SnakeYAML's reader over the whole document, decoded once. SnakeYAML's own reader keeps a window
 * it refills 1,024 characters at a time, copying what is still unread: a single scalar of n
 * characters (a long key) costs n²/1024 copied characters, and every mark keeps a copy of a window.
 * Here the document is one array of code points that every mark shares, so reading is linear.
 */
final class CodePointReader extends StreamReader {

    private final String name;
    private final int[] codePoints;
    /** The length of the readable text: up to the first character YAML does not allow. */
    private final int readable;
    private int pointer;
    private int documentIndex;
    private int line;
    private int column;

    /**
     * A reader over a whole document.
     *
     * @param name the document's name, for SnakeYAML's marks and so for problems
     * @param text the document, decoded
     */
    CodePointReader(String name, String text) {
        super(Reader.nullReader());
        this.name = name;
        this.codePoints = text.codePoints().toArray();
        int end = 0;
        while (end < codePoints.length && isPrintable(codePoints[end])) end++;
        this.readable = end;
    }

    /** Reading as far as a character YAML does not allow fails, as SnakeYAML's reader does. */
    private boolean has(int offset) {
        int at = pointer + offset;
        if (at < readable) return true;
        if (readable < codePoints.length) {
            throw new ReaderException(name, readable, codePoints[readable], "special characters are not allowed");
        }
        return false;
    }

    @Override
    public Mark getMark() {
        return new Mark(name, pointer, line, column, codePoints, pointer);
    }

    @Override
    public void forward() {
        forward(1);
    }

    @Override
    public void forward(int length) {
        for (int i = 0; i < length && has(0); i++) {
            int c = codePoints[pointer++];
            documentIndex++;
            if (Constant.LINEBR.has(c) || (c == '\r' && has(0) && codePoints[pointer] != '\n')) {
                line++;
                column = 0;
            } else if (c != 0xFEFF) {
                column++;
            }
        }
    }

    @Override
    public int peek() {
        return has(0) ? codePoints[pointer] : '\0';
    }

    @Override
    public int peek(int index) {
        return has(index) ? codePoints[pointer + index] : '\0';
    }

    @Override
    public String prefix(int length) {
        if (length == 0) return "";
        int available = has(length) ? length : Math.min(length, readable - pointer);
        return new String(codePoints, pointer, available);
    }

    @Override
    public String prefixForward(int length) {
        String prefix = prefix(length);
        pointer += length;
        documentIndex += length;
        column += length;
        return prefix;
    }

    @Override
    public int getColumn() {
        return column;
    }

    @Override
    public int getDocumentIndex() {
        return documentIndex;
    }

    @Override
    public void resetDocumentIndex() {
        documentIndex = 0;
    }

    @Override
    public int getIndex() {
        return pointer;
    }

    @Override
    public int getLine() {
        return line;
    }
}
