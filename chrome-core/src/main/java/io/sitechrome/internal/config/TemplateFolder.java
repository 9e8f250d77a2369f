package io.sitechrome.internal.config;

import io.sitechrome.config.ConfigProblem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The designer's template folder ({@code site.templates}) as read at one moment: the bytes of
 * every file named like a template ({@code header.mustache}), in name order. Templates are read
 * once, at load, so the configuration's version covers them and a watcher comparing versions
 * notices an edited, added or removed template.
 */
final class TemplateFolder {

    /** No template folder: nothing read, nothing refused. */
    static final TemplateFolder NONE = new TemplateFolder(null, Collections.emptySortedMap(), Collections.emptySortedMap());
    /** The names a template can have; other files in the folder are never read. */
    static final Pattern NAME = Pattern.compile("[a-z][a-z-]*\\.mustache");
    /** The most templates a folder may hold. */
    static final int MAX_FILES = 100;
    /** The largest a template may be. */
    static final int MAX_FILE_BYTES = 256 * 1024;

    private final Path folder;
    private final SortedMap<String, byte[]> files;
    /** Why a file (or, under the empty name, the folder) could not be used. */
    private final SortedMap<String, String> refusals;

    private TemplateFolder(Path folder, SortedMap<String, byte[]> files, SortedMap<String, String> refusals) {
        this.folder = folder;
        this.files = files;
        this.refusals = refusals;
    }

    /**
     * Reads every template in {@code folder}; never throws, a file that cannot be used is remembered with the reason.
     *
     * @param folder the designer's template folder, or null for none
     * @return what the folder holds now; {@link #NONE} for null
     */
    static TemplateFolder read(Path folder) {
        if (folder == null) return NONE;
        SortedMap<String, byte[]> files = new TreeMap<>();
        SortedMap<String, String> refusals = new TreeMap<>();
        List<Path> templates;
        try (Stream<Path> listing = Files.list(folder)) {
            templates = listing.filter(file -> NAME.matcher(file.getFileName().toString()).matches()).sorted().toList();
        } catch (IOException | RuntimeException e) {
            refusals.put("", "cannot list the template folder " + folder + ": " + e.getClass().getSimpleName());
            return new TemplateFolder(folder, files, refusals);
        }
        if (templates.size() > MAX_FILES) {
            refusals.put("", "the template folder " + folder + " has " + templates.size() + " templates; the limit is " + MAX_FILES);
            return new TemplateFolder(folder, files, refusals);
        }
        for (Path file : templates) {
            String name = file.getFileName().toString();
            try {
                if (!Files.isRegularFile(file)) {
                    refusals.put(name, "is not a regular file");
                } else if (Files.size(file) > MAX_FILE_BYTES) {
                    refusals.put(name, "is " + Files.size(file) + " bytes; the limit for a template is " + MAX_FILE_BYTES + " bytes");
                } else {
                    files.put(name, Files.readAllBytes(file));
                }
            } catch (IOException e) {
                refusals.put(name, "cannot be read: " + e.getClass().getSimpleName());
            }
        }
        return new TemplateFolder(folder, files, refusals);
    }

    /**
     * Adds everything read to a digest: what the version of a configuration covers besides its own bytes.
     *
     * @param digest the digest of the configuration's version, updated with each template's name and
     *               bytes and each refusal, in name order
     */
    void addTo(MessageDigest digest) {
        files.forEach((name, bytes) -> {
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(bytes);
            digest.update((byte) 0);
        });
        refusals.forEach((name, reason) -> digest.update((name + '\0' + reason + '\0').getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The templates' texts by file name; each file that cannot be used is a problem naming it.
     *
     * @param problems where a problem goes for each file (or the folder) that cannot be used, or is not UTF-8
     * @return the texts of the usable templates, by file name in name order
     */
    Map<String, String> texts(List<ConfigProblem> problems) {
        refusals.forEach((name, reason) -> problems.add(problem(name, name.isEmpty() ? reason : "template " + name + " " + reason)));
        Map<String, String> texts = new TreeMap<>();
        files.forEach((name, bytes) -> {
            try {
                texts.put(name, StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes)).toString());
            } catch (CharacterCodingException e) {
                problems.add(problem(name, "template " + name + " is not UTF-8 text"));
            }
        });
        return texts;
    }

    private ConfigProblem problem(String name, String message) {
        String file = name.isEmpty() ? folder.toString() : folder.resolve(name).toString();
        return new ConfigProblem(file, 1, 1, "site.templates", message);
    }
}
