package jp.madoguchi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Madoguchi: the queue and web-ticket system of a municipal office. */
@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
public class MadoguchiApplication {

	public static void main(String[] args) {
		SpringApplication.run(MadoguchiApplication.class, args);
	}

}
