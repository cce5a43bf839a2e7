package io.livechat.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A {@link ClientSocket} that keeps what is sent on it, for protocol tests without a server. */
final class RecordingSocket implements ClientSocket {

	final List<String> sent = new ArrayList<>();

	private boolean outputClosed;

	@Override
	public void send(CharSequence text) {
		this.sent.add(text.toString());
	}

	@Override
	public CompletableFuture<?> sendClose() {
		this.outputClosed = true;
		return CompletableFuture.completedFuture(null);
	}

	@Override
	public boolean isOutputClosed() {
		return this.outputClosed;
	}

	@Override
	public void abort() {
		this.outputClosed = true;
	}

}
