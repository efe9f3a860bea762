package com.switchboard.admin.compose;

import com.switchboard.admin.support.FieldMessages;
import com.switchboard.admin.support.LocalTimes;
import com.switchboard.channel.SmsSegments;
import com.switchboard.communication.ReadScope;
import com.switchboard.communication.SendRequest;
import com.switchboard.communication.send.SendAccepted;
import com.switchboard.communication.send.SendService;
import com.switchboard.error.InvalidRequestException;
import com.switchboard.error.NotFoundException;
import com.switchboard.error.TooManyRequestsException;
import com.switchboard.template.ProviderTemplate;
import com.switchboard.template.RenderedMessage;
import com.switchboard.template.Template;
import com.switchboard.template.TemplateRenderer;
import com.switchboard.template.TemplateService;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Backing bean of the Compose page: the send form, a live preview of what each channel would get
 * from the template, and the send itself through {@link SendService} (in process, never over
 * HTTP). The service's field errors are shown next to the inputs they name.
 */
@Named("composeView")
@ViewScoped
public class ComposeView implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String FORM = "compose:";

    @Inject
    SendService sendService;

    @Inject
    ComposeAttachment attachment;

    @Inject
    TemplateService templates;

    @Inject
    TemplateRenderer renderer;

    private String email;
    private String sms;
    private String whatsApp;
    private String inApp;
    private String stakeholderIds;
    private List<String> channels = new ArrayList<>();
    private String primaryChannel;
    private String urgency = "normal";
    private String templateName;
    private String locale;
    private String variables;
    private String subject;
    private String content;
    private String scheduledAt;
    private String customerId;
    private String vehicleId;

    /** What the template (or literal content) renders to now, per channel; null until there is something to show. */
    private Preview preview;

    /** The preview shown per channel: email subject and HTML, SMS text and part count, the WhatsApp template. */
    public record Preview(
            String subject,
            String html,
            String text,
            int smsSegments,
            String smsEncoding,
            String whatsAppTemplate,
            String problem)
            implements Serializable {}

    public void updatePreview() {
        preview = null;
        try {
            RenderedMessage rendered;
            String waTemplate = null;
            if (blank(templateName)) {
                if (blank(content)) {
                    return;
                }
                rendered = renderer.literal(subject, content);
            } else {
                Template t = templates.latest(templateName.trim(), blank(locale) ? null : locale.trim());
                Map<String, Object> vars = variables();
                rendered = renderer.render(t, vars);
                waTemplate = renderer.providerTemplate(t, vars)
                        .map(ProviderTemplate::name)
                        .orElse(null);
            }
            String text = rendered.text() == null ? "" : rendered.text();
            preview = new Preview(
                    rendered.subject(),
                    rendered.html(),
                    text,
                    SmsSegments.count(text),
                    SmsSegments.encoding(text).name(),
                    waTemplate,
                    null);
        } catch (NotFoundException e) {
            preview = new Preview(null, null, null, 0, null, null, "No template named '" + templateName.trim() + "'.");
        } catch (RuntimeException e) {
            preview = new Preview(null, null, null, 0, null, null, "The template does not render: " + e.getMessage());
        }
    }

    public String send() throws IOException {
        List<SendRequest.Recipient> recipients = new ArrayList<>();
        List<String> recipientInputs = new ArrayList<>();
        addRecipient(recipients, recipientInputs, "Email", email, "email");
        addRecipient(recipients, recipientInputs, "SMS", sms, "sms");
        addRecipient(recipients, recipientInputs, "WhatsApp", whatsApp, "whatsApp");
        addRecipient(recipients, recipientInputs, "InApp", inApp, "inApp");
        List<String> stakeholders = blank(stakeholderIds)
                ? List.of()
                : Arrays.stream(stakeholderIds.split("[,\\s]+"))
                        .filter(s -> !s.isBlank())
                        .toList();
        List<String> attachments = attachment.ids();
        SendRequest.Message message = new SendRequest.Message(
                emptyToNull(subject),
                emptyToNull(content),
                emptyToNull(templateName),
                emptyToNull(locale),
                blank(templateName) ? null : variables());
        SendRequest request = new SendRequest(
                emptyToNull(vehicleId),
                emptyToNull(customerId),
                channels.isEmpty() ? null : List.copyOf(channels),
                emptyToNull(primaryChannel),
                message,
                recipients.isEmpty() ? null : recipients,
                stakeholders.isEmpty() ? null : stakeholders,
                LocalTimes.instant(scheduledAt),
                emptyToNull(urgency),
                null,
                null,
                null,
                null,
                null,
                attachments.isEmpty() ? null : attachments);
        try {
            SendAccepted accepted =
                    sendService.send(request, null, FieldMessages.user(), ReadScope.ALL); // the console is staff-only
            FacesContext ctx = FacesContext.getCurrentInstance();
            ctx.getExternalContext().getFlash().setKeepMessages(true);
            FieldMessages.page(
                    FacesMessage.SEVERITY_INFO, "Communication " + accepted.communicationId() + " accepted.");
            return "/communication.xhtml?faces-redirect=true&id=" + accepted.communicationId();
        } catch (InvalidRequestException e) {
            FieldMessages.show(e, field -> component(field, recipientInputs));
            return null;
        } catch (TooManyRequestsException e) {
            FieldMessages.page(FacesMessage.SEVERITY_ERROR, "Not sent: " + e.getMessage() + ".");
            return null;
        }
    }

    /** Adds a stakeholder picked from the search to the ids field, once. */
    void addStakeholder(String id) {
        List<String> ids = new ArrayList<>(
                blank(stakeholderIds)
                        ? List.of()
                        : Arrays.stream(stakeholderIds.split("[,\\s]+"))
                                .filter(s -> !s.isBlank())
                                .toList());
        if (!ids.contains(id)) {
            ids.add(id);
        }
        stakeholderIds = String.join(", ", ids);
    }

    private static void addRecipient(
            List<SendRequest.Recipient> recipients, List<String> inputs, String channel, String address, String input) {
        if (!blank(address)) {
            recipients.add(new SendRequest.Recipient(channel, address.trim(), null, null));
            inputs.add(input);
        }
    }

    /** The input a send-request field belongs to, or null for the page-level messages. */
    static String component(String field, List<String> recipientInputs) {
        if (field.startsWith("recipients[")) {
            int index = Integer.parseInt(field.substring("recipients[".length(), field.indexOf(']')));
            return index < recipientInputs.size() ? FORM + recipientInputs.get(index) : FORM + "email";
        }
        if (field.startsWith("attachments")) {
            return ComposeAttachment.INPUT;
        }
        if (field.startsWith("channels")) {
            return FORM + "channels";
        }
        switch (field) {
            case "recipients":
                return FORM + "email";
            case "stakeholderIds":
                return FORM + "stakeholders";
            case "primaryChannel":
                return FORM + "primary";
            case "urgency":
                return FORM + "urgency";
            case "scheduledAt":
                return FORM + "scheduledAt";
            case "message.templateId":
                return FORM + "template";
            case "message.subject":
                return FORM + "subject";
            case "message":
            case "message.content":
                return FORM + "content";
            default:
                return null;
        }
    }

    /** The variables field: one {@code name=value} per line. */
    Map<String, Object> variables() {
        Map<String, Object> vars = new LinkedHashMap<>();
        if (variables != null) {
            for (String line : variables.split("\\R")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    vars.put(
                            line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                }
            }
        }
        return vars;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String emptyToNull(String s) {
        return blank(s) ? null : s.trim();
    }

    public Preview getPreview() {
        return preview;
    }

    public List<String> getChannelNames() {
        return List.of("Email", "SMS", "WhatsApp", "InApp");
    }

    public List<String> getUrgencies() {
        return List.of("critical", "high", "normal", "low");
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getSms() {
        return sms;
    }

    public void setSms(String sms) {
        this.sms = sms;
    }

    public String getWhatsApp() {
        return whatsApp;
    }

    public void setWhatsApp(String whatsApp) {
        this.whatsApp = whatsApp;
    }

    public String getInApp() {
        return inApp;
    }

    public void setInApp(String inApp) {
        this.inApp = inApp;
    }

    public String getStakeholderIds() {
        return stakeholderIds;
    }

    public void setStakeholderIds(String stakeholderIds) {
        this.stakeholderIds = stakeholderIds;
    }

    public List<String> getChannels() {
        return channels;
    }

    public void setChannels(List<String> channels) {
        this.channels = channels == null ? new ArrayList<>() : new ArrayList<>(channels);
    }

    public String getPrimaryChannel() {
        return primaryChannel;
    }

    public void setPrimaryChannel(String primaryChannel) {
        this.primaryChannel = primaryChannel;
    }

    public String getUrgency() {
        return urgency;
    }

    public void setUrgency(String urgency) {
        this.urgency = urgency;
    }

    public String getTemplateName() {
        return templateName;
    }

    public void setTemplateName(String templateName) {
        this.templateName = templateName;
    }

    public String getLocale() {
        return locale;
    }

    public void setLocale(String locale) {
        this.locale = locale;
    }

    public String getVariables() {
        return variables;
    }

    public void setVariables(String variables) {
        this.variables = variables;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getContent() {
        return content;
    }

    public void setContent(String content) {
        this.content = content;
    }

    public String getScheduledAt() {
        return scheduledAt;
    }

    public void setScheduledAt(String scheduledAt) {
        this.scheduledAt = scheduledAt;
    }

    public String getCustomerId() {
        return customerId;
    }

    public void setCustomerId(String customerId) {
        this.customerId = customerId;
    }

    public String getVehicleId() {
        return vehicleId;
    }

    public void setVehicleId(String vehicleId) {
        this.vehicleId = vehicleId;
    }
}
