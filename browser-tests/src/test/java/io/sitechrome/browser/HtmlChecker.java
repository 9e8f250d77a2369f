package io.sitechrome.browser;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nu.validator.validation.SimpleDocumentValidator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * The W3C Nu HTML Checker (the engine behind validator.w3.org/nu), in process: the HTML
 * parser's conformance errors, the HTML schema and the checker's assertions. Warnings and
 * informational messages are not errors and are ignored.
 */
final class HtmlChecker {

    private final List<String> errors = new ArrayList<>();
    private final SimpleDocumentValidator validator;

    HtmlChecker() {
        ErrorHandler handler = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // not an error
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + ": fatal: " + e.getMessage());
            }
        };
        try {
            // log4j left alone, no URL logging, no language detection (it only ever warns)
            validator = new SimpleDocumentValidator(false, false, false);
            validator.setUpMainSchema("http://s.validator.nu/html5-rdfalite.rnc", handler);
            validator.setUpValidatorAndParsers(handler, true, false);
        } catch (Exception e) {
            throw new IllegalStateException("The Nu HTML Checker could not start: " + e, e);
        }
    }

    /** The errors in one HTML document, each as "line:column: message"; empty when it is valid. */
    synchronized List<String> check(String html) {
        errors.clear();
        try {
            InputSource source = new InputSource(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
            source.setEncoding("UTF-8");
            validator.checkHtmlInputSource(source);
        } catch (SAXParseException e) {
            if (errors.isEmpty()) errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
        } catch (Exception e) {
            errors.add("the checker failed: " + e);
        }
        return List.copyOf(errors);
    }

    /** The errors with the offending source lines, for an assertion message. */
    static String report(String name, String html, List<String> errors) {
        String[] lines = html.split("\n", -1);
        StringBuilder text = new StringBuilder().append(errors.size()).append(" HTML error(s) in ").append(name).append(':');
        for (String error : errors) {
            text.append("\n- ").append(error);
            try {
                int line = Integer.parseInt(error.substring(0, error.indexOf(':')));
                if (line >= 1 && line <= lines.length) {
                    String source = lines[line - 1].strip();
                    text.append("\n    ").append(source.length() > 240 ? source.substring(0, 240) + "…" : source);
                }
            } catch (RuntimeException ignored) {
                // no line number
            }
        }
        return text.toString();
    }
}
