package io.sitechrome.config;

import java.io.StringReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * A YAML (or JSON) document turned into a tree of {@link ConfigNode}s, remembering where every key
 * and value stood in the file. It never constructs Java objects from the document:
 * only the node graph is composed, and any tag beyond the plain YAML types is refused.
 */
final class YamlDocument {

    static final int MAX_NESTING = 40;
    static final int MAX_VALUES = 50_000;
    static final int MAX_ALIASES = 50;
    /** Characters of keys and values after expanding aliases: a file without aliases stays far below it. */
    static final int MAX_CHARACTERS = 2 * ConfigLoader.MAX_FILE_BYTES;

    private static final Set<Tag> PLAIN_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.MAP, Tag.SEQ);

    final ConfigNode root;
    private final Map<String, SourcePosition> valuePositions;
    private final Map<String, SourcePosition> keyPositions;

    private YamlDocument(ConfigNode root, Map<String, SourcePosition> valuePositions, Map<String, SourcePosition> keyPositions) {
        this.root = root;
        this.valuePositions = valuePositions;
        this.keyPositions = keyPositions;
    }

    /** Where the value at {@code path} starts, or the nearest enclosing value that has a position. */
    SourcePosition valueAt(String path) {
        for (String p = path; ; p = ConfigPath.parent(p)) {
            SourcePosition position = valuePositions.get(p);
            if (position != null) return position;
            if (p.isEmpty()) return SourcePosition.START;
        }
    }

    /** Where the key naming the value at {@code path} stands, falling back to the value. */
    SourcePosition keyAt(String path) {
        SourcePosition position = keyPositions.get(path);
        return position != null ? position : valueAt(path);
    }

    /**
     * Parses {@code content}; problems go to {@code problems} and the result is null when
     * the document could not be read at all.
     */
    static YamlDocument parse(String file, String content, List<ConfigProblem> problems) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(ConfigLoader.MAX_FILE_BYTES);
        options.setAllowRecursiveKeys(false);
        Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(), options,
                new CoreSchemaResolver());
        Node node;
        try {
            node = yaml.compose(new StringReader(content));
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
        Converter converter = new Converter(file, problems);
        ConfigNode root = converter.convert(node, "", 0);
        if (converter.aborted) return null;
        return new YamlDocument(root, converter.valuePositions, converter.keyPositions);
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

    private static String syntaxMessage(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
        String context = e.getContext();
        String text = context == null ? problem : context + ": " + problem;
        return "YAML syntax error: " + text.replaceAll("\\s+", " ").trim();
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

    private static final class Converter {
        final String file;
        final List<ConfigProblem> problems;
        final Map<String, SourcePosition> valuePositions = new HashMap<>();
        final Map<String, SourcePosition> keyPositions = new HashMap<>();
        int values;
        long characters;
        boolean aborted;

        Converter(String file, List<ConfigProblem> problems) {
            this.file = file;
            this.problems = problems;
        }

        ConfigNode convert(Node node, String path, int depth) {
            if (aborted) return ConfigNode.NULL;
            if (++values > MAX_VALUES) {
                problems.add(problem(file, node.getStartMark(), ConfigPath.display(path),
                        "the document expands to more than " + MAX_VALUES + " values (too many YAML aliases?)"));
                aborted = true;
                return ConfigNode.NULL;
            }
            if (depth > MAX_NESTING) {
                problems.add(problem(file, node.getStartMark(), ConfigPath.display(path), "nested more than " + MAX_NESTING + " levels deep"));
                aborted = true;
                return ConfigNode.NULL;
            }
            valuePositions.putIfAbsent(path, position(node));
            Tag tag = node.getTag();
            if (!PLAIN_TAGS.contains(tag)) {
                problems.add(problem(file, node.getStartMark(), ConfigPath.display(path),
                        "YAML tag " + tag.getValue() + " is not allowed; use plain values"));
                return ConfigNode.NULL;
            }
            if (node instanceof MappingNode mapping) return convertMapping(mapping, path, depth);
            if (node instanceof SequenceNode sequence) {
                List<ConfigNode> array = new ArrayList<>();
                List<Node> items = sequence.getValue();
                for (int i = 0; i < items.size(); i++) array.add(convert(items.get(i), path + "[" + i + "]", depth + 1));
                return ConfigNode.array(array);
            }
            ScalarNode scalar = (ScalarNode) node;
            if (tooMuchText(scalar, path, scalar.getValue().length())) return ConfigNode.NULL;
            return convertScalar(scalar);
        }

        /** Counts {@code length} more characters; aliases can repeat one huge text thousands of times. */
        private boolean tooMuchText(Node node, String path, int length) {
            characters += length;
            if (characters <= MAX_CHARACTERS) return false;
            problems.add(problem(file, node.getStartMark(), ConfigPath.display(path),
                    "the document expands to more than " + MAX_CHARACTERS + " characters of text (too many YAML aliases?)"));
            aborted = true;
            return true;
        }

        private ConfigNode convertMapping(MappingNode mapping, String path, int depth) {
            Map<String, ConfigNode> object = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                Node keyNode = tuple.getKeyNode();
                if (!(keyNode instanceof ScalarNode scalarKey) || !PLAIN_TAGS.contains(keyNode.getTag())) {
                    problems.add(problem(file, keyNode.getStartMark(), ConfigPath.display(path), "keys must be plain text"));
                    continue;
                }
                String key = scalarKey.getValue();
                if (tooMuchText(keyNode, path, key.length())) return ConfigNode.object(object);
                String childPath = ConfigPath.child(path, key);
                if (object.containsKey(key)) {
                    problems.add(problem(file, keyNode.getStartMark(), childPath,
                            "duplicate key '" + key + "' (first defined on line " + keyPositions.get(childPath).line() + ")"));
                    continue;
                }
                keyPositions.put(childPath, position(keyNode));
                object.put(key, convert(tuple.getValueNode(), childPath, depth + 1));
            }
            return ConfigNode.object(object);
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
