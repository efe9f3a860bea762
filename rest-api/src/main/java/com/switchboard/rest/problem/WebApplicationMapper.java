package com.switchboard.rest.problem;

import com.switchboard.error.FieldError;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runtime's own HTTP errors (404 of an unknown path, 405, 415, 403 of a role check) and bodies
 * that are not JSON or do not bind, as problem documents. A binding error names the property
 * JSON-B could not read, or {@code body} when the JSON itself is broken.
 */
@Provider
public class WebApplicationMapper implements ExceptionMapper<WebApplicationException> {
    private static final Pattern PROPERTY =
            Pattern.compile("(?:property|field)[: ]+'?([A-Za-z0-9_]+)'?", Pattern.CASE_INSENSITIVE);

    @Override
    public Response toResponse(WebApplicationException e) {
        Throwable binding = bindingCause(e);
        if (binding != null) {
            return ProblemDetail.response(
                    400,
                    "malformed-body",
                    "The request body is not valid JSON for this resource",
                    binding.getMessage(),
                    List.of(new FieldError(field(binding), "cannot be read: " + firstLine(binding.getMessage()))));
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "HTTP " + status : type.getReasonPhrase();
        return ProblemDetail.response(
                status, "http-" + status, title, status >= 500 ? null : e.getMessage(), List.of());
    }

    private static Throwable bindingCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonbException
                    || t instanceof JsonParsingException
                    || t instanceof jakarta.json.JsonException) {
                return t;
            }
        }
        return null;
    }

    private static String field(Throwable binding) {
        if (binding instanceof JsonParsingException) {
            return "body";
        }
        for (Throwable t = binding; t != null; t = t.getCause()) {
            Matcher m = t.getMessage() == null ? null : PROPERTY.matcher(t.getMessage());
            if (m != null && m.find()) {
                return m.group(1);
            }
        }
        return "body";
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
