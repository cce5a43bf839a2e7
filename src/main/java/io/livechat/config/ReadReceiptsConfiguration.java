package io.livechat.config;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import io.livechat.chat.ChatEvents;
import io.livechat.chat.MessageStore;
import io.livechat.chat.PublishedMessages;
import io.livechat.chat.Room;
import io.livechat.chat.RoomRegistry;
import io.livechat.reads.NewestIds;
import io.livechat.reads.ReadNotices;
import io.livechat.reads.ReadPositionStore;
import io.livechat.reads.ReadReceipts;
import io.livechat.reads.ReadsPace;
import io.livechat.reads.ReceiptAudience;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Read positions, with the store that {@code persistence} provides, told to this node's
 * connections through the {@code chatEvents} and the {@link ReceiptAudience} of {@code stomp};
 * in a cluster, {@code cluster} provides the {@link ReadNotices} that tell the other nodes.
 */
@Configuration(proxyBeanMethods = false)
class ReadReceiptsConfiguration {

	@Bean
	NewestIds newestIds(MessageStore store, PublishedMessages publishedMessages) {
		return new NewestIds(store, publishedMessages);
	}

	/**
	 * Loads the kept positions at start, then sends the coalesced rounds every presence interval
	 * (a big room's {@code reads} events less often).
	 */
	@Bean
	ReadReceipts readReceipts(LiveChatProperties properties, ReadPositionStore readPositionStore, NewestIds newestIds,
			ObjectProvider<RoomRegistry> registry, @Qualifier("chatEvents") ChatEvents transport,
			ReceiptAudience receiptAudience, ObjectProvider<ReadNotices> clusterNotices,
			ScheduledExecutorService readsScheduler) {
		ReadReceipts receipts = new ReadReceipts(properties.rooms().stream().map(Room::id).toList(), readPositionStore,
				newestIds, (roomId) -> registry.getObject().members(roomId), transport, receiptAudience,
				clusterNotices.getIfAvailable(() -> ReadNotices.NONE), ReadsPace.everyRound(properties.presenceInterval()),
				System::nanoTime);
		receipts.start(readsScheduler);
		return receipts;
	}

	/** Sends the rounds of read positions and unread counts. */
	@Bean(destroyMethod = "shutdown")
	ScheduledExecutorService readsScheduler() {
		return Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("chat-reads-"));
	}

}
