package com.switchboard.rest.problem;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A JSON-B failure that reaches us unwrapped is a malformed body, reported like the wrapped ones. */
@Provider
public class BindingMapper implements ExceptionMapper<JsonbException> {
    @Override
    public Response toResponse(JsonbException e) {
        return new WebApplicationMapper().toResponse(new BadRequestException(e.getMessage(), e));
    }
}
