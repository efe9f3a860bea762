package com.switchboard.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.switchboard.error.InvalidRequestException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateRendererTest {
    private final TemplateRenderer renderer = new TemplateRenderer();
    private final Template reminder = new Template(
            "reminder",
            "en",
            1,
            "Email",
            "{{vehicle}} service",
            "Hi {{name}}, see you on {{date}}.",
            "<p>Hi {{name}}</p>",
            "service_reminder",
            "en_GB",
            java.util.List.of("name", "date"),
            null,
            null);

    @Test
    void escapesVariablesInHtmlButNotInTextOrSubject() {
        RenderedMessage m = renderer.render(reminder, Map.of("name", "<Ana>", "vehicle", "Golf & Co", "date", "1 Dec"));
        assertEquals("Golf & Co service", m.subject(), "subject is plain text");
        assertEquals("Hi <Ana>, see you on 1 Dec.", m.text(), "text is plain text");
        assertEquals("<p>Hi &lt;Ana&gt;</p>", m.html(), "HTML escapes variables");
    }

    @Test
    void templateSyntaxInsideAVariableIsRenderedAsText() {
        RenderedMessage m = renderer.render(
                reminder,
                Map.of("name", "{{date}} {{#date}}x{{/date}} {{> secrets}}", "vehicle", "Golf", "date", "1 Dec"));
        assertEquals(
                "Hi {{date}} {{#date}}x{{/date}} {{> secrets}}, see you on 1 Dec.",
                m.text(),
                "the variable is not evaluated");
    }

    @Test
    void partialsAreRefusedWhenSavedAndAClientErrorWhenRendered() {
        Template withPartial = new Template(
                "p", "en", 1, "Email", "s", "Hi {{> /etc/passwd}}", null, null, null, java.util.List.of(), null, null);
        InvalidRequestException saved =
                assertThrows(InvalidRequestException.class, () -> renderer.validate(withPartial));
        assertEquals("body", saved.errors().get(0).field(), "names the part holding the partial");
        InvalidRequestException rendered =
                assertThrows(InvalidRequestException.class, () -> renderer.render(withPartial, Map.of()));
        assertEquals(
                InvalidRequestException.Kind.UNPROCESSABLE,
                rendered.kind(),
                "a stored template with a partial fails the send as unprocessable, not a 500");
    }

    @Test
    void aMissingVariableIsAClientErrorNamingIt() {
        InvalidRequestException e = assertThrows(
                InvalidRequestException.class,
                () -> renderer.render(reminder, Map.of("name", "Ana", "vehicle", "Golf")));
        assertEquals(InvalidRequestException.Kind.UNPROCESSABLE, e.kind(), "unprocessable");
        assertEquals("message.variables.date", e.errors().get(0).field(), "names the variable");
    }

    @Test
    void theWhatsAppTemplateTakesItsParametersFromTheVariablesInOrder() {
        ProviderTemplate t = renderer.providerTemplate(reminder, Map.of("date", "1 Dec", "name", "Ana"))
                .orElseThrow();
        assertEquals(new ProviderTemplate("service_reminder", "en_GB", java.util.List.of("Ana", "1 Dec")), t);
        InvalidRequestException e = assertThrows(
                InvalidRequestException.class, () -> renderer.providerTemplate(reminder, Map.of("name", "Ana")));
        assertEquals("message.variables.date", e.errors().get(0).field(), "names the missing parameter");
    }

    @Test
    void literalContentGetsAnEscapedHtmlAlternative() {
        RenderedMessage m = renderer.literal("Ready", "Your car <Golf> is ready.\nCome by.");
        assertTrue(m.html().contains("Your car &lt;Golf&gt; is ready.<br>Come by."), m.html());
    }
}
