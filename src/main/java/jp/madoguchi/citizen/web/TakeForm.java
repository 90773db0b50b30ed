package jp.madoguchi.citizen.web;

import jp.madoguchi.shared.MadoguchiException;
import jp.madoguchi.shared.MadoguchiException.Kind;

/** What a form choosing notices sends: on the take-a-ticket form and the ticket page. */
class TakeForm {

	private String key;

	private String notify = "none";

	private String email;

	private String push;

	private String travel;

	public String getKey() {
		return this.key;
	}

	public void setKey(String key) {
		this.key = key;
	}

	public String getNotify() {
		return this.notify;
	}

	public void setNotify(String notify) {
		this.notify = notify;
	}

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public String getPush() {
		return this.push;
	}

	public void setPush(String push) {
		this.push = push;
	}

	public String getTravel() {
		return this.travel;
	}

	public void setTravel(String travel) {
		this.travel = travel;
	}

	String key() {
		return (this.key != null && this.key.matches("[0-9a-f-]{36}")) ? this.key : null;
	}

	/** The channel chosen, or none. */
	String channel() {
		return ("email".equals(this.notify) || "push".equals(this.notify)) ? this.notify : null;
	}

	/** The travel minutes given (none means "I am nearby"). */
	int travelMinutes() {
		if (this.travel == null || this.travel.isBlank()) {
			return 0;
		}
		try {
			int minutes = Integer.parseInt(this.travel.trim());
			if (minutes >= 0 && minutes <= 240) {
				return minutes;
			}
		}
		catch (NumberFormatException ex) {
			// fall through
		}
		throw new MadoguchiException(Kind.INVALID, "travel-minutes-invalid");
	}

}
