// A conversation's images, which only its two people may see: an <img src> cannot send the header
// the server checks, so they are fetched with this browser's clientId in it and shown through
// blob: URLs made here, each revoked when it is no longer shown. No DOM here.
import { CLIENT_HEADER } from './destinations.js';

export class ImageSources {
  /** @param {string} clientId */
  constructor(clientId) {
    this.clientId = clientId;
    /** the blob: URLs made and not yet revoked */
    this.made = new Set();
  }

  /**
   * A blob: URL of the image at `path` (a server image path), to `release` when it is not shown any more.
   * @param {string} path
   * @returns {Promise<string>} rejected when the server does not give it
   */
  async restricted(path) {
    const response = await fetch(path, { headers: { [CLIENT_HEADER]: this.clientId } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const url = URL.createObjectURL(await response.blob());
    this.made.add(url);
    return url;
  }

  /** Revokes a blob: URL made here; any other URL is left alone. */
  release(url) {
    if (this.made.delete(url)) URL.revokeObjectURL(url);
  }
}
