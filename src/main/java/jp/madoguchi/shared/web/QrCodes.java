package jp.madoguchi.shared.web;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.EncodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * QR codes as inline SVG: one path of dark squares, crisp at any size, on screen and on a
 * thermal printer, with nothing to fetch.
 */
public final class QrCodes {

	private static final int QUIET_ZONE = 4;

	private static final int MASK_PATTERNS = 8;

	private static final int PIXELS_PER_MODULE = 4;

	private QrCodes() {
	}

	/**
	 * The SVG of a QR code of the text (error correction M: still readable with a smudge
	 * or a glare).
	 * @param label what a screen reader says for it
	 */
	public static String svg(String text, String label) {
		BitMatrix matrix = readableMatrix(text);
		int size = matrix.getWidth() + 2 * QUIET_ZONE;
		StringBuilder path = new StringBuilder();
		for (int y = 0; y < matrix.getHeight(); y++) {
			for (int x = 0; x < matrix.getWidth(); x++) {
				if (matrix.get(x, y)) {
					path.append('M').append(x + QUIET_ZONE).append(',').append(y + QUIET_ZONE).append("h1v1h-1z");
				}
			}
		}
		return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" viewBox=\"0 0 " + size + " " + size
				+ "\" role=\"img\" aria-label=\"" + escape(label) + "\" shape-rendering=\"crispEdges\">"
				+ "<rect width=\"" + size + "\" height=\"" + size + "\" fill=\"#fff\"/>" + "<path fill=\"#000\" d=\""
				+ path + "\"/></svg>";
	}

	/**
	 * The code with the standard's mask if ZXing finds it, else with the first mask it
	 * does find. ZXing, in many phones' scanner apps, cannot locate about one in a
	 * hundred of our ticket links' codes with the mask the standard's penalty rules
	 * choose (10 of 1,000 in QrCodesTest), even drawn perfectly; the data itself is
	 * sound. Reading a code back costs about half a millisecond, on top of about as much
	 * for encoding it (a scratch timing of 3,000 ticket links, not kept).
	 */
	static BitMatrix readableMatrix(String text) {
		BitMatrix standard = standardMatrix(text);
		if (text.equals(read(standard))) {
			return standard;
		}
		for (int mask = 0; mask < MASK_PATTERNS; mask++) {
			BitMatrix masked = encode(text, mask);
			if (text.equals(read(masked))) {
				return masked;
			}
		}
		return standard;
	}

	static BitMatrix standardMatrix(String text) {
		return encode(text, null);
	}

	private static BitMatrix encode(String text, Integer mask) {
		Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
		hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
		hints.put(EncodeHintType.MARGIN, 0);
		hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
		if (mask != null) {
			hints.put(EncodeHintType.QR_MASK_PATTERN, mask);
		}
		try {
			return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
		}
		catch (WriterException ex) {
			throw new IllegalArgumentException("Cannot encode as a QR code: " + text.length() + " characters", ex);
		}
	}

	/**
	 * What ZXing's detector reads from the code drawn at a few pixels a module with its
	 * quiet zone, or null.
	 */
	static String read(BitMatrix matrix) {
		int side = (matrix.getWidth() + 2 * QUIET_ZONE) * PIXELS_PER_MODULE;
		byte[] luminance = new byte[side * side];
		Arrays.fill(luminance, (byte) 0xff);
		for (int y = 0; y < matrix.getHeight(); y++) {
			for (int x = 0; x < matrix.getWidth(); x++) {
				if (matrix.get(x, y)) {
					darken(luminance, side, x + QUIET_ZONE, y + QUIET_ZONE);
				}
			}
		}
		LuminanceSource source = new PlanarYUVLuminanceSource(luminance, side, side, 0, 0, side, side, false);
		try {
			return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
		}
		catch (ReaderException ex) {
			return null;
		}
	}

	private static void darken(byte[] luminance, int side, int moduleX, int moduleY) {
		for (int dy = 0; dy < PIXELS_PER_MODULE; dy++) {
			int start = (moduleY * PIXELS_PER_MODULE + dy) * side + moduleX * PIXELS_PER_MODULE;
			Arrays.fill(luminance, start, start + PIXELS_PER_MODULE, (byte) 0);
		}
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
