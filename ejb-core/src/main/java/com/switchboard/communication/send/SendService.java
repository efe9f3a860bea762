package com.switchboard.communication.send;

import com.switchboard.channel.Channel;
import com.switchboard.channel.ChannelProviders;
import com.switchboard.communication.ChannelSelection;
import com.switchboard.communication.CommunicationStatus;
import com.switchboard.communication.CommunicationView;
import com.switchboard.communication.DynamoCommunicationViews;
import com.switchboard.communication.DynamoIdempotencyStore;
import com.switchboard.communication.NewCommunication;
import com.switchboard.communication.ReadScope;
import com.switchboard.communication.SendMode;
import com.switchboard.communication.SendRequest;
import com.switchboard.communication.Urgency;
import com.switchboard.document.DocumentRef;
import com.switchboard.document.DocumentService;
import com.switchboard.error.FieldError;
import com.switchboard.error.InvalidRequestException;
import com.switchboard.error.NotFoundException;
import com.switchboard.limits.CallerLimits;
import com.switchboard.template.ProviderTemplate;
import com.switchboard.template.RenderedMessage;
import com.switchboard.template.Template;
import com.switchboard.template.TemplateRenderer;
import com.switchboard.template.TemplateService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The send use case: validate, resolve recipients, then hand the communication to
 * {@link Acceptance}, which stores it and queues it now or at its {@code scheduledAt}. A send
 * that cannot be stored or queued is taken back whole (items and idempotency key) and the caller
 * told, so an accepted send is never lost.
 */
@ApplicationScoped
public class SendService {
    private static final int MAX_CONTENT = 100_000;
    /** Deliveries one send may plan, counting every fallback and {@code mode: all} copy. */
    public static final int MAX_RECIPIENTS = 10_000;
    /** Ids callers use for their own records (UUIDs, order numbers, URNs): no spaces, nothing to escape in a header or log. */
    private static final String CORRELATION_ID = "[A-Za-z0-9._:/@+=-]{1,128}";
    /** What the rendered subject, text and HTML may take in the DETAILS item, well inside DynamoDB's 400 KB. */
    private static final int MAX_RENDERED_BYTES = 300_000;

    @Inject
    CallerLimits limits;

    @Inject
    RecipientPlanner planner;

    @Inject
    TemplateService templates;

    @Inject
    TemplateRenderer renderer;

    @Inject
    ChannelProviders providers;

    @Inject
    DynamoCommunicationViews views;

    @Inject
    DynamoIdempotencyStore idempotency;

    @Inject
    Acceptance acceptance;

    @Inject
    DocumentService documents;

    @Inject
    Clock clock;

    /**
     * Accepts a send from {@code caller}; {@code scope} says whose uploaded documents it may attach
     * (staff any, an integration client its own).
     */
    public SendAccepted send(SendRequest request, String idempotencyKey, String caller, ReadScope scope) {
        NewCommunication c = prepare(request, idempotencyKey, caller, scope);
        String scopedKey = idempotencyKey == null ? null : caller + ":" + idempotencyKey;
        if (scopedKey != null) {
            Optional<DynamoIdempotencyStore.Claim> earlier = idempotency.claim(
                    scopedKey, c.id(), DynamoIdempotencyStore.requestHash(request), Instant.now(clock));
            if (earlier.isPresent()) {
                if (!earlier.get().requestHash().equals(DynamoIdempotencyStore.requestHash(request))) {
                    throw InvalidRequestException.unprocessable(
                            "Idempotency-Key", "this key was used with a different request body");
                }
                return new SendAccepted(earlier.get().communicationId(), true, null, request.correlationId());
            }
        }
        CommunicationStatus status;
        try {
            status = acceptance.accept(c); // takes back what it stored when it fails
        } catch (RuntimeException e) {
            if (scopedKey != null) {
                idempotency.release(scopedKey);
            }
            throw e;
        }
        return new SendAccepted(c.id(), false, status.name(), request.correlationId());
    }

    public CommunicationView get(String id, ReadScope scope) {
        return views.view(id)
                .filter(c -> scope.allows(c.createdBy()))
                .orElseThrow(() -> new NotFoundException("communication", id));
    }

