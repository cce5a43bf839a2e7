// Room messages and direct messages as the main panel shows them (view.js, ShownMessage).
import { Destinations } from './destinations.js';

/** The long side of a thumbnail, as the server scales it. */
const THUMBNAIL_PX = 320;

/** A server image path: the images' prefix, an id, perhaps "/thumbnail"; nothing else is shown. */
const IMAGE_PATH = new RegExp(`^${Destinations.images}[A-Za-z0-9_-]+(/thumbnail)?$`);

/**
 * @param {import('./destinations.js').ChatMessage} message
 * @param {{id:string|null, name:string}} me
 * @returns {import('./view.js').ShownMessage}
 */
export function shownRoomMessage(message, me) {
  return { id: message.id, author: message.username, text: message.text, timestamp: message.timestamp,
    mine: message.username === me.name, image: shownImage(message.image, false) };
}

/**
 * @param {import('./destinations.js').DirectMessage} dm
 * @param {{id:string|null, name:string}} me
 * @returns {import('./view.js').ShownMessage}
 */
export function shownDirectMessage(dm, me) {
  return { id: dm.id, author: dm.from.name, text: dm.text, timestamp: dm.timestamp, mine: dm.from.id === me.id,
    image: shownImage(dm.image, true) };
}

/**
 * A message's picture as shown, or null: none, or one whose URLs are not the server's image paths.
 * @param {import('./destinations.js').MessageImage|undefined} image
 * @param {boolean} restricted whether only the conversation's two people may load it (a DM's)
 * @returns {import('./view.js').ShownImage|null}
 */
export function shownImage(image, restricted) {
  if (!image || !IMAGE_PATH.test(image.url) || !IMAGE_PATH.test(image.thumbnailUrl)) return null;
  const { width, height } = image;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) return null;
  return { url: image.url, thumbnailUrl: image.thumbnailUrl, width, height, thumbnail: thumbnailSize(width, height),
    restricted };
}

/**
 * The thumbnail's size, as the server makes it: the long side at most 320, the proportions kept.
 * @returns {import('./destinations.js').Size}
 */
export function thumbnailSize(width, height) {
  const scale = Math.min(1, THUMBNAIL_PX / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/**
 * A message from someone else as a screen reader hears it when it comes: "Sam: hello", or "Sam
 * sent a picture: caption".
 * @param {import('./view.js').ShownMessage} message
 */
export function spokenMessage(message) {
  if (!message.image) return `${message.author}: ${message.text}`;
  return message.text ? `${message.author} sent a picture: ${message.text}` : `${message.author} sent a picture`;
}
