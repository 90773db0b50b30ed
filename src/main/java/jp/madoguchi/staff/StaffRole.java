package jp.madoguchi.staff;

import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What a staff account may do. Each role may also do what the roles before it may.
 */
public enum StaffRole {

	/** Counter staff and floor guides of one office: the counter terminal. */
	STAFF,
	/** Managers: the counter terminal and the statistics. */
	MANAGER,
	/** Administrators: everything, plus configuration, devices and accounts. */
	ADMIN;

	/** The authorities of this role: its own and those of the roles below it. */
	List<GrantedAuthority> authorities() {
		return java.util.Arrays.stream(values())
			.filter((role) -> role.ordinal() <= ordinal())
			.map((role) -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role.name()))
			.toList();
	}

}
