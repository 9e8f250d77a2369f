package io.sitechrome.internal.config;

import io.sitechrome.config.ConfigException;
import io.sitechrome.config.ConfigProblem;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * A YAML (or JSON) document turned into a tree of {@link ConfigNode}s, remembering where every key
 * and value stood in the file. It never constructs Java objects from the document:
 * only the node graph is composed, and any tag beyond the plain YAML types is refused.
 *
 * <p>A document {@linkplain #over laid over} the base it {@code extends} is one tree again, in
 * which every value remembers the document it was written in: a problem names that file.
 */
final class YamlDocument {

    /** The deepest a document may nest its mappings and lists. */
    static final int MAX_NESTING = 40;
    /** The most values a document may hold, aliases expanded. */
    static final int MAX_VALUES = 50_000;
    /** The most aliases to collections a document may use. */
    static final int MAX_ALIASES = 50;
    /** Characters of keys and values after expanding aliases: a file without aliases stays far below it. */
    static final int MAX_CHARACTERS = 2 * ConfigLoader.MAX_FILE_BYTES;

    /** The key naming the base a document extends. */
    static final String EXTENDS = "extends";

    private static final Set<Tag> PLAIN_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.MAP, Tag.SEQ);

    /** The document's value: a mapping for a configuration. */
    final ConfigNode root;
    /** Where every value stands, as a tree shaped like {@link #root}: no key path is ever stored. */
    private final Located rootPosition;

    private YamlDocument(ConfigNode root, Located rootPosition) {
        this.root = root;
        this.rootPosition = rootPosition;
    }

    /**
     * The document a value was written in.
     *
     * @param name   what problems call it: the file's path or the URL
     * @param folder the folder its relative paths resolve against; null for a document read from a URL
     */
    record Origin(String name, Path folder) {
    }

    /**
     * What a document's {@code extends} says, and where.
     *
     * @param text   the URL or path, or null when the value is not text
     * @param line   the value's line
     * @param column the value's column
     */
    record Reference(String text, int line, int column) {
    }

    /**
     * The base {@code bytes} extends, without validating anything else: a document that cannot be
     * read names none here, and its problems are reported when it is loaded.
     *
     * @param name  what problems call the document
     * @param bytes the document
     * @return what its {@code extends} says, or null when it has none
     */
    static Reference extendsReference(String name, byte[] bytes) {
        if (bytes.length > ConfigLoader.MAX_FILE_BYTES) return null;
        YamlDocument document;
        try {
            document = parse(new Origin(name, null), ConfigLoader.decode(name, bytes), new ArrayList<>());
        } catch (ConfigException e) {
            return null;
        }
        if (document == null || !document.root.isObject() || !document.root.has(EXTENDS)) return null;
        ConfigNode value = document.root.get(EXTENDS);
        SourcePosition at = value.isNull() ? document.keyAt(EXTENDS) : document.valueAt(EXTENDS);
        return new Reference(value.isTextual() ? value.asText() : null, at.line(), at.column());
    }

    /** @return whether this document names a base */
    boolean hasExtends() {
        return root.isObject() && root.has(EXTENDS);
    }

    /** @return this document without its {@code extends}, which is no part of the chrome */
    YamlDocument withoutExtends() {
        if (!hasExtends()) return this;
        Map<String, ConfigNode> fields = new LinkedHashMap<>();
        root.fields().forEachRemaining(field -> fields.put(field.getKey(), field.getValue()));
        fields.remove(EXTENDS);
        ConfigNode object = ConfigNode.object(fields);
        Located position = rootPosition.copy();
        position.fields.remove(EXTENDS);
        position.sealFields();
        return new YamlDocument(object, position);
    }

    /**
     * This document laid over {@code base}: mappings merge key by key (the base's keys first, in
     * its order, then this one's new keys), and any other value written here (a list, a text)
     * replaces the base's.
     *
     * @param base the document this one extends, itself already laid over its own base
     * @return the merged document
     */
    YamlDocument over(YamlDocument base) {
        return new YamlDocument(merge(base.root, root), merge(base.rootPosition, rootPosition));
    }

    private static ConfigNode merge(ConfigNode base, ConfigNode over) {
        if (!base.isObject() || !over.isObject()) return over;
        Map<String, ConfigNode> merged = new LinkedHashMap<>();
        base.fields().forEachRemaining(field -> merged.put(field.getKey(),
                over.has(field.getKey()) ? merge(field.getValue(), over.get(field.getKey())) : field.getValue()));
        over.fields().forEachRemaining(field -> {
            if (!base.has(field.getKey())) merged.put(field.getKey(), field.getValue());
        });
        return ConfigNode.object(merged);
    }

    private static Located merge(Located base, Located over) {
        if (base.fields == null || over.fields == null) return over;
        Located merged = new Located(over.value, over.key, over.origin);
        merged.fields = new HashMap<>(base.fields);
        over.fields.forEach((key, position) -> merged.fields.merge(key, position, YamlDocument::merge));
        merged.sealFields();
        return merged;
    }

    /**
     * {@code problem}, found in this (perhaps merged) document, naming the document its place was
     * written in: the base's file for a value the base set.
     *
     * @param problem a problem naming this document
     * @return the problem naming the file its line and column are in
     */
    ConfigProblem locate(ConfigProblem problem) {
        if (!problem.file().equals(rootPosition.origin.name())) return problem;
        String path = ConfigProblem.ROOT.equals(problem.path()) ? "" : problem.path();
        Origin origin = rootPosition.find(path).origin;
        if (origin.name().equals(problem.file())) return problem;
        return new ConfigProblem(origin.name(), problem.line(), problem.column(), problem.path(), problem.message());
    }

    /**
     * @param path a value's path
     * @return the folder relative paths in the document that wrote it resolve against; null for a URL
     */
    Path folderAt(String path) {
        return rootPosition.find(path).origin.folder();
    }

    /**
     * Where a value starts.
     *
     * @param path a path such as {@code header.nav[2].label}; empty for the document
     * @return where the value at {@code path} starts, or the nearest enclosing value that has a position
     */
    SourcePosition valueAt(String path) {
        return rootPosition.find(path).value;
    }

    /**
     * Where the key naming a value stands.
     *
     * @param path a path such as {@code header.nav[2].label}
     * @return the key's position, or, for a list item, the document or a path not found, that of the value
     */
    SourcePosition keyAt(String path) {
        Located.Found found = rootPosition.find(path);
        return found.exact && found.key != null ? found.key : found.value;
    }

    /**
     * Parses {@code content}; problems go to {@code problems} and the result is null when
     * the document could not be read at all.
     *
     * @param origin   the document's name and the folder its relative paths resolve against
     * @param content  the document's text
     * @param problems where the problems found go: YAML syntax, duplicate keys, tags beyond the plain
     *                 types, and the limits on nesting, values, aliases and characters
     * @return the document, or null when it could not be read at all
     */
    static YamlDocument parse(Origin origin, String content, List<ConfigProblem> problems) {
        String file = origin.name();
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(ConfigLoader.MAX_FILE_BYTES);
        options.setAllowRecursiveKeys(false);
        Node node;
        try {
            Composer composer = new Composer(new ParserImpl(new CodePointReader(file, content), options), new CoreSchemaResolver(), options);
            node = composer.getSingleNode();
        } catch (MarkedYAMLException e) {
            problems.add(problem(file, markOf(e, content), ConfigProblem.ROOT, syntaxMessage(e)));
            return null;
        } catch (ReaderException e) {
            SourcePosition at = positionOf(content, e.getPosition());
            problems.add(new ConfigProblem(file, at.line(), at.column(), ConfigProblem.ROOT,
                    String.format("the file contains the character U+%04X, which YAML does not allow", e.getCodePoint())));
            return null;
        } catch (YAMLException | StackOverflowError e) {
            problems.add(new ConfigProblem(file, 1, 1, ConfigProblem.ROOT, "cannot read the document: " + limitMessage(e)));
            return null;
        }
        if (node == null) {
            problems.add(new ConfigProblem(file, 1, 1, ConfigProblem.ROOT, "the file is empty; expected a mapping with site, brand, header and footer"));
            return null;
        }
        Converter converter = new Converter(origin, problems);
        Located rootPosition = new Located(position(node), null, origin);
        ConfigNode root = converter.convert(node, Trail.ROOT, rootPosition, 0);
        if (converter.aborted) return null;
        return new YamlDocument(root, rootPosition);
    }

    /** Where the problem is; for a construct left open at the end of the file, where it was opened. */
    private static Mark markOf(MarkedYAMLException e, String content) {
        Mark problem = e.getProblemMark();
        Mark context = e.getContextMark();
        boolean atEnd = problem != null && problem.getIndex() >= content.codePointCount(0, content.length());
        return problem == null || (atEnd && context != null) ? context : problem;
    }

    private static SourcePosition positionOf(String content, int codePointIndex) {
        int line = 1;
        int column = 1;
        int index = 0;
        for (int i = 0; i < content.length() && index < codePointIndex; i += Character.charCount(content.codePointAt(i)), index++) {
            if (content.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new SourcePosition(line, column);
    }

    /** The parser's complaint in a designer's words, for the kinds of mistake people make; else the parser's own. */
    private static String syntaxMessage(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
        String context = e.getContext() == null ? "" : e.getContext();
        String at = place(e.getProblemMark());
        String opened = e.getContextMark() == null ? at : place(e.getContextMark());
        String worded;
        if (problem.contains("mapping values are not allowed")) {
            worded = "a value at " + at + " is indented more than its key, or holds ': ' (the keys of one mapping line up; "
                    + "a value that contains ': ' needs quotes)";
        } else if (problem.contains("(TAB)")) {
            worded = "a tab at " + at + ": YAML indents with spaces only";
        } else if (context.contains("quoted scalar")) {
            worded = "the quoted value opened at " + opened + " is never closed";
        } else if (context.contains("flow sequence")) {
            worded = "the list opened with '[' at " + opened + " is not closed with ']' (or an item lacks its comma)";
        } else if (context.contains("flow mapping")) {
            worded = "the mapping opened with '{' at " + opened + " is not closed with '}' (or an entry lacks its comma)";
        } else if (problem.contains("undefined alias")) {
            worded = "the alias at " + at + " names no anchor (&name) defined before it";
        } else if (context.contains("simple key")) {
            worded = "the key at " + opened + " has no ':' after it";
        } else if (context.contains("block mapping") || context.contains("block collection")) {
            worded = "the line at " + at + " is indented differently from the entries that start at " + opened
                    + " (the keys of one mapping, and the items of one list, line up)";
        } else {
            String text = context.isEmpty() ? problem : context + ": " + problem;
            worded = text.replaceAll("\\s+", " ").trim();
        }
        return "YAML syntax error: " + worded;
    }

    private static String place(Mark mark) {
        return mark == null ? "1:1" : (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
    }

    private static String limitMessage(Throwable e) {
        if (e instanceof StackOverflowError) return "it is nested too deeply";
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (message.contains("aliases")) return "it uses more than " + MAX_ALIASES + " aliases to collections";
        if (message.contains("Nesting Depth")) return "it is nested more than " + MAX_NESTING + " levels deep";
        if (message.contains("code points")) return "it is larger than " + ConfigLoader.MAX_FILE_BYTES + " characters";
        return message.replaceAll("\\s+", " ").trim();
    }

    private static ConfigProblem problem(String file, Mark mark, String path, String message) {
        if (mark == null) return new ConfigProblem(file, 1, 1, path, message);
        return new ConfigProblem(file, mark.getLine() + 1, mark.getColumn() + 1, path, message);
    }

    private static SourcePosition position(Node node) {
        Mark mark = node.getStartMark();
        return mark == null ? SourcePosition.START : new SourcePosition(mark.getLine() + 1, mark.getColumn() + 1);
    }

    /**
     * The path to a value while converting, linked to its parent's: the text of a path is built
     * only for a problem, so the work stays linear in the file however long its keys.
     */
    private record Trail(Trail parent, String key, int index) {
        static final Trail ROOT = new Trail(null, null, -1);

        Trail child(String childKey) {
            return new Trail(this, childKey, -1);
        }

        Trail item(int itemIndex) {
            return new Trail(this, null, itemIndex);
        }

        String display() {
            if (parent == null) return ConfigProblem.ROOT;
            ArrayDeque<Trail> chain = new ArrayDeque<>();
            for (Trail t = this; t.parent != null; t = t.parent) chain.push(t);
            StringBuilder text = new StringBuilder();
            for (Trail t : chain) {
                if (t.key == null) text.append('[').append(t.index).append(']');
                else text.append(text.length() == 0 ? "" : ".").append(t.key);
            }
            return text.toString();
        }
    }

    /**
     * Where one value and the key naming it stand, with the positions of the values inside it:
     * the same shape as the Jackson tree, so memory grows with the values, not their key paths.
     */
    private static final class Located {
        final SourcePosition value;
        final SourcePosition key;
        final Origin origin;
        Map<String, Located> fields;
        /** The distinct lengths of {@link #fields}' keys, longest first: where a display path can be cut. */
        int[] keyLengths;
        List<Located> items;

        Located(SourcePosition value, SourcePosition key, Origin origin) {
            this.value = value;
            this.key = key;
            this.origin = origin;
        }

        record Found(SourcePosition value, SourcePosition key, Origin origin, boolean exact) {
        }

        /** A copy whose own fields may change; the values inside are shared. */
        Located copy() {
            Located copy = new Located(value, key, origin);
            if (fields != null) {
                copy.fields = new HashMap<>(fields);
                copy.sealFields();
            }
            copy.items = items;
            return copy;
        }

        /**
         * The value at a display path such as {@code header.nav[2].label}, or the nearest enclosing
         * one. Keys may contain dots and brackets, so at each mapping the longest key that ends at a
         * separator is taken.
         */
        Found find(String path) {
            Located at = this;
            int offset = 0;
            while (offset < path.length()) {
                Located next = null;
                int end = offset;
                if (path.charAt(offset) == '[' && at.items != null) {
                    int close = path.indexOf(']', offset);
                    int index = close < 0 ? -1 : parseIndex(path, offset + 1, close);
                    if (index >= 0 && index < at.items.size()) {
                        next = at.items.get(index);
                        end = close + 1;
                    }
                } else if (at.fields != null) {
                    for (int length : at.keyLengths) {
                        int cut = offset + length;
                        if (cut > path.length() || (cut < path.length() && path.charAt(cut) != '.' && path.charAt(cut) != '[')) continue;
                        next = at.fields.get(path.substring(offset, cut));
                        if (next != null) {
                            end = cut;
                            break;
                        }
                    }
                }
                if (next == null) return new Found(at.value, at.key, at.origin, false);
                at = next;
                offset = end < path.length() && path.charAt(end) == '.' ? end + 1 : end;
            }
            return new Found(at.value, at.key, at.origin, true);
        }

        private static int parseIndex(String path, int from, int to) {
            if (from >= to || to - from > 9) return -1;
            int index = 0;
            for (int i = from; i < to; i++) {
                char c = path.charAt(i);
                if (c < '0' || c > '9') return -1;
                index = index * 10 + (c - '0');
            }
            return index;
        }

        void sealFields() {
            keyLengths = fields.keySet().stream().mapToInt(String::length).distinct()
                    .map(length -> -length).sorted().map(length -> -length).toArray();
        }
    }

    private static final class Converter {
        /** Beyond this many, problems found while reading the tree are not listed one by one. */
        static final int MAX_PROBLEMS = 100;

        final String file;
        final Origin origin;
        final List<ConfigProblem> problems;
        int values;
        long characters;
        int reported;
        boolean aborted;

        Converter(Origin origin, List<ConfigProblem> problems) {
            this.file = origin.name();
            this.origin = origin;
            this.problems = problems;
        }

        void report(Mark mark, Trail trail, String message) {
            reported++;
            if (reported <= MAX_PROBLEMS) {
                problems.add(problem(file, mark, trail.display(), message));
            } else if (reported == MAX_PROBLEMS + 1) {
                problems.add(problem(file, mark, trail.display(), "more than " + MAX_PROBLEMS + " problems; from here on they are not listed"));
            }
        }

        ConfigNode convert(Node node, Trail trail, Located located, int depth) {
            if (aborted) return ConfigNode.NULL;
            if (++values > MAX_VALUES) {
                problems.add(problem(file, node.getStartMark(), trail.display(),
                        "the document expands to more than " + MAX_VALUES + " values (too many YAML aliases?)"));
                aborted = true;
                return ConfigNode.NULL;
            }
            if (depth > MAX_NESTING) {
                problems.add(problem(file, node.getStartMark(), trail.display(), "nested more than " + MAX_NESTING + " levels deep"));
                aborted = true;
                return ConfigNode.NULL;
            }
            Tag tag = node.getTag();
            if (!PLAIN_TAGS.contains(tag)) {
                report(node.getStartMark(), trail, "YAML tag " + tag.getValue() + " is not allowed; use plain values");
                return ConfigNode.NULL;
            }
            if (node instanceof MappingNode mapping) return convertMapping(mapping, trail, located, depth);
            if (node instanceof SequenceNode sequence) {
                List<ConfigNode> array = new ArrayList<>();
                List<Node> items = sequence.getValue();
                located.items = new ArrayList<>(items.size());
                for (int i = 0; i < items.size(); i++) {
                    Located item = new Located(position(items.get(i)), null, origin);
                    located.items.add(item);
                    array.add(convert(items.get(i), trail.item(i), item, depth + 1));
                }
                return ConfigNode.array(array);
            }
            ScalarNode scalar = (ScalarNode) node;
            if (tooMuchText(scalar, trail, scalar.getValue().length())) return ConfigNode.NULL;
            return convertScalar(scalar);
        }

        /** Counts {@code length} more characters; aliases can repeat one huge text thousands of times. */
        private boolean tooMuchText(Node node, Trail trail, int length) {
            characters += length;
            if (characters <= MAX_CHARACTERS) return false;
            problems.add(problem(file, node.getStartMark(), trail.display(),
                    "the document expands to more than " + MAX_CHARACTERS + " characters of text (too many YAML aliases?)"));
            aborted = true;
            return true;
        }

        private ConfigNode convertMapping(MappingNode mapping, Trail trail, Located located, int depth) {
            Map<String, ConfigNode> object = new LinkedHashMap<>();
            located.fields = new HashMap<>();
            try {
                for (NodeTuple tuple : mapping.getValue()) {
                    Node keyNode = tuple.getKeyNode();
                    if (!(keyNode instanceof ScalarNode scalarKey) || !PLAIN_TAGS.contains(keyNode.getTag())) {
                        report(keyNode.getStartMark(), trail, "keys must be plain text");
                        continue;
                    }
                    String key = scalarKey.getValue();
                    if (tooMuchText(keyNode, trail, key.length())) return ConfigNode.object(object);
                    Located first = located.fields.get(key);
                    if (first != null) {
                        report(keyNode.getStartMark(), trail.child(key),
                                "duplicate key '" + key + "' (first defined on line " + first.key.line() + ")");
                        continue;
                    }
                    Node valueNode = tuple.getValueNode();
                    Located child = new Located(position(valueNode), position(keyNode), origin);
                    located.fields.put(key, child);
                    object.put(key, convert(valueNode, trail.child(key), child, depth + 1));
                }
                return ConfigNode.object(object);
            } finally {
                located.sealFields();
            }
        }

        private static ConfigNode convertScalar(ScalarNode scalar) {
            String value = scalar.getValue();
            Tag tag = scalar.getTag();
            if (Tag.NULL.equals(tag)) return ConfigNode.NULL;
            if (Tag.BOOL.equals(tag)) return ConfigNode.bool(Boolean.parseBoolean(value.toLowerCase()));
            if (Tag.INT.equals(tag)) {
                BigInteger number = new BigInteger(value.replace("_", "").replace("+", ""));
                return ConfigNode.number(number.bitLength() < 63 ? (Number) number.longValue() : number);
            }
            if (Tag.FLOAT.equals(tag)) {
                try {
                    return ConfigNode.number(Double.parseDouble(value));
                } catch (NumberFormatException e) {
                    return ConfigNode.text(value);
                }
            }
            return ConfigNode.text(value);
        }
    }

    /**
     * YAML 1.2's core schema: only true/false are booleans, so a country code such as
     * {@code NO} or a word such as {@code on} stays text.
     */
    private static final class CoreSchemaResolver extends Resolver {
        private static final Pattern BOOL_12 = Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");
        private static final Pattern INT_12 = Pattern.compile("^[-+]?[0-9]+$");
        private static final Pattern FLOAT_12 = Pattern.compile("^[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$");
        private static final Pattern NULL_12 = Pattern.compile("^(?:~|null|Null|NULL| )$");

        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, BOOL_12, "tfTF");
            addImplicitResolver(Tag.INT, INT_12, "-+0123456789");
            addImplicitResolver(Tag.FLOAT, FLOAT_12, "-+.0123456789");
            addImplicitResolver(Tag.NULL, NULL_12, "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
        }
    }
}
