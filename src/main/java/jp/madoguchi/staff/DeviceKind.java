package jp.madoguchi.staff;

/** A registered device of an office. */
public enum DeviceKind {

	/** The ticket machine (発券機). */
	KIOSK,
	/** The hall display (呼出表示盤). */
	DISPLAY

}
