package com.switchboard.channel.whatsapp;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Turns every Graph API error answer (HTTP 4xx/5xx) into a {@link GraphApiException} with Graph's
 * code, subcode, message and trace id ({@code error_data.details} appended when present). An answer
 * that is not Graph's error JSON (a gateway's page) keeps its HTTP status with code 0.
 */
public class GraphApiErrorMapper implements ResponseExceptionMapper<GraphApiException> {

    @Override
    public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    @Override
    public GraphApiException toThrowable(Response response) {
        return fromBody(response.getStatus(), body(response));
    }

    static GraphApiException fromBody(int status, String body) {
        JsonObject error = errorObject(body);
        if (error == null) {
            return new GraphApiException(status, 0, 0, null, "HTTP " + status + " without a Graph error body", null);
        }
        String message = error.getString("message", "no message");
        JsonValue data = error.get("error_data");
        if (data instanceof JsonObject d && d.get("details") instanceof jakarta.json.JsonString details) {
            message = message + ": " + details.getString();
        }
        return new GraphApiException(
                status,
                number(error, "code"),
                number(error, "error_subcode"),
                error.getString("type", null),
                message,
                error.getString("fbtrace_id", null));
    }

    private static String body(Response response) {
        try {
            return response.hasEntity() ? response.readEntity(String.class) : "";
        } catch (ProcessingException | IllegalStateException unreadable) {
            return "";
        }
    }

    private static JsonObject errorObject(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (value instanceof JsonObject o && o.get("error") instanceof JsonObject error) {
                return error;
            }
            return null;
        } catch (JsonException | IllegalStateException notJson) {
            return null;
        }
    }

    private static int number(JsonObject o, String name) {
        return o.get(name) instanceof JsonNumber n ? n.intValue() : 0;
    }
}
