package jp.madoguchi.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import jp.madoguchi.ticketing.TicketEvent;

import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The engine's events, as the simulator reads them after each step it drove. */
@Component
@Profile("simulation")
public class EventTap {

	private final ConcurrentLinkedQueue<TicketEvent> events = new ConcurrentLinkedQueue<>();

	@EventListener
	void on(TicketEvent event) {
		this.events.add(event);
	}

	/** The events published since the last call, in journal order. */
	public List<TicketEvent> drain() {
		List<TicketEvent> drained = new ArrayList<>();
		TicketEvent event;
		while ((event = this.events.poll()) != null) {
			drained.add(event);
		}
		return drained;
	}

}
