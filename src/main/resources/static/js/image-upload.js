// The image on its way from this page: the one chosen (with the attach button, pasted or dropped),
// previewed until Send or Cancel, then uploaded with its progress shown and sent as a message whose
// text is what the message input says (its caption). The upload request and what each refusal
// says live here; no DOM (ImageView draws the preview, ChatView owns the input and the notices).
import { CLIENT_HEADER, Destinations } from './destinations.js';

/** What the server takes (it checks the bytes themselves too). */
const ACCEPTED_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];

/** What a refusal says when its answer carries no message of the server's own. */
const REFUSALS = {
  0: 'The image could not be uploaded: the connection failed. Please try again.',
  400: 'The image could not be uploaded. Please try again.',
  403: 'You are not in the chat yet, so images cannot be sent. Wait until it is connected.',
  411: 'The image could not be uploaded: the browser did not say its size.',
  413: 'That image is too large to send.',
  415: 'That file is not a PNG, JPEG, GIF or WebP image.',
  422: 'That image has too many pixels to send.',
  429: 'You are sending images too fast. Wait a moment, then try again.',
  503: 'The server is busy. Please try again in a moment.',
};

/**
 * The upload limit until the server has said its own (GET /api/uploads): a larger picture (a 4K
 * screenshot can be) is re-encoded as a JPEG before it is sent, which makes most of them a
 * fraction of the size; one that stays larger is not sent at all.
 */
const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

/** JPEG qualities tried in turn on a picture over the limit. */
const QUALITIES = [0.92, 0.8, 0.6];

/** Refusals after which the same file could go through later: its preview stays. */
const RETRYABLE = new Set([0, 403, 429, 503]);

export class ImageUpload {
  /**
   * @param {{images:import('./image-view.js').ImageView, view:import('./view.js').ChatView, clientId:string,
   *   send:(image:string, caption:string)=>boolean, shown:()=>string}} options `send` sends the
   *   uploaded image with its caption to the room or conversation shown (through the outbox), and
   *   returns whether it was taken;
   *   `shown` names the room or conversation shown
   */
  constructor({ images, view, clientId, send, shown }) {
    this.images = images;
    this.view = view;
    this.clientId = clientId;
    this.send = send;
    this.shown = shown;
    /** @type {string|null} where Send was pressed: the image goes there or nowhere */
    this.target = null;
    /** @type {File|null} the image previewed */
    this.file = null;
    /** @type {XMLHttpRequest|null} its upload, while on its way */
    this.request = null;
    /** @type {string|null} its id once uploaded, until it is sent */
    this.uploaded = null;
    images.bindChoose((file) => this.choose(file));
    images.bindCancel(() => this.cancel());
    view.bindSendAttached(() => this.submit());
  }

  /** @param {File} file an image picked, pasted or dropped: previewed, replacing any other */
  choose(file) {
    if (file.type && !ACCEPTED_TYPES.includes(file.type)) {
      this.view.showNotice('Only PNG, JPEG, GIF and WebP images can be sent.');
      return;
    }
    this.cancel();
    this.file = file;
    this.images.showPreview(file);
    this.view.focusInput();
  }

  /** Send was pressed: returns whether an image takes it (then the text is its caption). */
  submit() {
    if (this.file === null) return false;
    if (this.request !== null) return true; // on its way already
    this.target = this.shown();
    if (this.uploaded !== null) this.deliver();
    else this.upload();
    return true;
  }

  /** Cancel or Escape: stops an upload on its way and drops the image; the caption stays typed. */
  cancel() {
    if (this.file === null) return;
    const request = this.request;
    this.request = null;
    request?.abort();
    this.file = null;
    this.uploaded = null;
    this.images.hidePreview();
  }

