package io.livechat.cluster;

/**
 * The names of a cluster's Redis keys and channel, all under the cluster's name, so that several
 * chats can share one Redis.
 */
record ClusterKeys(String cluster) {

	/** Room events, one subscription per node. */
	String channel() {
		return this.cluster + ":events";
	}

	/** Hash of a room's users: name key to "clientId TAB name TAB node,node". */
	String users(String roomId) {
		return this.cluster + ":users:" + roomId;
	}

	/** The nodes that may hold users; a node's entry goes when it is reaped. */
	String nodes() {
		return this.cluster + ":nodes";
	}

	/** The public ids of the people with a connection on a node. */
	String online(String nodeId) {
		return this.cluster + ":online:" + nodeId;
	}

	/** A node's heartbeat: present while the node lives, expires when it stops beating. */
	String node(String nodeId) {
		return this.cluster + ":node:" + nodeId;
	}

}
