package io.livechat.images;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;

import io.livechat.chat.ChatException;
import io.livechat.chat.ErrorCode;
import io.livechat.config.LiveChatProperties;
import io.livechat.direct.DirectMessages;
import io.livechat.people.PublicIds;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/uploads} (one multipart part, {@code file}) and {@code GET /api/images/{id}}
 * and {@code /thumbnail}. Who is asking is the {@code clientId} in {@value #CLIENT_HEADER}: an
 * upload needs a joined connection of that person on some node; a conversation's images are
 * served to its two people only, asked the same way.
 * <p>
 * Checked before the body is read: the client (403), the rate (429); the length was capped by
 * the request filter (413) before that.
 */
@RestController
class ImageController {

	static final String CLIENT_HEADER = "X-LiveChat-Client";

	static final String UPLOADS = "/api/uploads";

	/** A served image is never anything but its stored type, and runs nothing. */
	private static final String IMAGE_POLICY = "default-src 'none'";

	private final ImageUploads uploads;

	private final Images images;

	private final UploadRates rates;

	private final PublicIds publicIds;

	private final DirectMessages people;

	private final DataSize maxBytes;

	private final String refusal;

	private final long maxPixels;

	ImageController(ImageUploads uploads, Images images, UploadRates rates, PublicIds publicIds, DirectMessages people,
			LiveChatProperties properties) {
		this.uploads = uploads;
		this.images = images;
		this.rates = rates;
		this.publicIds = publicIds;
		this.people = people;
		this.maxBytes = properties.uploads().maxBytes();
		this.refusal = UploadLimits.refusal(properties.uploads());
		this.maxPixels = properties.uploads().maxPixels();
	}

	@PostMapping(UPLOADS)
	ResponseEntity<?> upload(@RequestHeader(name = CLIENT_HEADER, required = false) String clientId,
			HttpServletRequest request) throws IOException {
		String owner = joinedPerson(clientId);
		if (owner == null) {
			return problem(HttpStatus.FORBIDDEN, "Join a room before sending an image.");
		}
		if (!this.rates.tryAcquire(owner)) {
			return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
				.header(HttpHeaders.RETRY_AFTER, Long.toString(this.rates.retryAfterSeconds()))
				.body(Map.of("error", "You are sending images too fast; wait a moment and try again."));
		}
		Part file = filePart(request);
		if (file == null) {
			return problem(HttpStatus.BAD_REQUEST, "Send the image as a multipart part named 'file'.");
		}
		try {
			if (file.getSize() > this.maxBytes.toBytes()) {
				return tooLarge();
			}
			UploadedImage image = this.uploads.upload(owner, file::getInputStream);
			return ResponseEntity.status(HttpStatus.CREATED).body(image);
		}
		finally {
			file.delete();
		}
	}

	/** What an upload may be, for a page to check before it sends one. */
	@GetMapping(UPLOADS)
	Map<String, Long> limits() {
		return Map.of("maxBytes", this.maxBytes.toBytes(), "maxPixels", this.maxPixels);
	}

	@GetMapping("/api/images/{id}")
	ResponseEntity<byte[]> image(@PathVariable String id,
			@RequestHeader(name = CLIENT_HEADER, required = false) String clientId) {
		return serve(id, clientId, false);
	}

	@GetMapping("/api/images/{id}/thumbnail")
	ResponseEntity<byte[]> thumbnail(@PathVariable String id,
			@RequestHeader(name = CLIENT_HEADER, required = false) String clientId) {
		return serve(id, clientId, true);
	}

	private ResponseEntity<byte[]> serve(String id, String clientId, boolean thumbnail) {
		Optional<StoredImage> found = this.images.sent(id)
			.filter((image) -> !Images.isPrivate(image) || Images.mayView(image, joinedPerson(clientId)));
		Optional<byte[]> content = found.flatMap((image) -> this.images.content(image, thumbnail));
		if (content.isEmpty()) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND)
				.header("Content-Security-Policy", IMAGE_POLICY)
				.build();
		}
		StoredImage image = found.get();
		CacheControl caching = Images.isPrivate(image)
				? CacheControl.maxAge(365, TimeUnit.DAYS).cachePrivate().immutable()
				: CacheControl.maxAge(365, TimeUnit.DAYS).cachePublic().immutable();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(thumbnail ? image.thumbnailType() : image.mediaType()))
			.cacheControl(caching)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", IMAGE_POLICY)
			.body(content.get());
	}

	/** The public id of the person whose clientId this is, if they have a joined connection now. */
	private String joinedPerson(String clientId) {
		if (clientId == null || clientId.isBlank() || clientId.length() > 200) {
			return null;
		}
		String person = this.publicIds.of(clientId);
		return this.people.isOnline(person) ? person : null;
	}

	/** The part named {@code file}; null when there is none, or the body is no multipart form. */
	private static Part filePart(HttpServletRequest request) throws IOException {
		String type = request.getContentType();
		if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
			return null;
		}
		try {
			return request.getPart("file");
		}
		catch (ServletException | IllegalStateException ex) { // the parser's word for a broken body
			return null;
		}
	}

	private ResponseEntity<Map<String, String>> tooLarge() {
		return problem(HttpStatus.CONTENT_TOO_LARGE, this.refusal);
	}

	@ExceptionHandler
	ResponseEntity<Map<String, String>> unsupported(UnsupportedImageException ex) {
		return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ex.getMessage() + " Send a PNG, JPEG, GIF or WebP image.");
	}

	@ExceptionHandler
	ResponseEntity<Map<String, String>> tooManyPixels(TooManyPixelsException ex) {
		return problem(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, String>> busy(UploadsBusyException ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "5")
			.body(Map.of("error", ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<Map<String, String>> unavailable(ChatException ex) {
		if (ex.code() != ErrorCode.UNAVAILABLE) {
			return problem(HttpStatus.BAD_REQUEST, ex.getMessage());
		}
		return problem(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
	}

	private static ResponseEntity<Map<String, String>> problem(HttpStatus status, String message) {
		return ResponseEntity.status(status).body(Map.of("error", message));
	}

}
