package jp.madoguchi.staff;

import org.springframework.security.core.Authentication;

/**
 * Who is calling, as far as offices are concerned: a staff member (of one office, or an
 * administrator of all), a registered device of one office, or the public.
 */
public final class Access {

	private Access() {
	}

	/** Whether the caller is staff allowed to act for this office. */
	public static boolean isStaffOf(Authentication authentication, String office) {
		return authentication != null && authentication.getPrincipal() instanceof StaffPrincipal staff
				&& staff.mayActFor(office);
	}

	/** Whether the caller is a registered device of this kind of this office. */
	public static boolean isDeviceOf(Authentication authentication, String office, DeviceKind kind) {
		return authentication != null && authentication.getPrincipal() instanceof DevicePrincipal device
				&& device.office().equals(office) && device.kind() == kind;
	}

}
