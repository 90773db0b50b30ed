package jp.madoguchi.shared;

/**
 * A refusal that a client can understand: what kind of problem it is, a message key
 * (looked up in {@code messages*.properties} as {@code problem.<code>}) and its
 * arguments. The web layer turns it into an RFC 9457 {@code application/problem+json}
 * response.
 */
public class MadoguchiException extends RuntimeException {

	private final Kind kind;

	private final String code;

	private final transient Object[] args;

	public MadoguchiException(Kind kind, String code, Object... args) {
		super(code);
		this.kind = kind;
		this.code = code;
		this.args = args;
	}

	public Kind kind() {
		return this.kind;
	}

	public String code() {
		return this.code;
	}

	public Object[] args() {
		return this.args.clone();
	}

	/** What went wrong, independent of any transport. */
	public enum Kind {

		/** The thing asked for does not exist. */
		NOT_FOUND,
		/** The request is malformed or names something invalid. */
		INVALID,
		/** The request is valid but the current state forbids it. */
		CONFLICT,
		/** The caller may not do this. */
		FORBIDDEN,
		/** The service cannot do this now (closed, outside a window). */
		UNAVAILABLE,
		/** Too many requests. */
		TOO_MANY

	}

}
