package com.switchboard.template;

import com.switchboard.error.FieldError;
import com.switchboard.error.InvalidRequestException;
import com.switchboard.error.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Versioned templates: every save is a new version; sends pin the version they rendered. */
@ApplicationScoped
public class TemplateService {
    public static final String DEFAULT_LOCALE = "en";
    /** Characters of a template's body or HTML: at 3 bytes each both still fit one DynamoDB item. */
    private static final int MAX_SOURCE = 50_000;

    @Inject
    DynamoTemplateStore store;

    @Inject
    TemplateRenderer renderer;

    @Inject
    Clock clock;

    /** The request body of a template save. */
    public record TemplateDraft(
            String locale,
            String channel,
            String subject,
            String body,
            String html,
            String whatsappTemplate,
            String whatsappLanguage,
            List<String> whatsappParameters) {}

    public Template save(String name, TemplateDraft draft, String user) {
        validate(name, draft);
        String locale = locale(draft.locale());
        for (int attempt = 0; attempt < 5; attempt++) {
            int next = store.latest(name, locale).map(t -> t.version() + 1).orElse(1);
            Template t = new Template(
                    name,
                    locale,
                    next,
                    draft.channel(),
                    draft.subject(),
                    draft.body(),
                    draft.html(),
                    draft.whatsappTemplate(),
                    draft.whatsappLanguage(),
                    draft.whatsappParameters() == null ? List.of() : List.copyOf(draft.whatsappParameters()),
                    Instant.now(clock).toString(),
                    user);
            renderer.validate(t);
            if (store.insert(t)) {
                return t;
            }
        }
        throw new IllegalStateException("template " + name + " is being saved concurrently; try again");
    }

    public Template latest(String name, String locale) {
        return store.latest(name, locale(locale)).orElseThrow(() -> new NotFoundException("template", name));
    }

    public Template version(String name, String locale, int version) {
        return store.version(name, locale(locale), version)
                .orElseThrow(() -> new NotFoundException("template", name + " v" + version));
    }

    public List<Template> versions(String name) {
        List<Template> all = store.versions(name);
        if (all.isEmpty()) {
            throw new NotFoundException("template", name);
        }
        return all;
    }

    /** Every template saved (or re-saved) since the list was introduced, by name. */
    public List<TemplateSummary> list() {
        return store.summaries();
    }

    public void delete(String name) {
        if (store.deleteAll(name) == 0) {
            throw new NotFoundException("template", name);
        }
    }

    static String locale(String locale) {
        return locale == null || locale.isBlank()
                ? DEFAULT_LOCALE
                : Locale.forLanguageTag(locale).toLanguageTag();
    }

    private static void validate(String name, TemplateDraft draft) {
        List<FieldError> errors = new ArrayList<>();
        if (name == null || !name.matches("[A-Za-z0-9._-]{1,100}")) {
            errors.add(new FieldError("name", "letters, digits, '.', '_' or '-', at most 100"));
        }
        if (draft == null) {
            throw InvalidRequestException.invalid("body", "a template is required");
        }
        if (draft.body() == null || draft.body().isBlank()) {
            errors.add(new FieldError("body", "the template body is required"));
        }
        // a template is one DynamoDB item (400 KB at most), and every send renders it
        for (String[] part : new String[][] {{"body", draft.body()}, {"html", draft.html()}}) {
            if (part[1] != null && part[1].length() > MAX_SOURCE) {
                errors.add(new FieldError(part[0], "at most " + MAX_SOURCE + " characters"));
            }
        }
        if (draft.subject() != null
                && (draft.subject().contains("\r") || draft.subject().contains("\n"))) {
            errors.add(new FieldError("subject", "a subject is one line"));
        }
        if (draft.whatsappTemplate() != null && !draft.whatsappTemplate().matches("[a-z0-9_]{1,512}")) {
            errors.add(
                    new FieldError("whatsappTemplate", "a WhatsApp template name: lower-case letters, digits and '_'"));
        }
        if (draft.locale() != null
                && !draft.locale().isBlank()
                && Locale.forLanguageTag(draft.locale()).getLanguage().isEmpty()) {
            errors.add(new FieldError("locale", "not a BCP 47 language tag"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(InvalidRequestException.Kind.INVALID_VALUE, errors);
        }
    }
}
