package io.sitechrome.config;

/**
 * Configuration files at the documented limits, shaped to make the loader's work grow with the
 * length of key paths: the worst cases a size limit alone does not bound. Shared by the forked
 * small-heap test and the benchmarks.
 */
public final class LargeShapes {

    private static final String MINIMAL = """
            site:
              name: Demo
              url: https://www.example.com/
              locales:
                - { tag: en, name: English }
            brand:
              name: { text: Demo, href: / }
            """;

    private LargeShapes() {
    }

    /**
     * 39 levels of 1,000-character keys with 49,000 values at the bottom, in flow style: every
     * value's key path is 39,000 characters long. About 570 KB.
     *
     * @return the YAML text
     */
    public static String deep() {
        StringBuilder yaml = new StringBuilder(600_000).append(MINIMAL);
        int levels = 39;
        for (int level = 0; level < levels; level++) yaml.append(level == 0 ? "" : "{").append(key(level, 1_000)).append(": ");
        yaml.append('{');
        for (int i = 0; i < 49_000; i++) yaml.append(i == 0 ? "" : ", ").append('v').append(i).append(": 1");
        yaml.append('}').append("}".repeat(levels - 1)).append('\n');
        return yaml.toString();
    }

    /**
     * One explicit key of about half a megabyte, with 49,000 values under it. About 1 MB.
     *
     * @return the YAML text
     */
    public static String longExplicitKey() {
        StringBuilder yaml = new StringBuilder(1_050_000).append(MINIMAL);
        yaml.append("? ").append(key(0, 450_000)).append("\n: {");
        for (int i = 0; i < 49_000; i++) yaml.append(i == 0 ? "" : ", ").append('v').append(i).append(": 1");
        yaml.append("}\n");
        return yaml.toString();
    }

    /**
     * 39 levels of 1,000-character keys, each level holding 1,250 values of which half repeat a
     * key: a problem at every level, all the way down. About 500 KB.
     *
     * @return the YAML text
     */
    public static String deepWithDuplicates() {
        StringBuilder yaml = new StringBuilder(600_000).append(MINIMAL);
        int levels = 39;
        for (int level = 0; level < levels; level++) {
            yaml.append(key(level, 1_000)).append(": {");
            for (int i = 0; i < 1_250; i++) yaml.append('d').append(i % 625).append(": 1, ");
        }
        yaml.append("end: 1").append("}".repeat(levels)).append('\n');
        return yaml.toString();
    }

    private static String key(int level, int length) {
        String prefix = "k" + level + "-";
        return prefix + "x".repeat(length - prefix.length());
    }
}
