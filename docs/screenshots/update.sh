#!/usr/bin/env bash
# Regenerates the README's screenshots: the browser tests' ScreenshotTest photographs the demo in
# headless Chromium (Debian's chromium and chromium-driver, as .ci/run installs them) into
# browser-tests/target/screenshots/, and this copies the five pictures here.
#
#   docs/screenshots/update.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -pl browser-tests -am verify -Dtest=ScreenshotTest -Dsurefire.failIfNoSpecifiedTests=false
for name in desktop narrow phone-menu rtl signed-in; do
  cp "browser-tests/target/screenshots/$name.png" "docs/screenshots/$name.png"
done
echo "updated docs/screenshots/{desktop,narrow,phone-menu,rtl,signed-in}.png"
