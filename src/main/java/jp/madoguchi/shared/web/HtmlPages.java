package jp.madoguchi.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller of HTML pages: it gets the reader's language and furigana in its
 * model ({@link ReaderPreferences}). The JSON API does not pay for them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface HtmlPages {

}
