package jp.madoguchi.simulation;

import java.util.UUID;

import jp.madoguchi.MadoguchiApplication;
import jp.madoguchi.board.Board;
import jp.madoguchi.office.Office;
import jp.madoguchi.support.H2;
import jp.madoguchi.ticketing.TicketQueries;
import jp.madoguchi.ticketing.TicketService;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application on simulated time and a database of its own in memory, for simulated
 * days. The settings are command-line arguments: as default properties they would lose to
 * {@code application.yaml}, and the days would run on (and clear) the demo database under
 * {@code ./data}.
 */
public final class SimulationApp {

	private SimulationApp() {
	}

	public static ConfigurableApplicationContext start(String officeDefinitions) {
		String database = "jdbc:h2:mem:simulation-" + UUID.randomUUID() + H2.SETTINGS + ";DB_CLOSE_DELAY=-1";
		return new SpringApplicationBuilder(MadoguchiApplication.class).profiles("simulation")
			.run("--spring.datasource.url=" + database, "--server.port=0",
					"--madoguchi.office.definitions=" + officeDefinitions, "--madoguchi.limits.per-device=100000000",
					"--madoguchi.limits.per-address=100000000", "--madoguchi.notify.interval=PT100H",
					"--madoguchi.expiry.interval=PT100H", "--madoguchi.admin.password=simulation-only",
					"--logging.level.root=WARN");
	}

	/** Simulated days on the application's first office. */
	public static SimulatedDays days(ConfigurableApplicationContext app, Office office) {
		return new SimulatedDays(office, app.getBean(TicketService.class), app.getBean(TicketQueries.class),
				app.getBean(Board.class), app.getBean(SimulatedClock.class), app.getBean(EventTap.class),
				app.getBean(JdbcClient.class));
	}

}
