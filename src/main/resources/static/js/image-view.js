// Images on the chat page: thumbnails in the message list, and the viewer that shows one whole.
// Beside view.js, which puts the thumbnails in its messages. Names and captions go in through
// textContent and attributes only; an img's src is only a server image path or a blob: URL made
// for it (a conversation's image, from ImageSources).

/**
 * @typedef {import('./view.js').ShownImage} ShownImage
 * @typedef {{image:ShownImage, caption:string, alt:string}} Thumbnail what a thumbnail's button opens
 */

export class ImageView {
  /** @param {import('./image-sources.js').ImageSources} sources */
  constructor(sources, doc = document) {
    this.sources = sources;
    this.doc = doc;
    this.el = {
      messages: doc.getElementById('messages'),
      viewer: doc.getElementById('image-viewer'),
      viewerImage: doc.getElementById('viewer-image'),
      viewerCaption: doc.getElementById('viewer-caption'),
      viewerClose: doc.getElementById('viewer-close'),
    };
    this.template = doc.getElementById('thumbnail-template');
    /** @type {WeakMap<Element, Thumbnail>} */
    this.thumbnails = new WeakMap();
    /** blob: URLs of the conversation's thumbnails shown */
    this.shownUrls = new Set();
    /** the viewer's blob: URL (a conversation's image), and the thumbnail that opened it */
    this.viewerUrl = null;
    this.opener = null;
    this.viewing = 0; // counts openings, so that a slow image does not land in a later one
    this.el.messages.addEventListener('click', (e) => {
      const button = e.target.closest('button.thumbnail');
      if (button) this.open(button);
    });
    this.el.viewerClose.addEventListener('click', () => this.el.viewer.close());
    this.el.viewer.addEventListener('click', (e) => {
      if (e.target === this.el.viewer) this.el.viewer.close(); // the backdrop
    });
    this.el.viewer.addEventListener('close', () => this.closed());
  }

  /**
   * A message's thumbnail: a button that opens the viewer, sized before it loads.
   * @param {ShownImage} image
   * @param {{caption:string, author:string}} message
   */
  thumbnail(image, { caption, author }) {
    const button = this.template.content.firstElementChild.cloneNode(true);
    const img = button.querySelector('img');
    const alt = caption || `Image from ${author}`;
    img.setAttribute('width', String(image.thumbnail.width));
    img.setAttribute('height', String(image.thumbnail.height));
    img.setAttribute('alt', alt);
    this.thumbnails.set(button, { image, caption, alt });
    if (image.restricted) {
      this.loadRestricted(img, image.thumbnailUrl);
    } else {
      img.setAttribute('loading', 'lazy');
      img.src = image.thumbnailUrl;
    }
    return button;
  }

  async loadRestricted(img, path) {
    let url;
    try {
      url = await this.sources.restricted(path);
    } catch {
      img.classList.add('unavailable');
      img.title = 'This image cannot be shown.';
      return;
    }
    if (!img.isConnected) { // the messages were cleared meanwhile
      this.sources.release(url);
      return;
    }
    this.shownUrls.add(url);
    img.src = url;
  }

  /** The messages were cleared: their conversation's images are let go. */
  clear() {
    if (this.el.viewer.open) this.el.viewer.close();
    this.shownUrls.forEach((url) => this.sources.release(url));
    this.shownUrls.clear();
  }

  /** @param {Element} button a thumbnail */
  async open(button) {
    const shown = this.thumbnails.get(button);
    if (!shown) return;
    const { image, caption, alt } = shown;
    const viewing = ++this.viewing;
    const img = this.el.viewerImage;
    this.opener = button;
    img.setAttribute('width', String(image.width));
    img.setAttribute('height', String(image.height));
    img.setAttribute('alt', alt);
    this.el.viewerCaption.textContent = caption || alt;
    // the thumbnail, already loaded, stands in until the whole image comes
    const thumbnail = button.querySelector('img').getAttribute('src');
    if (thumbnail) img.src = thumbnail;
    else img.removeAttribute('src');
    this.el.viewer.showModal();
    if (!image.restricted) {
      img.src = image.url;
      return;
    }
    let url;
    try {
      url = await this.sources.restricted(image.url);
    } catch {
      if (viewing === this.viewing) this.el.viewerCaption.textContent = 'The full image cannot be shown.';
      return;
    }
    if (viewing !== this.viewing || !this.el.viewer.open) {
      this.sources.release(url);
      return;
    }
    this.viewerUrl = url;
    img.src = url;
  }

  /** The viewer closed (Close, Escape, the backdrop): focus goes back to the thumbnail that opened it. */
  closed() {
    this.viewing += 1;
    this.el.viewerImage.removeAttribute('src');
    if (this.viewerUrl !== null) this.sources.release(this.viewerUrl);
    this.viewerUrl = null;
    if (this.opener?.isConnected) this.opener.focus();
    this.opener = null;
  }
}