    private NewCommunication prepare(SendRequest request, String idempotencyKey, String caller, ReadScope scope) {
        if (request == null) {
            throw InvalidRequestException.invalid("body", "a request body is required");
        }
        if (request.category() != null
                && !request.marketing()
                && !"service".equalsIgnoreCase(request.category().trim())) {
            throw InvalidRequestException.unprocessable("category", "service (the default) or marketing");
        }
        if (request.correlationId() != null && !request.correlationId().matches(CORRELATION_ID)) {
            throw InvalidRequestException.unprocessable(
                    "correlationId", "1 to 128 characters of letters, digits and . _ : / @ + = -");
        }
        List<FieldError> errors = new ArrayList<>();
        if (idempotencyKey != null && !idempotencyKey.matches("[\\x21-\\x7e]{1,200}")) {
            errors.add(new FieldError("Idempotency-Key", "1 to 200 visible ASCII characters"));
        }
        Urgency urgency = parseUrgency(request.urgency(), errors);
        List<Channel> channels = parseChannels(request.channels(), "channels", errors);
        Channel primary = parseChannel(request.primaryChannel(), "primaryChannel", errors);
        checkSchedule(request.scheduledAt(), errors);
        SendMode mode = parseMode(request, errors);
        List<Channel> fallback =
                request.fallback() == null ? null : parseChannels(request.fallback(), "fallback", errors);
        checkEscalateAfter(request.escalateAfter(), errors);
        SendRequest.Message message = request.message();
        if (message == null) {
            errors.add(new FieldError("message", "a message with content or a templateId is required"));
        } else {
            checkMessage(message, errors);
        }
        int explicit = request.recipients() == null ? 0 : request.recipients().size();
        int stakeholders =
                request.stakeholderIds() == null ? 0 : request.stakeholderIds().size();
        if (explicit + stakeholders == 0) {
            errors.add(new FieldError("recipients", "at least one recipient or stakeholderId is required"));
        } else if (explicit + stakeholders > MAX_RECIPIENTS) {
            errors.add(new FieldError("recipients", "at most " + MAX_RECIPIENTS + " recipients per send"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(InvalidRequestException.Kind.INVALID_VALUE, errors);
        }
        Template template = message.templateId() == null ? null : template(message);
        RenderedMessage rendered = template == null
                ? renderer.literal(message.subject(), message.content())
                : renderer.render(template, message.variables());
        checkRendered(rendered, message, errors);
        List<NewCommunication.Planned> planned = planner.plan(
                request,
                new RecipientPlanner.Criteria(
                        channels,
                        primary,
                        urgency,
                        ChannelSelection.Content.of(rendered, template, message.content()),
                        mode,
                        fallback),
                errors);
        int deliveries = planned.stream()
                .mapToInt(p -> 1 + (p.fallbacks() == null ? 0 : p.fallbacks().size()))
                .sum();
        if (deliveries > MAX_RECIPIENTS) {
            // what a send can cost: every copy (mode all) and every fallback it may take, not only the names listed
            errors.add(new FieldError(
                    "recipients",
                    deliveries + " deliveries planned with their fallbacks, at most " + MAX_RECIPIENTS + " per send"));
        }
        List<DocumentRef> attachments =
                documents.attachable(request.attachments(), scope::allows, errors); // one BatchGetItem
        for (NewCommunication.Planned p : planned) {
            if (!providers.available(p.channel())) {
                errors.add(new FieldError(
                        p.stakeholderId() == null ? "recipients[" + p.index() + "].channel" : "stakeholderIds",
                        "channel " + p.channel() + " is not available on this server yet"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(
                    invalidValuesOnly(errors)
                            ? InvalidRequestException.Kind.INVALID_VALUE
                            : InvalidRequestException.Kind.UNPROCESSABLE,
                    errors);
        }
        ProviderTemplate providerTemplate = template == null
                ? null
                : renderer.providerTemplate(template, message.variables()).orElse(null);
        refusals(planned, rendered, providerTemplate, attachments, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(InvalidRequestException.Kind.UNPROCESSABLE, errors);
        }
        if (planned.stream()
                        .anyMatch(p -> p.channel() == Channel.Email
                                || p.fallbacks().stream().anyMatch(f -> f.channel() == Channel.Email))
                && (rendered.subject() == null || rendered.subject().isBlank())) {
            throw InvalidRequestException.invalid(
                    "message.subject", "email needs a subject (in the message or the template)");
        }
        limits.recipients(caller, planned.size()); // a valid send only: a refused one costs nothing
        List<String> channelNames = channels.isEmpty()
                ? planned.stream().map(p -> p.channel().name()).distinct().toList()
                : channels.stream().map(Channel::name).toList();
        return new NewCommunication(
                UUID.randomUUID().toString(),
                request,
                urgency,
                channelNames,
                template == null ? null : template.version(),
                template == null ? null : template.locale(),
                rendered,
                providerTemplate,
                planned,
                Instant.now(clock).toString(),
                caller,
                idempotencyKey,
                attachments);
    }

    /** What a recipient's provider already knows it could never deliver, as 422s naming the recipient. */
    private void refusals(
            List<NewCommunication.Planned> planned,
            RenderedMessage rendered,
            ProviderTemplate template,
            List<DocumentRef> attachments,
            List<FieldError> errors) {
        for (NewCommunication.Planned p : planned) {
            providers
                    .forChannel(p.channel())
                    .flatMap(provider -> provider.refusal(p.address(), rendered, template, attachments))
                    .ifPresent(reason -> errors.add(new FieldError(recipientField(p), reason)));
        }
    }

    private static String recipientField(NewCommunication.Planned p) {
        return p.stakeholderId() == null ? "recipients[" + p.index() + "]" : "stakeholderIds";
    }

    /** Unknown names and malformed addresses are 400; references to what is missing or unavailable are 422. */
    private static boolean invalidValuesOnly(List<FieldError> errors) {
        return errors.stream()
                .allMatch(e -> e.message().startsWith("unknown channel")
                        || e.message().startsWith("not ")
                        || e.message().startsWith("an address"));
    }

    private Template template(SendRequest.Message message) {
        try {
            return templates.latest(message.templateId(), message.locale());
        } catch (NotFoundException e) {
            throw InvalidRequestException.unprocessable(
                    "message.templateId", "no template named '" + message.templateId() + "'");
        }
    }

    /**
     * What only rendering shows: a variable that makes the subject span lines (a mail header
     * injection), and HTML escaping or variables that make the message too big to store.
     */
    private static void checkRendered(RenderedMessage r, SendRequest.Message m, List<FieldError> errors) {
        if (r.subject() != null && (r.subject().contains("\r") || r.subject().contains("\n"))) {
            Map<String, Object> vars = m.variables() == null ? Map.of() : m.variables();
            vars.forEach((name, value) -> {
                if (value != null
                        && (value.toString().contains("\r") || value.toString().contains("\n"))) {
                    errors.add(new FieldError(
                            "message.variables." + name, "a subject is one line: no CR or LF in its variables"));
                }
            });
        }
        long bytes = utf8Length(r.subject()) + utf8Length(r.text()) + utf8Length(r.html());
        if (bytes > MAX_RENDERED_BYTES) {
            errors.add(new FieldError(
                    m.templateId() == null ? "message.content" : "message.variables",
                    "the rendered message takes " + bytes + " bytes, at most " + MAX_RENDERED_BYTES));
        }
    }

    private static long utf8Length(String s) {
        return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static void checkMessage(SendRequest.Message m, List<FieldError> errors) {
        boolean hasContent = m.content() != null && !m.content().isBlank();
        if (m.templateId() == null && !hasContent) {
            errors.add(new FieldError("message.content", "content or a templateId is required"));
        }
        if (m.content() != null && m.content().length() > MAX_CONTENT) {
            errors.add(new FieldError("message.content", "at most " + MAX_CONTENT + " characters"));
        }
        if (m.subject() != null
                && (m.subject().contains("\r")
                        || m.subject().contains("\n")
                        || m.subject().length() > 998)) {
            errors.add(new FieldError("message.subject", "a subject is one line of at most 998 characters"));
        }
    }

    private static Urgency parseUrgency(String urgency, List<FieldError> errors) {
        if (urgency == null) {
            return Urgency.normal;
        }
        return Arrays.stream(Urgency.values())
                .filter(u -> u.name().equals(urgency))
                .findFirst()
                .orElseGet(() -> {
                    errors.add(new FieldError("urgency", "one of critical, high, normal, low"));
                    return Urgency.normal;
                });
    }

    private static List<Channel> parseChannels(List<String> names, String field, List<FieldError> errors) {
        List<Channel> channels = new ArrayList<>();
        for (int i = 0; names != null && i < names.size(); i++) {
            Channel c = parseChannel(names.get(i), field + "[" + i + "]", errors);
            if (c != null && !channels.contains(c)) {
                channels.add(c);
            }
        }
        return channels;
    }

    private static Channel parseChannel(String name, String field, List<FieldError> errors) {
        if (name == null) {
            return null;
        }
        Optional<Channel> c = Channel.parse(name);
        if (c.isEmpty()) {
            errors.add(new FieldError(field, "unknown channel '" + name + "'; one of Email, SMS, WhatsApp, InApp"));
        }
        return c.orElse(null);
    }

    private static SendMode parseMode(SendRequest request, List<FieldError> errors) {
        if (request.mode() == null) {
            return SendMode.FIRST_SUCCESS;
        }
        Optional<SendMode> mode = SendMode.parse(request.mode());
        if (mode.isEmpty()) {
            errors.add(new FieldError("mode", "unknown mode '" + request.mode() + "'; one of first-success, all"));
        } else if (mode.get() == SendMode.ALL && (request.fallback() != null || request.escalateAfter() != null)) {
            errors.add(new FieldError(
                    request.fallback() != null ? "fallback" : "escalateAfter",
                    "not with mode all, which sends on every channel at once"));
        }
        return mode.orElse(SendMode.FIRST_SUCCESS);
    }

    private static void checkEscalateAfter(String escalateAfter, List<FieldError> errors) {
        if (escalateAfter == null) {
            return;
        }
        try {
            Duration d = Duration.parse(escalateAfter);
            if (d.isNegative() || d.isZero() || d.compareTo(Duration.ofDays(7)) > 0) {
                errors.add(new FieldError("escalateAfter", "not a duration between PT1S and P7D"));
            }
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("escalateAfter", "not an ISO-8601 duration such as PT10M"));
        }
    }

    private void checkSchedule(String scheduledAt, List<FieldError> errors) {
        if (scheduledAt == null) {
            return;
        }
        try {
            Instant.parse(scheduledAt); // a time not in the future sends now
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("scheduledAt", "not an ISO-8601 instant such as 2026-01-31T09:00:00Z"));
        }
    }
}
