package io.livechat.broker;

/**
 * A connection's subscription: its id (chosen by the client), the destination the broker
 * delivers it (for a user destination, the connection's own queue) and the destination as the
 * client subscribed to it, which its frames carry.
 */
record Subscription(Outbox outbox, String id, String destination, String clientDestination) {

}
