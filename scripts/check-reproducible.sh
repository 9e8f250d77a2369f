#!/usr/bin/env bash
# Builds the current commit twice from clean copies and compares the sha256 of the published jars
# (chrome-core, chrome-servlet, chrome-cli, chrome-spring-boot-starter). Exit 0 when all are identical.
# Usage: scripts/check-reproducible.sh [extra mvn options, e.g. -o]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
commit=$(git -C "$root" rev-parse HEAD)
work=$(mktemp -d)
trap 'git -C "$root" worktree remove --force "$work/a" 2>/dev/null || true; git -C "$root" worktree remove --force "$work/b" 2>/dev/null || true; rm -rf "$work"' EXIT
modules=chrome-core,chrome-servlet,chrome-cli,chrome-spring-boot-starter
for copy in a b; do
    git -C "$root" worktree add --detach --quiet "$work/$copy" "$commit"
    # keep the caller's Maven settings (such as a local repository) if the work tree has them
    if [ -f "$root/.mvn/maven.config" ]; then mkdir -p "$work/$copy/.mvn" && cp "$root/.mvn/maven.config" "$work/$copy/.mvn/"; fi
    (cd "$work/$copy" && mvn -B -q "$@" clean package -DskipTests -pl "$modules" -am >&2)
    (cd "$work/$copy" && sha256sum chrome-core/target/*.jar chrome-servlet/target/*.jar chrome-cli/target/*.jar \
        chrome-spring-boot-starter/target/*.jar) > "$work/$copy.sha256"
done
cat "$work/a.sha256"
if diff "$work/a.sha256" "$work/b.sha256" >&2; then
    echo "reproducible: $(wc -l < "$work/a.sha256") jars identical in two clean builds of $commit"
else
    echo "NOT reproducible: the builds of $commit differ (above)" >&2
    exit 1
fi
