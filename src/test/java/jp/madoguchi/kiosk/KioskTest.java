package jp.madoguchi.kiosk;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.google.zxing.Binarizer;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import jp.madoguchi.support.Browser;
import jp.madoguchi.support.BrowserTest;
import jp.madoguchi.support.Floor;
import jp.madoguchi.support.H2;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.ContextConfiguration;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kiosk: its ticket printed on 80 mm paper carries a QR code a phone can follow the
 * ticket with; a web ticket checks in at the kiosk by its QR code or by number and PIN.
 */
@ContextConfiguration(initializers = H2.class)
class KioskTest extends BrowserTest {

	private static final Pattern TICKET_LINK = Pattern
		.compile("http://127\\.0\\.0\\.1:\\d+/o/konan/tickets/([0-9a-f-]{36})\\?k=t1\\.[A-Za-z0-9_-]+");

	private BrowserContext kioskScreen;

	private Page kiosk;

	@BeforeEach
	void aRegisteredKiosk() {
		this.clock.nextWeekday();
		this.kioskScreen = browser.screen(1080, 1920, "ja");
		this.kioskScreen.addInitScript(Floor.PRINT_RECORDER);
		this.kiosk = Floor.registerDevice(this.kioskScreen, url(""), "KIOSK", "kiosk by the door");
	}

	@AfterEach
	void close() {
		this.kioskScreen.close();
	}

