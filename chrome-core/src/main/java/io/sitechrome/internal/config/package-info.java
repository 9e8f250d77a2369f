/**
 * Loading a configuration: the YAML reader that keeps every node's position, the validator that checks the
 * tree against the bundled JSON Schema, the binder to {@code io.sitechrome.model}, and the file, URL and
 * layered sources behind {@code io.sitechrome.config.ConfigSource}.
 *
 * <p><strong>Not API.</strong> This package is internal to site-chrome: its types are public only so
 * that the library's own packages and modules can use them. Do not depend on it; it may change or go
 * away in any release without notice (see the compatibility policy in the README).
 */
package io.sitechrome.internal.config;
