package jp.madoguchi.shared.web;

import java.util.Base64;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.zxing.common.BitMatrix;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The QR codes Madoguchi draws are found and read by ZXing's detector, the one in many
 * phones' scanner apps, including those ZXing cannot find with the standard's mask.
 */
class QrCodesTest {

	/** A ticket link whose code, with the standard's mask (3), ZXing does not find. */
	private static final String HIDDEN_WITH_THE_STANDARD_MASK = "http://127.0.0.1:58745/o/konan/tickets/"
			+ "89a75129-7635-4cbf-a696-89ee53a64200?k=t1.hVPKviVzWTm85h_tuByO7PrrZY7nnbxAEOZzbwrLsMM";

	@Test
	void aCodeZxingCannotFindWithTheStandardMaskIsDrawnWithAnotherOne() {
		assertThat(QrCodes.read(QrCodes.standardMatrix(HIDDEN_WITH_THE_STANDARD_MASK))).isNull();
		assertThat(QrCodes.read(QrCodes.readableMatrix(HIDDEN_WITH_THE_STANDARD_MASK)))
			.isEqualTo(HIDDEN_WITH_THE_STANDARD_MASK);
	}

	@Test
	void everyTicketLinkIsReadBack() {
		Random random = new Random(20261129);
		int hidden = 0;
		for (int i = 0; i < 1_000; i++) {
			String link = ticketLink(random);
			if (QrCodes.read(QrCodes.standardMatrix(link)) == null) {
				hidden++;
			}
			assertThat(QrCodes.read(QrCodes.readableMatrix(link))).as(link).isEqualTo(link);
		}
		System.out.println("QR codes ZXing does not find with the standard mask: " + hidden + " of 1000");
	}

	@Test
	void theSvgDrawsTheReadableCode() {
		String svg = QrCodes.svg(HIDDEN_WITH_THE_STANDARD_MASK, "1-001 <&>");
		assertThat(svg).startsWith("<svg").contains("aria-label=\"1-001 &lt;&amp;&gt;\"");
		Set<String> drawn = new HashSet<>();
		Matcher module = Pattern.compile("M(\\d+),(\\d+)h1v1h-1z").matcher(svg);
		while (module.find()) {
			drawn.add((Integer.parseInt(module.group(1)) - 4) + "," + (Integer.parseInt(module.group(2)) - 4));
		}
		assertThat(drawn).isEqualTo(darkModules(QrCodes.readableMatrix(HIDDEN_WITH_THE_STANDARD_MASK)))
			.isNotEqualTo(darkModules(QrCodes.standardMatrix(HIDDEN_WITH_THE_STANDARD_MASK)));
	}

	private static Set<String> darkModules(BitMatrix matrix) {
		Set<String> dark = new HashSet<>();
		for (int y = 0; y < matrix.getHeight(); y++) {
			for (int x = 0; x < matrix.getWidth(); x++) {
				if (matrix.get(x, y)) {
					dark.add(x + "," + y);
				}
			}
		}
		return dark;
	}

	private static String ticketLink(Random random) {
		byte[] signature = new byte[32];
		random.nextBytes(signature);
		return "http://127.0.0.1:" + (30_000 + random.nextInt(35_000)) + "/o/konan/tickets/"
				+ new UUID(random.nextLong(), random.nextLong()) + "?k=t1."
				+ Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
	}

}
