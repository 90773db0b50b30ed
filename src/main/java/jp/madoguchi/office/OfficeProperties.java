package jp.madoguchi.office;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which office definition files to load at start-up.
 *
 * @param definitions resource locations of YAML office definitions
 */
@ConfigurationProperties("madoguchi.office")
public record OfficeProperties(@DefaultValue("classpath:offices/konan.yaml") List<String> definitions) {
}
