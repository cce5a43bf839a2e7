package io.livechat.web;

import java.io.File;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's browser: a real headless Chromium with its own profile (so its own
 * localStorage and clientId), driven through the system's chromedriver. Never downloads a
 * browser or a driver.
 */
public final class Browser implements AutoCloseable {

	static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final String CHROMIUM = System.getProperty("chromium.binary", "/usr/bin/chromium");

	private static final String CHROMEDRIVER = System.getProperty("chromedriver.path", "/usr/bin/chromedriver");

	private final ChromeDriver driver;

	private final Path profile;

	private final String baseUrl;

	public Browser(int port, int width, int height) {
		this(port, width, height, List.of());
	}

	/** With more Chromium switches, such as {@code --force-prefers-reduced-motion}. */
	Browser(int port, int width, int height, List<String> switches) {
		this.baseUrl = "http://localhost:" + port;
		try {
			this.profile = Files.createTempDirectory("livechat-chromium-");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		if (!new File(CHROMEDRIVER).canExecute() || !new File(CHROMIUM).canExecute()) {
			throw new IllegalStateException("The browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
					+ " (Debian packages chromium and chromium-driver; .ci/run installs them).");
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--no-first-run", "--disable-component-update", "--disable-sync", "--disable-quic",
				"--user-data-dir=" + this.profile, "--window-size=" + width + "," + height);
		options.addArguments(switches);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(CHROMEDRIVER))
			.build();
		this.driver = new ChromeDriver(service, options);
		this.driver.manage().window().setSize(new Dimension(width, height));
	}

	Browser open(String path) {
		this.driver.get(this.baseUrl + path);
		return this;
	}

	/** Opens the chat page in a room and waits until the room is joined. */
	public Browser joinChat(String username, String room) {
		open("/chat.html?username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&room=" + room);
		waitUntil((d) -> !texts(".user-name").isEmpty() && texts(".user-name").contains(username));
		return this;
	}

	public void say(String text) {
		WebElement input = find("#message-input");
		input.sendKeys(text);
		input.sendKeys(Keys.ENTER);
	}

	/** Clicks someone's name under "Online now" and waits for their conversation to show. */
	void openConversationFromOnlineList(String name) {
		waitUntil((d) -> texts("#user-list .user-name").contains(name));
		findAll("#user-list .user-name").stream()
			.filter((button) -> button.getDomProperty("textContent").strip().equals(name))
			.findFirst()
			.orElseThrow()
			.click();
		waitUntil((d) -> find("#room-title").getText().equals("@ " + name) && url().contains("dm="));
	}

	/** The sidebar's entry for the conversation with {@code name}, if listed. */
	/** Opens a listed conversation, waiting for it and clicking again if the list was redrawn under the click. */
	void openListedConversation(String name) {
		waitUntil((d) -> {
			conversationEntry(name).orElseThrow(() -> new NoSuchElementException("no conversation with " + name)).click();
			return true;
		});
	}

	Optional<WebElement> conversationEntry(String name) {
		return findAll("#dm-list .dm-button").stream()
			.filter((entry) -> entry.findElement(By.cssSelector(".dm-name")).getDomProperty("textContent").equals(name))
			.findFirst();
	}

	/**
	 * Pastes a file into the page as the clipboard would (a screenshot, say): a {@code paste}
	 * event on the focused element whose clipboard holds a File made in the page from
	 * {@code content}.
	 */
	void paste(byte[] content, String name, String type) {
		this.driver.executeScript("""
				const [base64, name, type] = arguments;
				const transfer = new DataTransfer();
				transfer.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], name, { type }));
				const target = document.activeElement ?? document.body;
				target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
				""", Base64.getEncoder().encodeToString(content), name, type);
	}

	/**
	 * Drags a file onto the element {@code css} matches and drops it there, as from the desktop:
	 * {@code dragenter}, {@code dragover} and {@code drop} events carrying a File made in the page
	 * from {@code content}.
	 */
	void drop(byte[] content, String name, String type, String css) {
		this.driver.executeScript("""
				const [base64, name, type, css] = arguments;
				const transfer = new DataTransfer();
				transfer.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], name, { type }));
				const target = document.querySelector(css);
				for (const kind of ['dragenter', 'dragover', 'drop']) {
				  target.dispatchEvent(new DragEvent(kind, { dataTransfer: transfer, bubbles: true, cancelable: true }));
				}
				""", Base64.getEncoder().encodeToString(content), name, type, css);
	}

	WebElement find(String css) {
		return this.driver.findElement(By.cssSelector(css));
	}

	List<WebElement> findAll(String css) {
		return this.driver.findElements(By.cssSelector(css));
	}

	/** The text content of every match, shown or not (a folded panel still holds its list). */
	public List<String> texts(String css) {
		return findAll(css).stream().map((e) -> e.getDomProperty("textContent").strip()).toList();
	}

	/** The chat messages on screen: "mine|theirs author: text" in display order. */
	public List<String> messages() {
		return findAll("#messages .message").stream()
			.map((m) -> (m.getDomAttribute("class").contains("mine") ? "mine" : "theirs") + " "
					+ m.findElement(By.cssSelector(".author")).getDomProperty("textContent") + ": "
					+ m.findElement(By.cssSelector(".text")).getText())
			.toList();
	}

	/** Your messages on their way, at the bottom: "pending text" (a clock) or "failed text: why". */
	List<String> outgoing() {
		return findAll("#messages .outgoing").stream()
			.map((m) -> m.getDomAttribute("class").contains("failed")
					? "failed " + m.findElement(By.cssSelector(".text")).getText() + ": "
							+ m.findElement(By.cssSelector(".status")).getText()
					: "pending " + m.findElement(By.cssSelector(".text")).getText())
			.toList();
	}

	/** The texts of your stored messages that show the tick. */
	List<String> ticked() {
		return findAll("#messages .message.mine").stream()
			.filter((m) -> m.findElement(By.cssSelector(".status")).getDomAttribute("hidden") == null)
			.map((m) -> m.findElement(By.cssSelector(".text")).getText())
			.toList();
	}

	/** Opens another tab of this browser (same profile, so the same localStorage) and switches to it. */
	String newTab() {
		this.driver.switchTo().newWindow(WindowType.TAB);
		return this.driver.getWindowHandle();
	}

	/** Switches to the tab {@code handle} (from {@link #newTab} or {@link #currentTab}). */
	void switchTo(String handle) {
		this.driver.switchTo().window(handle);
	}

	String currentTab() {
		return this.driver.getWindowHandle();
	}

	/** Reloads the page; while the server is unreachable the browser shows its error page. */
	void reload() {
		this.driver.navigate().refresh();
	}

	public List<Long> messageIds() {
		return findAll("#messages .message").stream().map((m) -> Long.parseLong(m.getDomAttribute("data-id"))).toList();
	}

	public <T> T waitUntil(ExpectedCondition<T> condition) {
		return new WebDriverWait(this.driver, TIMEOUT).ignoring(StaleElementReferenceException.class).until(condition);
	}

	ChromeDriver driver() {
		return this.driver;
	}

	String url() {
		return this.driver.getCurrentUrl();
	}

	void screenshot(String name) throws IOException {
		Path dir = Path.of("target", "screenshots");
		Files.createDirectories(dir);
		Files.write(dir.resolve(name + ".png"), this.driver.getScreenshotAs(OutputType.BYTES));
	}

	@Override
	public void close() {
		this.driver.quit();
		try (var files = Files.walk(this.profile)) {
			files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
		catch (IOException ex) {
			// a temporary directory left behind is harmless
		}
	}

}
