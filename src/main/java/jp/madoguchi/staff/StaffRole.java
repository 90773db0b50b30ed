package jp.madoguchi.staff;

/** What a staff account may do. */
public enum StaffRole {

	/** Counter staff and floor guides of one office. */
	STAFF,
	/** Managers: everything staff may do, plus devices and configuration. */
	ADMIN

}
