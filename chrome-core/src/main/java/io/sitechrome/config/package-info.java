/**
 * Where a site's chrome configuration comes from, and what is wrong with it: {@link io.sitechrome.config.ConfigSource}
 * and its factories ({@code file}, {@code of}) for a file, a URL or a layered {@code extends:} chain, the
 * {@link io.sitechrome.config.SourceOptions} for fetching by URL, the {@link io.sitechrome.config.ConfigContent} a
 * source reads, and the {@link io.sitechrome.config.ConfigProblem}s ({@code FILE:LINE:COLUMN: path: message})
 * carried by a {@link io.sitechrome.config.ConfigException}. {@link io.sitechrome.config.UrlPolicy} is the rule
 * for the URLs a configuration and a request may carry.
 *
 * <p>Parsing, schema validation and binding live in {@code io.sitechrome.internal.config}.
 */
package io.sitechrome.config;
