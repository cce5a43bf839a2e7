package io.livechat.images;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;

/**
 * A stripped image on its way to the store, in a temporary file (deleted on close): an upload
 * is streamed from the request to the database, never held whole in memory.
 */
final class ImageBuffer extends OutputStream {

	private static final int BUFFER = 64 * 1024;

	private final Path file;

	private final FileChannel channel;

	private final OutputStream out;

	private long size;

	ImageBuffer() throws IOException {
		this.file = Files.createTempFile("livechat-image-", ".part");
		this.channel = FileChannel.open(this.file, StandardOpenOption.WRITE, StandardOpenOption.READ);
		this.out = new BufferedOutputStream(Channels.newOutputStream(this.channel), BUFFER);
	}

	@Override
	public void write(int b) throws IOException {
		this.out.write(b);
		this.size++;
	}

	@Override
	public void write(byte[] bytes, int offset, int length) throws IOException {
		this.out.write(bytes, offset, length);
		this.size += length;
	}

	/** How many bytes were written. */
	long size() {
		return this.size;
	}

	/** Overwrites four bytes at {@code offset} with {@code value}, least significant first (RIFF sizes). */
	void putLittleEndianInt(long offset, long value) throws IOException {
		this.out.flush();
		ByteBuffer bytes = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) value).flip();
		while (bytes.hasRemaining()) {
			this.channel.write(bytes, offset + bytes.position());
		}
	}

	/** The bytes written, from the beginning. */
	InputStream inputStream() throws IOException {
		this.out.flush();
		return Files.newInputStream(this.file);
	}

	/** The bytes written, for a decoder (which may seek). */
	ImageInputStream imageInputStream() throws IOException {
		this.out.flush();
		return new FileImageInputStream(this.file.toFile());
	}

	/** Deletes the file. */
	@Override
	public void close() throws IOException {
		try {
			this.channel.close();
		}
		finally {
			Files.deleteIfExists(this.file);
		}
	}

}
