/**
 * The {@code chrome} command line ({@link io.sitechrome.cli.ChromeCli}): {@code validate}, {@code render}
 * and {@code preview}. Its commands and exit codes are the API; the classes other than {@code ChromeCli} are
 * package-private.
 */
package io.sitechrome.cli;
