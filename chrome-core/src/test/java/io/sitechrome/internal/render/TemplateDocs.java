package io.sitechrome.internal.render;

import io.sitechrome.internal.render.TemplateContract.Param;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes docs/templates.md from the built-in templates' params files. */
final class TemplateDocs {

    /** The command that rewrites the file, which the file states. */
    static final String REGENERATE = "mvn -B -o -q test -pl chrome-core -am -Dtest=TemplateContractTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dsite-chrome.regenerate-docs=true";

    private TemplateDocs() {
    }

    static String markdown(Map<String, TemplateContract> contracts) {
        StringBuilder md = new StringBuilder();
        md.append("# Template inputs\n\n")
                .append("<!-- Generated from chrome-core/src/main/resources/io/sitechrome/render/components/*/*.params.yaml.\n")
                .append("     Do not edit: edit the params files, then run\n     ").append(REGENERATE).append("\n")
                .append("     (TemplateContractTest fails while this file is out of date.) -->\n\n")
                .append("""
                        A designer's template folder (`site.templates`, see
                        [Templates and reloading](configuration.md#templates-and-reloading)) replaces any
                        built-in template by file name: `header.mustache` in the folder replaces the built-in
                        header. Each built-in template lives in its own folder,
                        `chrome-core/src/main/resources/io/sitechrome/render/components/NAME/`, next to
                        `NAME.params.yaml`, the inputs listed here: the names a template may use, with their
                        type and meaning. These names are the contract: a test checks that every name a
                        built-in template uses is documented here, that every documented name is in the
                        code with its type, and that an override using only these names renders with each
                        of them filled in.

                        Types: `string` (printed with `{{name}}`, HTML-escaped), `boolean` (for
                        `{{#name}}...{{/name}}` and `{{^name}}...{{/name}}`), `integer`, `object` (a
                        section `{{#name}}...{{/name}}` renders once when it is there, with its inputs
                        inside), `array` (a section renders once per element, with the element's inputs
                        inside). Inside a section, the names of the enclosing sections remain visible.
                        An input that is not *required* may be absent: test it with a section first.
                        A partial (`{{> account-menu}}`) is rendered with the inputs of the template that
                        includes it.

                        """);
        md.append("| Template | Renders |\n|---|---|\n");
        contracts.values().forEach(c -> md.append("| [`").append(c.template()).append("`](#").append(c.template())
                .append(") | ").append(firstSentence(c.description())).append(" |\n"));
        for (TemplateContract contract : contracts.values()) {
            md.append("\n## ").append(contract.template()).append("\n\n")
                    .append("`").append(contract.template()).append(".mustache`: ").append(contract.description()).append("\n");
            if (contract.renderedWith() != null) {
                md.append("\nIt also sees every input of [`").append(contract.renderedWith()).append("`](#")
                        .append(contract.renderedWith()).append(").\n");
            }
            for (TemplateContract partial : contracts.values()) {
                if (!contract.template().equals(partial.renderedWith())) continue;
                md.append("\nIt also has the inputs of the partial it includes, [`").append(partial.template()).append("`](#")
                        .append(partial.template()).append(") (").append(partial.params().stream().map(p -> "`" + p.name() + "`")
                                .collect(Collectors.joining(", "))).append("), for an override that does without it.\n");
            }
            md.append("\n| Name | Type | Required | Description |\n|---|---|---|---|\n");
            for (Param param : contract.params()) row(md, "", param);
            if (contract.example() != null) {
                md.append("\nAn override (`").append(contract.template()).append(".mustache` in the template folder):\n\n```mustache\n")
                        .append(contract.example()).append(contract.example().endsWith("\n") ? "" : "\n").append("```\n");
            }
        }
        return md.toString();
    }

    private static void row(StringBuilder md, String parent, Param param) {
        String path = parent + param.name();
        String type = param.items() != null ? "array of " + param.items() : param.type();
        String description = param.description().replace("|", "\\|");
        if (param.paramsOf() != null) {
            description += " Inputs: those of [`" + param.paramsOf() + "`](#" + param.paramsOf() + ").";
        }
        md.append("| `").append(path).append("` | ").append(type).append(" | ").append(param.required() ? "yes" : "no")
                .append(" | ").append(description).append(" |\n");
        if (param.paramsOf() != null) return;
        String prefix = path + (param.type().equals("array") ? "[]." : ".");
        for (Param nested : param.params()) row(md, prefix, nested);
    }

    private static String firstSentence(String text) {
        int comma = text.indexOf(", ");
        int stop = text.indexOf(". ");
        int end = stop < 0 ? text.length() : stop + 1;
        if (comma > 0 && comma < end) end = comma;
        String sentence = text.substring(0, end);
        return sentence.endsWith(".") ? sentence : sentence + ".";
    }
}
