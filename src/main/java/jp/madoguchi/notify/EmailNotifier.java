package jp.madoguchi.notify;

import java.util.regex.Pattern;

import jp.madoguchi.shared.MadoguchiException;
import jp.madoguchi.shared.MadoguchiException.Kind;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Notices by e-mail through the SMTP relay configured with {@code spring.mail.host}
 * (without one, the channel is not offered).
 */
@Component
class EmailNotifier implements Notifier {

	// deliberately loose: the relay is the judge; this only catches typing slips
	private static final Pattern ADDRESS = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

	private final ObjectProvider<JavaMailSender> mail;

	private final String from;

	EmailNotifier(ObjectProvider<JavaMailSender> mail,
			@Value("${madoguchi.notify.mail-from:madoguchi@localhost}") String from) {
		this.mail = mail;
		this.from = from;
	}

	@Override
	public String channel() {
		return "email";
	}

	@Override
	public boolean available() {
		return this.mail.getIfAvailable() != null;
	}

	@Override
	public String normalizeAddress(String address) {
		String trimmed = (address != null) ? address.trim() : "";
		if (trimmed.length() > 254 || !ADDRESS.matcher(trimmed).matches()) {
			throw new MadoguchiException(Kind.INVALID, "email-invalid");
		}
		return trimmed;
	}

	@Override
	public void send(String address, Notice notice) throws NotifierException {
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.from);
		message.setTo(address);
		message.setSubject(notice.title());
		message.setText(notice.body() + "\n\n" + notice.link() + "\n");
		try {
			this.mail.getObject().send(message);
		}
		catch (MailException ex) {
			throw new NotifierException("Mail not sent", ex);
		}
	}

}
