package io.livechat.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.livechat.chat.RoomRegistry;
import io.livechat.chat.RoomSummary;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The base of the browser tests: the whole application on a random port, Chromium windows opened
 * with {@link #browser()}, every one closed after each test, and every room empty again before
 * the next (a SockJS user is noticed gone when its session times out: within three heart-beats).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class BrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	RoomRegistry rooms;

	final List<Browser> browsers = new ArrayList<>();

	@AfterEach
	void closeBrowsers() {
		this.browsers.forEach(Browser::close);
		Awaitility.await()
			.atMost(Duration.ofSeconds(35))
			.until(() -> this.rooms.summaries().stream().mapToInt(RoomSummary::users).sum() == 0);
		afterBrowsersClosed();
	}

	/** What a suite tidies once its browsers are gone and the rooms empty. */
	void afterBrowsersClosed() {
	}

	/** A new desktop-sized window (1280 x 800), closed after the test. */
	Browser browser() {
		Browser browser = new Browser(this.port, 1280, 800);
		this.browsers.add(browser);
		return browser;
	}

}
