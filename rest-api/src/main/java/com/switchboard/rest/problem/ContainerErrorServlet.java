package com.switchboard.rest.problem;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;

/**
 * Errors the web container answers before JAX-RS runs (401 of the login challenge, 403 of a
 * security constraint, 404 outside the API, 405) as problem documents too, through web.xml's
 * error pages. The container keeps its own headers, such as WWW-Authenticate.
 */
@WebServlet("/problems/container-error")
public class ContainerErrorServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Jsonb JSONB = JsonbBuilder.create();

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : response.getStatus();
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "HTTP " + status : type.getReasonPhrase();
        String detail = status == 401 ? "authentication is required" : null;
        response.setStatus(status);
        response.setContentType(ProblemDetail.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter()
                .write(JSONB.toJson(new ProblemDetail("/problems/http-" + status, title, status, detail, null)));
    }
}
