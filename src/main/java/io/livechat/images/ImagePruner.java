package io.livechat.images;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;

import io.livechat.chat.ChatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;

/**
 * Deletes uploads never sent within {@code livechat.uploads.unsent-for}, and images whose
 * message the history pruning deleted (sent at least as long ago, so a message being stored
 * right now keeps its image), every {@code livechat.uploads.prune-interval}.
 */
class ImagePruner implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(ImagePruner.class);

	private final ImageStore store;

	private final Duration unsentFor;

	private final Duration interval;

	private final Clock clock;

	private final TaskScheduler scheduler;

	private volatile ScheduledFuture<?> pruning;

	ImagePruner(ImageStore store, Duration unsentFor, Duration interval, Clock clock, TaskScheduler scheduler) {
		this.store = store;
		this.unsentFor = unsentFor;
		this.interval = interval;
		this.clock = clock;
		this.scheduler = scheduler;
	}

	/** Deletes both kinds now; how many images. */
	int prune() {
		long cutoff = this.clock.millis() - this.unsentFor.toMillis();
		try {
			int deleted = this.store.deleteUnsentBefore(cutoff) + this.store.deleteOrphansSentBefore(cutoff);
			if (deleted > 0) {
				logger.info("Pruned {} images", deleted);
			}
			return deleted;
		}
		catch (ChatException ex) {
			logger.warn("Could not prune the images: {}", ex.getMessage());
			return 0;
		}
	}

	@Override
	public void start() {
		this.pruning = this.scheduler.scheduleWithFixedDelay(this::prune, this.interval);
	}

	@Override
	public void stop() {
		ScheduledFuture<?> pruning = this.pruning;
		if (pruning != null) {
			pruning.cancel(false);
		}
		this.pruning = null;
	}

	@Override
	public boolean isRunning() {
		return this.pruning != null;
	}

}
