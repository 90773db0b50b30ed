package jp.madoguchi.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A lean HTTP/1.1 keep-alive connection for load generation: it writes prepared requests
 * and reads whole responses (Content-Length or chunked) with little work of its own, so
 * that the client costs the shared CPU as little as possible.
 */
final class RawHttp implements Closeable {

	private final Socket socket;

	private final InputStream in;

	private final OutputStream out;

	RawHttp(int port) throws IOException {
		this.socket = new Socket("127.0.0.1", port);
		this.socket.setTcpNoDelay(true);
		this.in = new BufferedInputStream(this.socket.getInputStream(), 16384);
		this.out = this.socket.getOutputStream();
	}

	static byte[] request(String method, String path, String headers, String body) {
		byte[] content = (body != null) ? body.getBytes(StandardCharsets.UTF_8) : new byte[0];
		String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers
				+ ((body != null) ? "Content-Type: application/json\r\nContent-Length: " + content.length + "\r\n" : "")
				+ "\r\n";
		byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
		byte[] all = new byte[headBytes.length + content.length];
		System.arraycopy(headBytes, 0, all, 0, headBytes.length);
		System.arraycopy(content, 0, all, headBytes.length, content.length);
		return all;
	}

	/** Sends a request and reads the whole response; answers the status and the body. */
	Response exchange(byte[] request, boolean keepBody) throws IOException {
		this.out.write(request);
		this.out.flush();
		int status = Integer.parseInt(line().substring(9, 12));
		int length = -1;
		boolean chunked = false;
		boolean close = false;
		for (String header = line(); !header.isEmpty(); header = line()) {
			String lower = header.toLowerCase();
			if (lower.startsWith("content-length:")) {
				length = Integer.parseInt(header.substring(15).trim());
			}
			else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
				chunked = true;
			}
			else if (lower.startsWith("connection:") && lower.contains("close")) {
				close = true;
			}
		}
		ByteArrayOutputStream body = keepBody ? new ByteArrayOutputStream() : null;
		if (chunked) {
			for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
				read(size, body);
				line();
			}
			line();
		}
		else if (length > 0) {
			read(length, body);
		}
		return new Response(status, (body != null) ? body.toString(StandardCharsets.UTF_8) : null, close);
	}

	/** Reads one line as UTF-8 text, without its CR LF. */
	String line() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		while (true) {
			int b = this.in.read();
			if (b < 0) {
				throw new EOFException();
			}
			if (b == '\n') {
				String text = bytes.toString(StandardCharsets.UTF_8);
				return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
			}
			bytes.write(b);
		}
	}

	/** The connection's input, for reading a stream after the request was written. */
	InputStream input() {
		return this.in;
	}

	void write(byte[] request) throws IOException {
		this.out.write(request);
		this.out.flush();
	}

	private void read(int count, ByteArrayOutputStream into) throws IOException {
		byte[] buffer = new byte[Math.min(count, 8192)];
		int left = count;
		while (left > 0) {
			int n = this.in.read(buffer, 0, Math.min(left, buffer.length));
			if (n < 0) {
				throw new EOFException();
			}
			if (into != null) {
				into.write(buffer, 0, n);
			}
			left -= n;
		}
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

	/** An answer; {@code close} when the server closes the connection after it. */
	record Response(int status, String body, boolean close) {
	}

}
