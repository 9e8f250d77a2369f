package io.sitechrome.render;

/**
 * A static file of the chrome (stylesheet or script). Its name carries a hash of its
 * content, so it can be cached forever.
 *
 * @param name        the file name, such as {@code chrome.3f9a1c2b7d.css}
 * @param contentType the media type to serve it with, such as {@code text/css; charset=utf-8}
 * @param bytes       the file's content
 * @param etag    a strong ETag, quoted
 * @param gzipped the same bytes, gzip-compressed
 */
public record Asset(String name, String contentType, byte[] bytes, byte[] gzipped, String etag) {
}
