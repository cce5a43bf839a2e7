package io.livechat.fanout;

/** A connection's subscription: its id (chosen by the client) and destination. */
record Subscription(Outbox outbox, String id, String destination) {

}
