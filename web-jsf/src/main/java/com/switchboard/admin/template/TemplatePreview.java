package com.switchboard.admin.template;

import com.switchboard.channel.SmsSegments;
import com.switchboard.error.FieldError;
import com.switchboard.error.InvalidRequestException;
import com.switchboard.template.ProviderTemplate;
import com.switchboard.template.RenderedMessage;
import com.switchboard.template.Template;
import com.switchboard.template.TemplateRenderer;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The per-channel preview of the Templates page: renders the edit form as it stands (saved or not)
 * with sample variables through {@link TemplateRenderer}, the same renderer sends use, and shows
 * what Email (subject, HTML), SMS (text, parts), WhatsApp (the approved template and its
 * parameters) and In-app would carry.
 */
@Named("templatePreview")
@ViewScoped
public class TemplatePreview implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    TemplatesView form;

    @Inject
    TemplateRenderer renderer;

    private String sampleVariables = "name=Ana\nvehicle=Golf AB12 CDE\ndate=1 December";
    private Rendered rendered;

    /** What each channel gets; {@code problem} says why nothing rendered. */
    public record Rendered(
            String subject,
            String html,
            String text,
            int smsSegments,
            String smsEncoding,
            String whatsApp,
            String problem)
            implements Serializable {}

    public void preview() {
        Template draft = form.draft();
        Map<String, Object> vars = variables();
        try {
            renderer.validate(draft);
            RenderedMessage m = renderer.render(draft, vars);
            String text = m.text() == null ? "" : m.text();
            String whatsApp = renderer.providerTemplate(draft, vars)
                    .map(TemplatePreview::describe)
                    .orElse("Text inside the 24-hour window; no approved template for outside it.");
            rendered = new Rendered(
                    m.subject(),
                    m.html(),
                    text,
                    SmsSegments.count(text),
                    SmsSegments.encoding(text).name(),
                    whatsApp,
                    null);
        } catch (InvalidRequestException e) {
            rendered = new Rendered(
                    null,
                    null,
                    null,
                    0,
                    null,
                    null,
                    e.errors().stream().map(FieldError::message).collect(Collectors.joining("; ")));
        } catch (RuntimeException e) {
            rendered = new Rendered(null, null, null, 0, null, null, "The template does not render: " + e.getMessage());
        }
    }

    private static String describe(ProviderTemplate t) {
        return t.name() + " (" + t.language() + ")"
                + (t.parameters().isEmpty() ? "" : " with " + String.join(", ", t.parameters()));
    }

    /** One {@code name=value} per line. */
    Map<String, Object> variables() {
        Map<String, Object> vars = new LinkedHashMap<>();
        if (sampleVariables != null) {
            for (String line : sampleVariables.split("\\R")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    vars.put(
                            line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                }
            }
        }
        return vars;
    }

    public Rendered getRendered() {
        return rendered;
    }

    public String getSampleVariables() {
        return sampleVariables;
    }

    public void setSampleVariables(String sampleVariables) {
        this.sampleVariables = sampleVariables;
    }
}
