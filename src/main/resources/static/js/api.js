// The REST side of the server (docs/protocol.md, "REST"): the rooms, and pages of a room's history.

/** @returns {Promise<import('./destinations.js').RoomSummary[]>} no rooms when the server cannot say */
export async function fetchRooms() {
  try {
    const response = await fetch('/api/rooms');
    return response.ok ? await response.json() : [];
  } catch {
    return [];
  }
}

/**
 * The newest 50 messages of a room below `beforeId`, oldest first.
 * @returns {Promise<{room:string, messages:import('./destinations.js').ChatMessage[], hasMore:boolean}>}
 */
export async function fetchOlder(room, beforeId) {
  const response = await fetch(`/api/rooms/${encodeURIComponent(room)}/messages?before=${beforeId}&limit=50`);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}