	@Test
	void thePrintedTicketFitsEightyMillimetresAndItsQrCodeOpensTheTicketOnAPhone() throws Exception {
		kioskTicket("move-out");
		this.kiosk.getByText("戸籍課").first().click();
		this.kiosk.locator("button", new Page.LocatorOptions().setHasText("転出届")).click();
		this.kiosk.waitForURL("**/kiosk/konan/tickets/**");
		String number = this.kiosk.locator(".paper-number").textContent().trim();
		assertThat(this.kiosk.locator(".paper")).containsText("1階 戸籍課の前のいす");
		assertThat(this.kiosk.locator(".paper")).containsText("転出届");

		byte[] pdf = this.kiosk.pdf(new Page.PdfOptions().setPreferCSSPageSize(true).setPrintBackground(true));
		String link;
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).as("one ticket, one page").isEqualTo(1);
			PDRectangle size = document.getPage(0).getMediaBox();
			assertThat(size.getWidth() / 72 * 25.4).as("paper width in mm")
				.isCloseTo(80, org.assertj.core.data.Offset.offset(0.5));
			BufferedImage printed = new PDFRenderer(document).renderImageWithDPI(0, 203);
			ImageIO.write(printed, "png",
					java.nio.file.Path.of("target", "screenshots", "floor-kiosk-print-80mm.png").toFile());
			link = decode(printed);
		}
		Matcher matcher = TICKET_LINK.matcher(link);
		assertThat(matcher.matches()).as(link).isTrue();

		try (BrowserContext phone = browser.phone(Browser.PHONE, "ja")) {
			Page page = phone.newPage();
			page.navigate(link);
			assertThat(page.locator(".ticket-number")).hasText(number);
			assertThat(page.locator("body")).containsText("1人");
			counter("4", "call-next");
			counter("4", "start");
			counter("4", "done");
			counter("4", "call-next");
			assertThat(page.locator("main")).containsText("4番窓口");
		}
	}

	@Test
	void aWebTicketChecksInByItsQrCodeOrByNumberAndPin() throws Exception {
		try (BrowserContext phone = browser.phone(Browser.PHONE, "ja")) {
			Page first = takeWebTicket(phone);
			String scanned = decode(ImageIO.read(new ByteArrayInputStream(first.locator(".ticket-qr").screenshot())));
			assertThat(TICKET_LINK.matcher(scanned).matches()).as(scanned).isTrue();

			this.kiosk.navigate(url("/kiosk/konan/check-in"));
			Browser.assertAccessible(this.kiosk, "the kiosk's check-in");
			this.kiosk.locator("#scan").fill(scanned);
			this.kiosk.locator("#scan").press("Enter");
			assertThat(this.kiosk.locator("h1")).containsText("チェックインしました");
			assertThat(first.locator(".state")).containsText("チェックイン済み");
			this.kiosk.navigate(url("/kiosk/konan/check-in"));
			this.kiosk.locator("#scan").fill(scanned);
			this.kiosk.locator("#scan").press("Enter");
			assertThat(this.kiosk.locator("p.alert")).containsText("チェックイン済みです");

			Page second = takeWebTicket(browser.phone(Browser.PHONE, "ja"));
			String number = second.locator(".ticket-number").textContent().trim();
			Matcher pin = Pattern.compile("暗証番号 (\\d{4})").matcher(second.locator(".kiosk-check-in").textContent());
			assertThat(pin.find()).as(second.locator(".kiosk-check-in").textContent()).isTrue();
			String wrong = pin.group(1).equals("0000") ? "1111" : "0000";
			typeOnKeypad(number, wrong);
			assertThat(this.kiosk.locator("p.alert")).containsText("番号または暗証番号が違います");
			Browser.assertAccessible(this.kiosk, "a refusal at the kiosk");
			typeOnKeypad(number, pin.group(1));
			assertThat(this.kiosk.locator("h1")).containsText(number);
			Browser.screenshot(this.kiosk, "floor-kiosk-checked-in-ja-1080x1920");
		}
	}

	private Page takeWebTicket(BrowserContext phone) {
		Page page = phone.newPage();
		page.navigate(url("/o/konan/take/koseki/certificates"));
		page.locator("form button[type=submit]").last().click();
		page.waitForURL("**/tickets/**");
		assertThat(page.locator(".kiosk-check-in")).isVisible();
		return page;
	}

	/** Types a number and PIN with the kiosk's on-screen keypad, as a touch would. */
	private void typeOnKeypad(String number, String pin) {
		this.kiosk.navigate(url("/kiosk/konan/check-in"));
		String[] parts = number.split("-");
		this.kiosk.locator(".keypad button[data-key='" + parts[0] + "-']").click();
		for (char digit : parts[1].toCharArray()) {
			this.kiosk.locator(".keypad button[data-key='" + digit + "']").click();
		}
		this.kiosk.locator(".keypad button[data-key='next']").click();
		for (char digit : pin.toCharArray()) {
			this.kiosk.locator(".keypad button[data-key='" + digit + "']").click();
		}
		assertThat(this.kiosk.locator("#number")).hasValue(number);
		assertThat(this.kiosk.locator("#pin")).hasValue(pin);
		this.kiosk.locator("form[data-keypad-form] button[type=submit]").click();
		this.kiosk.waitForLoadState();
	}

	/**
	 * Reads the QR code as a phone's scanner does: from several distances, with a local
	 * threshold and with one for the whole image. At its printed size alone ZXing missed
	 * 7 of 2,000 sound codes on the 203 dpi print (a version 8 code of about 5.3 dots a
	 * module, so its modules are 5 or 6 dots), and read all 2,000 from a little closer (a
	 * scratch run of this test's PDF-to-image steps on random links, not kept); a camera
	 * sees the paper from many distances in a second. A missing or wrong code still
	 * fails.
	 */
	private static String decode(BufferedImage image) throws NotFoundException {
		Map<DecodeHintType, Object> hints = Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE);
		for (double closer : new double[] { 1, 1.25, 1.5, 2 }) {
			LuminanceSource luminance = new BufferedImageLuminanceSource(scaled(image, closer));
			for (Binarizer binarizer : List.of(new HybridBinarizer(luminance),
					new GlobalHistogramBinarizer(luminance))) {
				try {
					return new MultiFormatReader().decode(new BinaryBitmap(binarizer), hints).getText();
				}
				catch (NotFoundException ex) {
					// try the next threshold or distance
				}
			}
		}
		throw NotFoundException.getNotFoundInstance();
	}

	private static BufferedImage scaled(BufferedImage image, double factor) {
		if (factor == 1) {
			return image;
		}
		int width = (int) Math.round(image.getWidth() * factor);
		int height = (int) Math.round(image.getHeight() * factor);
		BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = scaled.createGraphics();
		graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		graphics.drawImage(image, 0, 0, width, height, null);
		graphics.dispose();
		return scaled;
	}

	static {
		try {
			java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
