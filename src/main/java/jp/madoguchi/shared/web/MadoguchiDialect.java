package jp.madoguchi.shared.web;

import java.util.HashSet;
import java.util.Set;

import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.standard.processor.AbstractStandardExpressionAttributeTagProcessor;
import org.thymeleaf.standard.processor.StandardXmlNsTagProcessor;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * {@code m:text} and friends: like {@code th:text}, but furigana marks in the text become
 * {@code <ruby>} (and are dropped where markup cannot go: attributes, {@code <title>},
 * {@code <option>}). Templates use these for every message, so that やさしい日本語 can carry
 * readings while the other languages are plain text.
 */
public class MadoguchiDialect extends AbstractProcessorDialect {

	public static final String PREFIX = "m";

	private static final Set<String> ATTRIBUTES = Set.of("aria-label", "title", "placeholder", "alt", "content",
			"value", "aria-description", "data-announce");

	public MadoguchiDialect() {
		super("Madoguchi", PREFIX, 1100);
	}

	@Override
	public Set<IProcessor> getProcessors(String dialectPrefix) {
		Set<IProcessor> processors = new HashSet<>();
		processors.add(new TextProcessor(dialectPrefix));
		processors.add(new StandardXmlNsTagProcessor(TemplateMode.HTML, dialectPrefix));
		ATTRIBUTES.forEach((attribute) -> processors.add(new AttributeProcessor(dialectPrefix, attribute)));
		return processors;
	}

	private static final class TextProcessor extends AbstractStandardExpressionAttributeTagProcessor {

		private static final Set<String> PLAIN_ELEMENTS = Set.of("title", "option", "textarea");

		TextProcessor(String prefix) {
			super(TemplateMode.HTML, prefix, "text", 1300, true, false);
		}

		@Override
		protected void doProcess(ITemplateContext context, IProcessableElementTag tag, AttributeName attributeName,
				String attributeValue, Object expressionResult, IElementTagStructureHandler structureHandler) {
			String text = (expressionResult != null) ? expressionResult.toString() : "";
			if (PLAIN_ELEMENTS.contains(tag.getElementCompleteName())) {
				structureHandler.setBody(Ruby.plain(text), false);
			}
			else {
				structureHandler.setBody(Ruby.toHtml(text), false);
			}
		}

	}

	private static final class AttributeProcessor extends AbstractStandardExpressionAttributeTagProcessor {

		private final String target;

		AttributeProcessor(String prefix, String target) {
			super(TemplateMode.HTML, prefix, target, 1300, true, false);
			this.target = target;
		}

		@Override
		protected void doProcess(ITemplateContext context, IProcessableElementTag tag, AttributeName attributeName,
				String attributeValue, Object expressionResult, IElementTagStructureHandler structureHandler) {
			String text = (expressionResult != null) ? expressionResult.toString() : "";
			structureHandler.setAttribute(this.target,
					org.springframework.web.util.HtmlUtils.htmlEscape(Ruby.plain(text)));
		}

	}

}
