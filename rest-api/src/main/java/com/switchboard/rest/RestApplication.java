package com.switchboard.rest;

import com.switchboard.rest.problem.ProblemDetail;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The Switchboard JAX-RS API, rooted at the WAR's context root {@code /}. Its OpenAPI document
 * (served at {@code /openapi}, browsable at {@code /openapi/ui}) is generated at build time, see
 * rest-api/pom.xml; the error responses every operation refers to are defined here once.
 */
@ApplicationPath("/")
@DeclareRoles({Roles.CSR, Roles.ADMIN, Roles.INTEGRATION, Roles.USER})
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Switchboard API",
                        version = "1.0",
                        description =
                                "Multi-channel communications (email, SMS, WhatsApp, in-app): send, track, preferences, "
                                        + "templates, channels, analytics. Staff and users authenticate with HTTP Basic; integration "
                                        + "clients with an API key issued by an administrator. Errors are RFC 9457 problem documents."),
        tags = {
            @Tag(name = "Send", description = "Accept communications for delivery"),
            @Tag(name = "Communications", description = "Read, cancel and reschedule one communication"),
            @Tag(name = "Tracking", description = "Delivery state and receipt timelines"),
            @Tag(name = "Channels", description = "Channels, their providers and test sends"),
            @Tag(name = "Preferences", description = "Stakeholders' channel preferences"),
            @Tag(name = "Templates", description = "Versioned message templates"),
            @Tag(name = "In-app inbox", description = "The signed-in user's own notes"),
            @Tag(name = "Analytics", description = "Delivery statistics"),
            @Tag(name = "Conversations", description = "Customers' SMS and WhatsApp messages and CSRs' replies"),
            @Tag(name = "API keys", description = "Keys of integration clients (administrators)"),
            @Tag(name = "Webhooks", description = "Receipts from providers, authenticated by signature"),
            @Tag(name = "Consent", description = "Suppressions, opt-outs and one-click unsubscribe"),
            @Tag(name = "Documents", description = "Attachments: upload, then send by id; signed download links"),
            @Tag(
                    name = "Event webhooks",
                    description = "Signed delivery events sent to integrators' endpoints (administrators)")
        },
        servers = @Server(url = "/", description = "This Switchboard server"),
        components =
                @Components(
                        securitySchemes = {
                            @SecurityScheme(
                                    securitySchemeName = "basic",
                                    type = SecuritySchemeType.HTTP,
                                    scheme = "basic",
                                    description =
                                            "Users of the server's user registry (csr, admin, integration, user)"),
                            @SecurityScheme(
                                    securitySchemeName = "apiKey",
                                    type = SecuritySchemeType.APIKEY,
                                    in = SecuritySchemeIn.HEADER,
                                    apiKeyName = "X-Api-Key",
                                    description = "An integration client's key (role integration); "
                                            + "`Authorization: ApiKey <key>` is accepted too")
                        },
                        responses = {
                            @APIResponse(
                                    name = "BadRequest",
                                    responseCode = "400",
                                    description = "A value is malformed; errors names every field",
                                    content =
                                            @Content(
                                                    mediaType = ProblemDetail.MEDIA_TYPE,
                                                    schema = @Schema(implementation = ProblemDetail.class))),
                            @APIResponse(
                                    name = "Unauthorized",
                                    responseCode = "401",
                                    description = "No, unknown or revoked credentials",
                                    content =
                                            @Content(
                                                    mediaType = ProblemDetail.MEDIA_TYPE,
                                                    schema = @Schema(implementation = ProblemDetail.class))),
                            @APIResponse(
                                    name = "Forbidden",
                                    responseCode = "403",
                                    description = "The caller's role may not do this",
                                    content =
                                            @Content(
                                                    mediaType = ProblemDetail.MEDIA_TYPE,
                                                    schema = @Schema(implementation = ProblemDetail.class))),
                            @APIResponse(
                                    name = "NotFound",
                                    responseCode = "404",
                                    description = "What the path or query names does not exist",
                                    content =
                                            @Content(
                                                    mediaType = ProblemDetail.MEDIA_TYPE,
                                                    schema = @Schema(implementation = ProblemDetail.class))),
                            @APIResponse(
                                    name = "Conflict",
                                    responseCode = "409",
                                    description = "The current state no longer allows it",
                                    content =
                                            @Content(
                                                    mediaType = ProblemDetail.MEDIA_TYPE,
                                                    schema = @Schema(implementation = ProblemDetail.class))),
                            @APIResponse(
                                    name = "Gone",
                                    responseCode = "410",
                                    description = "It existed but is no longer available (an expired link or document)",
                                    content =
                                            @Content(
                                                    mediaType = ProblemDetail.MEDIA_TYPE,
                                                    schema = @Schema(implementation = ProblemDetail.class))),
                            @APIResponse(
                                    name = "TooLarge",
                                    responseCode = "413",
                                    description = "The body is over its limit; errors names it and the limit",
                                    content =
                                            @Content(
                                                    mediaType = ProblemDetail.MEDIA_TYPE,
                                                    schema = @Schema(implementation = ProblemDetail.class))),
                            @APIResponse(
                                    name = "Unprocessable",
                                    responseCode = "422",
                                    description =
                                            "Well-formed but refers to something unknown or unavailable; errors names every field",
                                    content =
                                            @Content(
                                                    mediaType = ProblemDetail.MEDIA_TYPE,
                                                    schema = @Schema(implementation = ProblemDetail.class)))
                        }))
public class RestApplication extends Application {}
