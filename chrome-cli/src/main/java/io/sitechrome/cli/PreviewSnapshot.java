package io.sitechrome.cli;

import io.sitechrome.config.ConfigProblem;
import io.sitechrome.render.Chrome;
import java.util.List;

// chrome: the last good one, or null; generation: lets a page tell whether it is out of date
record PreviewSnapshot(Chrome chrome, List<ConfigProblem> problems, int generation) {

    PreviewSnapshot {
        problems = List.copyOf(problems);
    }

    boolean valid() {
        return problems.isEmpty();
    }
}
