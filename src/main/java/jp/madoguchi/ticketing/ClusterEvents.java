package jp.madoguchi.ticketing;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import jp.madoguchi.office.Office;
import jp.madoguchi.office.OfficeCatalog;
import jp.madoguchi.shared.Database;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Brings other instances' changes into this one. At start every office's feed begins at
 * the journal's current end. On PostgreSQL a listener thread waits for the NOTIFY each
 * commit sends and reads what it misses from the journal; it also looks at the journal's
 * end every few seconds, and after reconnecting, so a lost notification delays an event
 * but never loses it. On the embedded H2 database there is only one instance and nothing
 * to listen to.
 */
@Component
class ClusterEvents implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(ClusterEvents.class);

	private static final Duration POLL = Duration.ofSeconds(5);

	private final DataSource dataSource;

	private final Database database;

	private final OfficeCatalog offices;

	private final TicketFeed feed;

	private final TicketJournal journal;

	private volatile boolean running;

	private volatile Thread listener;

	private volatile Connection connection;

	ClusterEvents(DataSource dataSource, Database database, OfficeCatalog offices, TicketFeed feed,
			TicketJournal journal) {
		this.dataSource = dataSource;
		this.database = database;
		this.offices = offices;
		this.feed = feed;
		this.journal = journal;
		for (Office office : offices.all()) {
			feed.startAt(office.id(), journal.currentSeq(office.id()));
		}
	}

	@Override
	public void start() {
		this.running = true;
		if (this.database.isPostgres()) {
			this.listener = Thread.ofPlatform().daemon().name("madoguchi-listen").start(this::listen);
		}
	}

	@Override
	public void stop() {
		this.running = false;
		Thread thread = this.listener;
		if (thread != null) {
			thread.interrupt();
			closeQuietly();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void listen() {
		while (this.running) {
			try (Connection conn = this.dataSource.getConnection()) {
				this.connection = conn;
				conn.setAutoCommit(true);
				try (Statement statement = conn.createStatement()) {
					statement.execute("LISTEN " + TicketJournal.CHANNEL);
				}
				catchUpAll();
				PGConnection pg = conn.unwrap(PGConnection.class);
				while (this.running) {
					PGNotification[] notifications = pg.getNotifications((int) POLL.toMillis());
					if (notifications == null || notifications.length == 0) {
						catchUpAll();
						continue;
					}
					for (PGNotification notification : notifications) {
						onNotification(notification.getParameter());
					}
				}
			}
			catch (Exception ex) {
				if (this.running) {
					logger.warn("Event listener lost its connection; reconnecting: " + ex.getMessage());
					sleep();
				}
			}
		}
	}

	private void onNotification(String payload) {
		int space = payload.indexOf(' ');
		if (space > 0) {
			this.feed.catchUp(payload.substring(0, space), Long.parseLong(payload.substring(space + 1)));
		}
	}

	private void catchUpAll() {
		for (Office office : this.offices.all()) {
			this.feed.catchUp(office.id(), this.journal.currentSeq(office.id()));
		}
	}

	private void closeQuietly() {
		try {
			Connection conn = this.connection;
			if (conn != null) {
				conn.close();
			}
		}
		catch (Exception ex) {
			// closing while stopping: nothing to do
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
