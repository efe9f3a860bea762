package com.switchboard.admin.template;

import com.switchboard.admin.support.FieldMessages;
import com.switchboard.error.InvalidRequestException;
import com.switchboard.error.NotFoundException;
import com.switchboard.template.Template;
import com.switchboard.template.TemplateService;
import com.switchboard.template.TemplateSummary;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Backing bean of the Templates page (admins only, see web.xml): the list of templates, open one by
 * name, see its versions, and save a new version through {@link TemplateService}, starting from the
 * latest one. {@link TemplatePreview} renders the form as it stands.
 */
@Named("templatesView")
@ViewScoped
public class TemplatesView implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Map<String, String> FIELDS = Map.of(
            "name",
            "open:name",
            "locale",
            "edit:locale",
            "channel",
            "edit:channel",
            "subject",
            "edit:subject",
            "body",
            "edit:body",
            "html",
            "edit:html",
            "whatsappTemplate",
            "edit:waTemplate",
            "whatsappLanguage",
            "edit:waLanguage",
            "whatsappParameters",
            "edit:waParameters");

    @Inject
    TemplateService templates;

    private String name;
    private List<Template> versions;
    private List<TemplateSummary> list;
    private String locale = "en";
    private String channel;
    private String subject;
    private String body;
    private String html;
    private String waTemplate;
    private String waLanguage;
    private String waParameters;

    /** Opens a template picked from the list. */
    public String open(String picked) {
        name = picked;
        return open();
    }

    public List<TemplateSummary> getTemplates() {
        if (list == null) {
            list = templates.list();
        }
        return list;
    }

    /** The form as an unsaved template (version 0), for the preview. */
    Template draft() {
        return new Template(
                name == null ? "" : name.trim(),
                blankToNull(locale) == null ? "en" : locale.trim(),
                0,
                blankToNull(channel),
                blankToNull(subject),
                body == null ? "" : body,
                blankToNull(html),
                blankToNull(waTemplate),
                blankToNull(waLanguage),
                parameters(),
                null,
                null);
    }

    private List<String> parameters() {
        return waParameters == null || waParameters.isBlank()
                ? List.of()
                : Arrays.stream(waParameters.split("[,\\s]+"))
                        .filter(s -> !s.isBlank())
                        .toList();
    }

    public String open() {
        versions = null;
        try {
            versions = templates.versions(name == null ? null : name.trim());
            Template latest = versions.stream()
                    .max((a, b) -> Integer.compare(a.version(), b.version()))
                    .orElseThrow();
            edit(latest);
        } catch (NotFoundException e) {
            versions = List.of();
            FieldMessages.page(
                    FacesMessage.SEVERITY_INFO,
                    "No template named '" + name.trim() + "' yet: saving creates version 1.");
        } catch (InvalidRequestException e) {
            FieldMessages.show(e, FIELDS);
        }
        return null;
    }

    /** Loads one version into the form, as the start of the next. */
    public void edit(Template t) {
        locale = t.locale();
        channel = t.channel();
        subject = t.subject();
        body = t.body();
        html = t.html();
        waTemplate = t.whatsappTemplate();
        waLanguage = t.whatsappLanguage();
        waParameters = t.whatsappParameters() == null ? null : String.join(", ", t.whatsappParameters());
    }

    public String save() {
        if (!jakarta.faces.context.FacesContext.getCurrentInstance()
                .getExternalContext()
                .isUserInRole("admin")) {
            FieldMessages.page(FacesMessage.SEVERITY_ERROR, "Only an admin saves templates.");
            return null;
        }
        try {
            Template saved = templates.save(
                    name.trim(),
                    new TemplateService.TemplateDraft(
                            blankToNull(locale),
                            blankToNull(channel),
                            blankToNull(subject),
                            body,
                            blankToNull(html),
                            blankToNull(waTemplate),
                            blankToNull(waLanguage),
                            parameters()),
                    FieldMessages.user());
            versions = templates.versions(saved.name());
            list = null;
            FieldMessages.page(
                    FacesMessage.SEVERITY_INFO, "Saved " + saved.name() + " version " + saved.version() + ".");
        } catch (InvalidRequestException e) {
            FieldMessages.show(e, FIELDS);
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public boolean isOpened() {
        return versions != null;
    }

    public List<Template> getVersions() {
        return versions;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getLocale() {
        return locale;
    }

    public void setLocale(String locale) {
        this.locale = locale;
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public String getHtml() {
        return html;
    }

    public void setHtml(String html) {
        this.html = html;
    }

    public String getWaTemplate() {
        return waTemplate;
    }

    public void setWaTemplate(String waTemplate) {
        this.waTemplate = waTemplate;
    }

    public String getWaLanguage() {
        return waLanguage;
    }

    public void setWaLanguage(String waLanguage) {
        this.waLanguage = waLanguage;
    }

    public String getWaParameters() {
        return waParameters;
    }

    public void setWaParameters(String waParameters) {
        this.waParameters = waParameters;
    }
}
