package io.sitechrome.servlet;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, one request per connection, for requests no well-behaved client
 * sends: any bytes in the request line and headers, CR and LF included. Responses are read raw, so
 * that a header split by an injected line break shows.
 */
final class RawHttp {

    /** One header line as sent, split at its first colon. */
    record Header(String name, String value) {
    }

    /**
     * A response; {@code status} is -1 when the server closed the connection without answering,
     * as a server may for a request it will not read.
     */
    record Response(int status, List<Header> headers, byte[] head, byte[] body) {

        String header(String name) {
            return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst().orElse(null);
        }

        List<String> headers(String name) {
            return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).toList();
        }

        String text() {
            return new String(body, UTF_8);
        }

        boolean isHtml() {
            String type = header("Content-Type");
            return status == 200 && type != null && type.toLowerCase(Locale.ROOT).startsWith("text/html");
        }

        @Override
        public String toString() {
            return status + " " + new String(head, ISO_8859_1).replace("\r\n", " | ");
        }
    }

    private final URI base;

    RawHttp(URI base) {
        this.base = base;
    }

    /** The origin a same-site browser sends. */
    String origin() {
        return "http://" + base.getHost() + ":" + base.getPort();
    }

    /** {@code headers} alternate names and values; each value is sent as its UTF-8 bytes, unchanged. */
    Response get(String target, String... headers) throws IOException {
        return send("GET", target, null, headers);
    }

    /** A form POST ({@code application/x-www-form-urlencoded}) of {@code form}, sent as it is. */
    Response post(String target, String form, String... headers) throws IOException {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/x-www-form-urlencoded";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return send("POST", target, form.getBytes(UTF_8), all);
    }

    Response send(String method, String target, byte[] body, String... headers) throws IOException {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes((method + " " + target + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\nConnection: close\r\n").getBytes(UTF_8));
        for (int i = 0; i + 1 < headers.length; i += 2) request.writeBytes((headers[i] + ": " + headers[i + 1] + "\r\n").getBytes(UTF_8));
        if (body != null) request.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(UTF_8));
        request.writeBytes("\r\n".getBytes(UTF_8));
        if (body != null) request.writeBytes(body);
        return exchange(request.toByteArray(), method.equals("HEAD"));
    }

    /** Sends {@code request} exactly as given and reads the whole response. */
    Response exchange(byte[] request, boolean head) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException refusedWhileSending) {
                // the server may answer and close before reading a huge request; read what it sent
            }
            byte[] raw;
            try {
                raw = readAll(socket.getInputStream());
            } catch (SocketTimeoutException e) {
                throw new IOException("no complete response within 15 s", e);
            } catch (IOException reset) {
                raw = new byte[0];
            }
            return parse(raw, head);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[65_536];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) all.write(buffer, 0, n);
        } catch (IOException reset) {
            if (all.size() == 0) throw reset;
        }
        return all.toByteArray();
    }

    private static Response parse(byte[] raw, boolean head) {
        int end = indexOf(raw, "\r\n\r\n".getBytes(ISO_8859_1), 0);
        if (raw.length == 0 || end < 0) return new Response(-1, List.of(), raw, new byte[0]);
        byte[] headBytes = java.util.Arrays.copyOfRange(raw, 0, end);
        String[] lines = new String(headBytes, ISO_8859_1).split("\r\n", -1);
        String[] status = lines[0].split(" ", 3);
        List<Header> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.add(colon < 0 ? new Header(lines[i], null) : new Header(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim()));
        }
        byte[] rest = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        Response response = new Response(Integer.parseInt(status[1]), headers, headBytes, rest);
        if (head) return new Response(response.status(), headers, headBytes, new byte[0]);
        String encoding = response.header("Transfer-Encoding");
        if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            return new Response(response.status(), headers, headBytes, unchunk(rest));
        }
        String length = response.header("Content-Length");
        if (length != null && Integer.parseInt(length) <= rest.length) {
            rest = java.util.Arrays.copyOf(rest, Integer.parseInt(length));
        }
        return new Response(response.status(), headers, headBytes, rest);
    }

    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(chunked, "\r\n".getBytes(ISO_8859_1), at);
            if (lineEnd < 0) break;
            String size = new String(chunked, at, lineEnd - at, ISO_8859_1).split(";")[0].trim();
            int length = Integer.parseInt(size, 16);
            if (length == 0) break;
            body.write(chunked, lineEnd + 2, Math.min(length, chunked.length - lineEnd - 2));
            at = lineEnd + 2 + length + 2;
        }
        return body.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) continue outer;
            }
            return i;
        }
        return -1;
    }
}
