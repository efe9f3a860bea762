package com.switchboard.rest.preference;

import com.switchboard.preference.DynamoPreferenceStore;
import com.switchboard.preference.PreferencePage;
import com.switchboard.preference.PreferenceService;
import com.switchboard.preference.Preferences;
import com.switchboard.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.DiscriminatorMapping;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET|PUT /communications/preferences?stakeholderId=}: staff read and change anyone's
 * (integration clients read), a user reads and changes only their own (their user name is their
 * stakeholder id); without an id, a page of stakeholders; {@code .../history} lists the changes.
 */
@Path("/communications/preferences")
@Tag(name = "Preferences")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "apiKey")
@Produces(MediaType.APPLICATION_JSON)
public class PreferenceResource {

    static final String STORY_BODY = "{\"stakeholderId\":\"C-1001\",\"stakeholderType\":\"Customer\",\"preferences\":{"
            + "\"email\":{\"enabled\":true,\"address\":\"ann@example.com\",\"frequency\":\"Immediate\"},"
            + "\"sms\":{\"enabled\":true,\"number\":\"+447700900123\",\"frequency\":\"Immediate\"},"
            + "\"whatsapp\":{\"enabled\":false},\"inApp\":{\"enabled\":true,\"frequency\":\"Daily\"}}}";
    static final String CHANNELS_BODY =
            "{\"stakeholderType\":\"Customer\",\"timezone\":\"Europe/London\",\"channels\":{"
                    + "\"SMS\":{\"enabled\":true,\"number\":\"+447700900123\"},\"Email\":{\"enabled\":true,\"address\":\"ann@example.com\","
                    + "\"frequency\":\"Daily\"}}}";
    static final String STORY_EXAMPLE = "{\"stakeholderId\":\"C-1001\",\"stakeholderType\":\"Customer\",\"channels\":{"
            + "\"Email\":{\"enabled\":true,\"address\":\"ann@example.com\",\"frequency\":\"Immediate\"}},"
            + "\"preferences\":{\"email\":{\"enabled\":true,\"address\":\"ann@example.com\",\"frequency\":\"Immediate\"}},"
            + "\"updatedAt\":\"2026-06-01T09:00:00Z\",\"updatedBy\":\"carol\",\"kind\":\"preferences\"}";

    @Inject
    PreferenceService preferences;

    @GET
    @Operation(
            operationId = "getPreferences",
            summary = "A stakeholder's channel preferences, or a page of stakeholders' preferences",
            description =
                    "With stakeholderId: that stakeholder's preferences (users: only their own), in both spellings "
                            + "(channels, and the story's preferences.email|sms|whatsapp|inApp). Without: a page of every stakeholder's, "
                            + "filtered by stakeholderType and by q (name, vehicle or customer number), continued with next; "
                            + "a user's page holds only their own.")
    @APIResponse(
            responseCode = "200",
            description = "The preferences (with stakeholderId) or a page",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            oneOf = {Preferences.class, PreferencePage.class},
                                            discriminatorProperty = "kind",
                                            discriminatorMapping = {
                                                @DiscriminatorMapping(
                                                        value = "preferences",
                                                        schema = Preferences.class),
                                                @DiscriminatorMapping(value = "page", schema = PreferencePage.class)
                                            }),
                            examples = {
                                @ExampleObject(name = "story", value = STORY_EXAMPLE),
                                @ExampleObject(
                                        name = "page",
                                        value = "{\"items\":[" + STORY_EXAMPLE
                                                + "],\"next\":\"MXxDLTEwMDE\",\"kind\":\"page\"}")
                            }))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @RolesAllowed({Roles.CSR, Roles.ADMIN, Roles.INTEGRATION, Roles.USER})
    public Object get(
            @QueryParam("stakeholderId") String stakeholderId,
            @QueryParam("stakeholderType") String stakeholderType,
            @QueryParam("q") String q,
            @QueryParam("limit") Integer limit,
            @QueryParam("next") String next,
            @Context SecurityContext security) {
        if (stakeholderId == null || stakeholderId.isBlank()) {
            if (!isStaff(security, Roles.CSR, Roles.ADMIN, Roles.INTEGRATION)) {
                String own = security.getUserPrincipal().getName();
                return new PreferencePage(preferences.find(own).map(List::of).orElse(List.of()), null);
            }
            return preferences.list(stakeholderType, q, limit, next);
        }
        requireOwnUnlessStaff(stakeholderId, security, Roles.CSR, Roles.ADMIN, Roles.INTEGRATION);
        return preferences.get(stakeholderId);
    }

    @PUT
    @APIResponseSchema(Preferences.class)
    @Operation(
            operationId = "putPreferences",
            summary = "Replace a stakeholder's channel preferences (CSRs and admins; users their own)",
            description =
                    "The body gives channels, or the story's preferences.email|sms|whatsapp|inApp (inApp needs no address: "
                            + "the stakeholder is the user). Who saved them and when is kept, with the change, in the history.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Preferences.class),
                            examples = {
                                @ExampleObject(name = "story", value = STORY_BODY),
                                @ExampleObject(name = "channels", value = CHANNELS_BODY)
                            }))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @RolesAllowed({Roles.CSR, Roles.ADMIN, Roles.USER})
    @Consumes(MediaType.APPLICATION_JSON)
    public Preferences put(
            @QueryParam("stakeholderId") String stakeholderId, Preferences body, @Context SecurityContext security) {
        requireOwnUnlessStaff(stakeholderId, security, Roles.CSR, Roles.ADMIN);
        return preferences.put(stakeholderId, body, security.getUserPrincipal().getName());
    }

    @GET
    @Path("history")
    @APIResponseSchema(DynamoPreferenceStore.HistoryPage.class)
    @Operation(
            operationId = "getPreferenceHistory",
            summary = "Who changed a stakeholder's preferences, when, and what (newest first)")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @RolesAllowed({Roles.CSR, Roles.ADMIN, Roles.USER})
    public DynamoPreferenceStore.HistoryPage history(
            @QueryParam("stakeholderId") String stakeholderId,
            @QueryParam("limit") Integer limit,
            @QueryParam("next") String next,
            @Context SecurityContext security) {
        requireOwnUnlessStaff(stakeholderId, security, Roles.CSR, Roles.ADMIN);
        return preferences.history(stakeholderId, limit, next);
    }

    @POST
    @Path("number-index")
    @APIResponseSchema(PreferenceService.NumberIndexPage.class)
    @Operation(
            operationId = "indexPreferenceNumbers",
            summary = "Rebuild a page of the number index that matches customers' replies to stakeholders (admin)",
            description = "For preferences saved before conversations existed: writes the SMS and WhatsApp numbers of "
                    + "a page of stakeholders into the index (a number another stakeholder's save owns stays theirs). "
                    + "Call again with next until it is absent; repeating it changes nothing. Audited.")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @RolesAllowed(Roles.ADMIN)
    public PreferenceService.NumberIndexPage indexNumbers(
            @QueryParam("next") String next, @QueryParam("limit") Integer limit) {
        return preferences.indexNumbers(next, limit);
    }

    private static boolean isStaff(SecurityContext security, String... staffRoles) {
        for (String role : staffRoles) {
            if (security.isUserInRole(role)) {
                return true;
            }
        }
        return false;
    }

    private static void requireOwnUnlessStaff(String stakeholderId, SecurityContext security, String... staffRoles) {
        if (isStaff(security, staffRoles)) {
            return;
        }
        if (stakeholderId == null
                || !stakeholderId.equals(security.getUserPrincipal().getName())) {
            throw new ForbiddenException("a user may only see and change their own preferences");
        }
    }
}
