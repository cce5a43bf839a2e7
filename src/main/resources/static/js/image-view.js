// Images on the chat page: the attach button, pasting and dropping, the preview with its progress
// bar above the composer, thumbnails in the message list, and the viewer that shows one whole.
// Beside view.js, which puts the thumbnails in its messages. Names and captions go in through
// textContent and attributes only; an img's src is only a server image path or a blob: URL made
// for it (this page's own file, or a conversation's image from ImageSources).

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
      conversation: doc.querySelector('.conversation'),
      messages: doc.getElementById('messages'),
      attach: doc.getElementById('attach-button'),
      file: doc.getElementById('file-input'),
      attachment: doc.getElementById('attachment'),
      preview: doc.getElementById('attachment-preview'),
      name: doc.getElementById('attachment-name'),
      hint: doc.getElementById('attachment-hint'),
      progress: doc.getElementById('upload-progress'),
      cancel: doc.getElementById('attachment-cancel'),
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
    /** the object URL of the file previewed, the page's own */
    this.previewUrl = null;
    /** the viewer's blob: URL (a conversation's image), and the thumbnail that opened it */
    this.viewerUrl = null;
    this.opener = null;
    this.viewing = 0; // counts openings, so that a slow image does not land in a later one
    this.el.attach.addEventListener('click', () => this.el.file.click());
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

  /** @param {(file:File)=>void} handler an image picked with the button, pasted, or dropped on the conversation */
  bindChoose(handler) {
    this.el.file.addEventListener('change', () => {
      const file = this.el.file.files?.[0];
      this.el.file.value = ''; // the same file may be picked again
      if (file) handler(file);
    });
    this.doc.addEventListener('paste', (e) => {
      const file = [...(e.clipboardData?.files ?? [])].find((f) => f.type.startsWith('image/'));
      if (!file) return; // text pastes as usual
      e.preventDefault();
      handler(file);
    });
    const area = this.el.conversation;
    area.addEventListener('dragover', (e) => {
      if (!carriesFiles(e.dataTransfer)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
      area.classList.add('dropping');
    });
    area.addEventListener('dragleave', (e) => {
      if (!area.contains(e.relatedTarget)) area.classList.remove('dropping');
    });
    area.addEventListener('drop', (e) => {
      area.classList.remove('dropping');
      if (!carriesFiles(e.dataTransfer)) return;
      e.preventDefault();
      const file = e.dataTransfer.files[0];
      if (file) handler(file);
    });
  }

  /** @param {()=>void} handler Cancel, or Escape while an image is attached (and no viewer open) */
  bindCancel(handler) {
    this.el.cancel.addEventListener('click', () => handler());
    this.doc.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && !this.el.attachment.hidden && !this.el.viewer.open && !e.defaultPrevented) handler();
    });
  }

  /** @param {File} file the image to send, shown from the file itself */
  showPreview(file) {
    this.revokePreview();
    this.previewUrl = URL.createObjectURL(file);
    this.el.preview.src = this.previewUrl;
    this.el.name.textContent = file.name || 'Pasted image';
    this.el.hint.textContent = `${formatBytes(file.size)}. Type a caption if you like, then Send.`;
    this.el.progress.hidden = true;
    this.el.attachment.hidden = false;
  }

  /** @param {number|null} fraction how much is uploaded; null: unknown */
  showProgress(fraction) {
    const bar = this.el.progress;
    if (fraction === null) bar.removeAttribute('value');
    else bar.value = Math.min(1, Math.max(0, fraction));
    bar.hidden = false;
    this.el.hint.textContent = 'Uploading...';
  }

  /** The preview stays, with no upload on its way. */
  stopProgress() {
    this.el.progress.hidden = true;
    this.el.hint.textContent = 'Press Send to try again, or Cancel.';
  }

  hidePreview() {
    this.el.attachment.hidden = true;
    this.el.progress.hidden = true;
    this.el.progress.value = 0;
    this.el.preview.removeAttribute('src');
    this.revokePreview();
  }

  revokePreview() {
    if (this.previewUrl !== null) URL.revokeObjectURL(this.previewUrl);
    this.previewUrl = null;
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

function carriesFiles(transfer) {
  return transfer !== null && [...transfer.types].includes('Files');
}

function formatBytes(bytes) {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
