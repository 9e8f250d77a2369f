package io.sitechrome.internal.render;

import com.github.mustachejava.Code;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.codes.IterableCode;
import com.github.mustachejava.codes.NotIterableCode;
import com.github.mustachejava.codes.PartialCode;
import com.github.mustachejava.codes.ValueCode;
import io.sitechrome.internal.render.TemplateContract.Param;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Walks a compiled template's tags the way Mustache.java resolves them (each name looked up from
 * the innermost section outwards, partials rendered where they are included) and reports every
 * name that the documented inputs do not have, or that is used against its type.
 */
final class TemplateNames {

    /** What a section pushed: the inputs of an object, or (for a plain value) none but {@code .}. */
    private record Frame(List<Param> params, boolean value) {
    }

    private final List<String> problems = new ArrayList<>();
    private final Set<String> partials = new TreeSet<>();
    private final Deque<Frame> stack = new ArrayDeque<>();

    private TemplateNames() {
    }

    /**
     * @param template the template's name, for the messages
     * @param compiled the compiled template, its partials compiled with it
     * @param scope    the inputs it sees at its top level
     * @return the walk's findings
     */
    static TemplateNames check(String template, Mustache compiled, List<Param> scope) {
        TemplateNames names = new TemplateNames();
        names.stack.push(new Frame(scope, false));
        names.walk(template, compiled.getCodes());
        return names;
    }

    /** @return one line per undocumented or misused name: {@code TEMPLATE: {{TAG}} ...} */
    List<String> problems() {
        return problems;
    }

    /** @return the partials the template includes, directly or through others */
    Set<String> partials() {
        return partials;
    }

    private void walk(String template, Code[] codes) {
        if (codes == null) return;
        for (Code code : codes) {
            if (code instanceof PartialCode) {
                String partial = code.getName();
                partials.add(partial);
                walk(partial, code.getCodes());
            } else if (code instanceof NotIterableCode) {
                resolve(template, "^", code.getName());
                walk(template, code.getCodes());
            } else if (code instanceof IterableCode) {
                Param param = resolve(template, "#", code.getName());
                stack.push(param == null ? new Frame(List.of(), false)
                        : param.type().equals("array") && param.items() != null ? new Frame(List.of(), true)
                        : param.isScalar() ? new Frame(List.of(), true)
                        : new Frame(param.params(), false));
                walk(template, code.getCodes());
                stack.pop();
            } else if (code instanceof ValueCode) {
                String name = code.getName();
                if (name.equals(".")) {
                    if (!stack.peek().value()) problems.add(template + ": {{.}} outside a section over plain values");
                    continue;
                }
                Param param = resolve(template, "", name);
                if (param != null && !param.isScalar()) {
                    problems.add(template + ": {{" + name + "}} prints " + param.name() + ", which is an " + param.type());
                }
            } else {
                walk(template, code.getCodes());
            }
        }
    }

    /** The documented input {@code name} (dotted names step into objects) names, or null after reporting it. */
    private Param resolve(String template, String sigil, String name) {
        String[] parts = name.split("\\.");
        Param found = null;
        for (Iterator<Frame> frames = stack.iterator(); frames.hasNext() && found == null; ) {
            found = find(frames.next().params(), parts[0]);
        }
        for (int i = 1; i < parts.length && found != null; i++) found = find(found.params(), parts[i]);
        if (found == null) problems.add(template + ": {{" + sigil + name + "}} is not a documented input here");
        return found;
    }

    private static Param find(List<Param> params, String name) {
        for (Param param : params) {
            if (param.name().equals(name)) return param;
        }
        return null;
    }
}
