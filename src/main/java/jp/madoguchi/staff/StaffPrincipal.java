package jp.madoguchi.staff;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A signed-in staff member; {@code office} is null for an administrator of every office.
 */
public class StaffPrincipal extends User {

	private final String office;

	private final StaffRole role;

	StaffPrincipal(String username, String passwordHash, boolean enabled, String office, StaffRole role) {
		super(username, passwordHash, enabled, true, true, true, authoritiesOf(role));
		this.office = office;
		this.role = role;
	}

	private static Collection<GrantedAuthority> authoritiesOf(StaffRole role) {
		return role.authorities();
	}

	public String office() {
		return this.office;
	}

	public StaffRole role() {
		return this.role;
	}

	public boolean mayActFor(String officeId) {
		return this.office == null || this.office.equals(officeId);
	}

	@Override
	public boolean equals(Object other) {
		return super.equals(other);
	}

	@Override
	public int hashCode() {
		return super.hashCode();
	}

}
