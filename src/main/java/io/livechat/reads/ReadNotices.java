package io.livechat.reads;

/**
 * Tells the other nodes that a position moved or a setting changed here, so that their
 * connections hear it too ({@link ReadReceipts#advancedElsewhere}, {@link ReadReceipts#receiptsChangedElsewhere}).
 * Must not block. {@link #NONE}: a node alone.
 */
public interface ReadNotices {

	ReadNotices NONE = new ReadNotices() {

		@Override
		public void advanced(String person, String roomId, long lastRead) {
		}

		@Override
		public void receiptsChanged(String person, boolean on) {
		}

	};

	void advanced(String person, String roomId, long lastRead);

	void receiptsChanged(String person, boolean on);

}
