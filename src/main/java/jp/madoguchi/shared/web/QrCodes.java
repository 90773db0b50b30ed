package jp.madoguchi.shared.web;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * QR codes as inline SVG: one path of dark squares, crisp at any size, on screen and on a
 * thermal printer, with nothing to fetch.
 */
public final class QrCodes {

	private static final int QUIET_ZONE = 4;

	private QrCodes() {
	}

	/**
	 * The SVG of a QR code of the text (error correction M: still readable with a smudge
	 * or a glare).
	 * @param label what a screen reader says for it
	 */
	public static String svg(String text, String label) {
		BitMatrix matrix;
		try {
			matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0,
							EncodeHintType.CHARACTER_SET, "UTF-8"));
		}
		catch (WriterException ex) {
			throw new IllegalArgumentException("Cannot encode as a QR code: " + text.length() + " characters", ex);
		}
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

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
