package jp.madoguchi.notify;

import java.util.Map;
import java.util.UUID;

import jp.madoguchi.estimate.TravelNotices;
import jp.madoguchi.office.Office;

import org.springframework.stereotype.Component;

/** Tells the estimate which web holders were told to come, and when. */
@Component
class NoticesForEstimates implements TravelNotices {

	private final Contacts contacts;

	NoticesForEstimates(Contacts contacts) {
		this.contacts = contacts;
	}

	@Override
	public Map<UUID, Told> toldToCome(Office office) {
		return this.contacts.toldToComeAndAway(office.id());
	}

}