  async upload() {
    const chosen = this.file;
    const request = new XMLHttpRequest();
    this.request = request;
    this.images.showProgress(0);
    const maxBytes = await uploadLimit();
    const file = await fitted(chosen, maxBytes);
    if (this.request !== request) return; // cancelled meanwhile
    if (file.size > maxBytes) { // refused here: a body that large would be cut off, its answer perhaps lost
      this.request = null;
      this.refused(413, { error: `An image may be at most ${megabytes(maxBytes)}.` });
      return;
    }
    const body = new FormData();
    body.append('file', file, file.name || 'image');
    request.open('POST', Destinations.uploads);
    request.setRequestHeader(CLIENT_HEADER, this.clientId);
    request.upload.addEventListener('progress', (e) => {
      if (this.request === request) this.images.showProgress(e.lengthComputable ? e.loaded / e.total : null);
    });
    request.addEventListener('load', () => {
      if (this.request !== request) return; // cancelled
      this.request = null;
      const answer = parse(request.responseText);
      if (request.status === 201 && typeof answer?.id === 'string') {
        this.uploaded = answer.id;
        this.images.showProgress(1);
        this.deliver();
      } else {
        this.refused(request.status, answer);
      }
    });
    request.addEventListener('error', () => {
      if (this.request !== request) return;
      this.request = null;
      this.refused(0, null);
    });
    request.send(body);
  }

  /** The upload is done: the message goes with the caption typed now, where Send was pressed. */
  deliver() {
    if (this.shown() !== this.target) {
      this.cancel();
      this.view.showNotice('The image was not sent: another room or conversation is shown now.');
      return;
    }
    if (!this.send(this.uploaded, this.view.draft())) { // the outbox is full: it said so
      this.images.stopProgress();
      return;
    }
    this.file = null;
    this.uploaded = null;
    this.images.hidePreview();
    this.view.clearDraft();
  }

  /**
   * The server (or the network) refused the upload: say why; the caption stays typed, and the
   * image too when it could go through later.
   * @param {number} status 0 when no answer came
   * @param {import('./destinations.js').UploadRefusal|null} answer
   */
  refused(status, answer) {
    const said = typeof answer?.error === 'string' && answer.error.trim() ? answer.error : null;
    this.view.showNotice(said ?? REFUSALS[status] ?? `The image could not be uploaded (HTTP ${status}).`);
    if (RETRYABLE.has(status)) {
      this.images.stopProgress();
    } else {
      this.file = null;
      this.images.hidePreview();
    }
    this.view.focusInput();
  }
}

/**
 * The file to upload: as chosen, or, when it is over the limit and not a GIF (whose animation a
 * JPEG would lose), the same picture as a JPEG small enough (on white, for any transparency). A
 * picture the browser cannot draw, or that stays too big, goes as it is: the server says why not.
 * @param {File} file
 * @returns {Promise<File>}
 */
async function fitted(file, maxBytes) {
  if (file.size <= maxBytes || file.type === 'image/gif' || typeof createImageBitmap !== 'function') return file;
  try {
    const bitmap = await createImageBitmap(file);
    const canvas = document.createElement('canvas');
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    const context = canvas.getContext('2d');
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(bitmap, 0, 0);
    bitmap.close();
    for (const quality of QUALITIES) {
      const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
      if (blob !== null && blob.size <= maxBytes) {
        const name = (file.name || 'image').replace(/\.[^.]*$/, '') + '.jpg';
        return new File([blob], name, { type: 'image/jpeg' });
      }
    }
  } catch {
    // not drawable here: the server decides
  }
  return file;
}

/** @type {Promise<number>|null} the server's upload limit, asked once */
let limit = null;

/** @returns {Promise<number>} the largest file the server takes, in bytes */
function uploadLimit() {
  limit ??= fetch(Destinations.uploads)
    .then((response) => (response.ok ? response.json() : null))
    .then((limits) => (Number.isInteger(limits?.maxBytes) && limits.maxBytes > 0 ? limits.maxBytes : DEFAULT_MAX_BYTES))
    .catch(() => DEFAULT_MAX_BYTES);
  return limit;
}

/** A size as the server says it: "5 MB", "300 KB", "1500 bytes". */
function megabytes(bytes) {
  if (bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MB`;
  return bytes % 1024 === 0 ? `${bytes / 1024} KB` : `${bytes} bytes`;
}

function parse(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
