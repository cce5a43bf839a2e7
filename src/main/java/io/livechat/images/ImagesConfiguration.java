package io.livechat.images;

import java.time.Clock;

import jakarta.servlet.MultipartConfigElement;

import io.livechat.config.LiveChatProperties;
import io.livechat.config.LiveChatProperties.Uploads;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;

/**
 * Image sharing: uploads (decoded at most one per processor at a time), their rate per person,
 * the claims messages make, and the pruning of what was never sent or is no longer shown.
 */
@Configuration(proxyBeanMethods = false)
class ImagesConfiguration {

	/**
	 * The multipart parser writes the file part to a temporary file (nothing of it is kept in
	 * memory) and reads no more than the request filter let through.
	 */
	@Bean
	MultipartConfigElement multipartConfigElement(LiveChatProperties properties) {
		long maxRequest = UploadLimits.maxRequestBytes(properties.uploads());
		return new MultipartConfigElement("", -1, maxRequest, 0);
	}

	@Bean
	ImageUploads imageUploads(ImageStore imageStore, LiveChatProperties properties) {
		int processors = Runtime.getRuntime().availableProcessors();
		return new ImageUploads(imageStore, properties.uploads(), Clock.systemUTC(), Math.max(1, processors));
	}

	@Bean
	Images images(ImageStore imageStore) {
		return new Images(imageStore, Clock.systemUTC());
	}

	@Bean
	UploadRates uploadRates(LiveChatProperties properties) {
		return new UploadRates(properties.uploads().rate(), System::nanoTime);
	}

	@Bean
	ImagePruner imagePruner(ImageStore imageStore, LiveChatProperties properties,
			TaskScheduler messageBrokerTaskScheduler) {
		Uploads uploads = properties.uploads();
		return new ImagePruner(imageStore, uploads.unsentFor(), uploads.pruneInterval(), Clock.systemUTC(),
				messageBrokerTaskScheduler);
	}

}
