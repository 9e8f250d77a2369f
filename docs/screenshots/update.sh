#!/usr/bin/env bash
# Regenerates the README's screenshots: the browser tests' ScreenshotTest photographs the demo in
# headless Chromium (Debian's chromium and chromium-driver, as .ci/run installs them) into
# browser-tests/target/screenshots/ (DarkThemeTest and FooterDesignTest the dark and 320 px footer ones), and this copies them here.
#
#   docs/screenshots/update.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -pl browser-tests -am verify -Dtest="ScreenshotTest,DarkThemeTest,FooterDesignTest" -Dsurefire.failIfNoSpecifiedTests=false
for name in desktop narrow phone-menu rtl signed-in dark footer-320; do
  cp "browser-tests/target/screenshots/$name.png" "docs/screenshots/$name.png"
done
echo "updated docs/screenshots/{desktop,narrow,phone-menu,rtl,signed-in,dark,footer-320}.png"
