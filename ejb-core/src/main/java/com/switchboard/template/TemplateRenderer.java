package com.switchboard.template;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.switchboard.error.InvalidRequestException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders templates with Mustache: HTML with escaping, subject and text without. A variable the
 * template uses but the request does not supply is a client error, never a blank in a customer's mail.
 * Partials ({@code {{> name}}}) are refused when a template is saved and fail as a client error when
 * rendered: a template reaches nothing but its own variables. Variable values are data, never
 * compiled, so template syntax inside them arrives as text.
 */
@ApplicationScoped
public class TemplateRenderer {
    private static final Mustache.TemplateLoader NO_PARTIALS = name -> {
        throw new MustacheException("partials are not supported: {{> " + name + "}}");
    };
    private final Mustache.Compiler html = Mustache.compiler().escapeHTML(true).withLoader(NO_PARTIALS);
    private final Mustache.Compiler text = Mustache.compiler().escapeHTML(false).withLoader(NO_PARTIALS);

    public RenderedMessage render(Template template, Map<String, Object> variables) {
        Map<String, Object> vars = variables == null ? Map.of() : variables;
        String subject = template.subject() == null ? null : apply(text, template.subject(), vars, "subject");
        String plain = apply(text, template.body(), vars, "body");
        String rich = template.html() == null || template.html().isBlank()
                ? textToHtml(plain)
                : apply(html, template.html(), vars, "html");
        return new RenderedMessage(subject, plain, rich);
    }

    /**
     * The provider-side template of a template, its parameters taken from the variables by name;
     * empty when the template has none.
     */
    public Optional<ProviderTemplate> providerTemplate(Template template, Map<String, Object> variables) {
        if (template.whatsappTemplate() == null) {
            return Optional.empty();
        }
        Map<String, Object> vars = variables == null ? Map.of() : variables;
        List<String> values = new ArrayList<>();
        for (String name : template.whatsappParameters()) {
            Object value = vars.get(name);
            if (value == null) {
                throw InvalidRequestException.unprocessable(
                        "message.variables." + name,
                        "the WhatsApp template '" + template.whatsappTemplate() + "' needs '" + name + "'");
            }
            values.add(value.toString());
        }
        String language = template.whatsappLanguage() == null ? template.locale() : template.whatsappLanguage();
        return Optional.of(new ProviderTemplate(template.whatsappTemplate(), language, values));
    }

    /** A message without a template: the content is plain text, the HTML part its escaped copy. */
    public RenderedMessage literal(String subject, String content) {
        return new RenderedMessage(subject, content, textToHtml(content));
    }

    /** Checks a template's sources compile, naming the part at fault. */
    public void validate(Template template) {
        compile(text, template.subject(), "subject");
        compile(text, template.body(), "body");
        compile(html, template.html(), "html");
    }

    private static void compile(Mustache.Compiler compiler, String source, String field) {
        if (source == null) {
            return;
        }
        List<String> partials = new ArrayList<>();
        try {
            compiler.compile(source).visit(new PartialFinder(partials));
        } catch (MustacheException e) {
            throw InvalidRequestException.unprocessable(field, "template does not compile: " + e.getMessage());
        }
        if (!partials.isEmpty()) {
            throw InvalidRequestException.unprocessable(field, "partials are not supported: " + partials);
        }
    }

    /** Collects the partials ({@code {{> name}}}, {@code {{< parent}}}) a template would load. */
    private record PartialFinder(List<String> found) implements Mustache.Visitor {
        @Override
        public void visitText(String text) {}

        @Override
        public void visitVariable(String name) {}

        @Override
        public boolean visitInclude(String name) {
            found.add(name);
            return false;
        }

        @Override
        public boolean visitParent(String name) {
            found.add(name);
            return false;
        }

        @Override
        public boolean visitSection(String name) {
            return true;
        }

        @Override
        public boolean visitInvertedSection(String name) {
            return true;
        }
    }

    private static String apply(Mustache.Compiler compiler, String source, Map<String, Object> vars, String part) {
        try {
            return compiler.compile(source).execute(vars);
        } catch (MustacheException.Context missing) {
            throw InvalidRequestException.unprocessable(
                    "message.variables." + missing.key,
                    "the template's " + part + " uses '" + missing.key + "' but no value was given");
        } catch (MustacheException e) {
            throw InvalidRequestException.unprocessable(
                    "message.templateId", "template cannot be rendered: " + e.getMessage());
        }
    }

    static String textToHtml(String text) {
        String escaped = Mustache.compiler().escapeHTML(true).compile("{{t}}").execute(Map.of("t", text));
        return "<html><body><p>" + escaped.replace("\n\n", "</p><p>").replace("\n", "<br>") + "</p></body></html>";
    }
}
