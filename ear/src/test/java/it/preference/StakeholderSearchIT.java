package it.preference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.Api;
import it.support.Switchboard;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Staff find stakeholders by the start of a name word, a vehicle registration or a customer number
 * (whatever its case and spacing), through the search tokens the profile writes; a changed profile
 * is no longer found by what it lost.
 */
@ExtendWith(Switchboard.class)
class StakeholderSearchIT {
    private static final Api ADMIN = Api.as("admin");
    private static final Api CSR = Api.as("csr");

    @Test
    void aStakeholderIsFoundByNameWordRegistrationOrCustomerNumber() {
        String run = unique();
        String surname = "Quarrington" + run;
        String plate = run.substring(4); // registrations are at most 12 characters
        saveProfile(
                "ana-" + run,
                "Ana " + surname,
                "SB" + plate.substring(0, 2) + " " + plate.substring(2) + "X",
                "CUST-" + run);
        saveProfile("bruno-" + run, "Bruno " + surname, "SB" + plate + "Y", "CUST-9" + run);

        assertEquals(List.of("ana-" + run, "bruno-" + run), ids(search("quarrington" + run)), "both share the surname");
        assertEquals(
                List.of("ana-" + run),
                ids(search("AN " + surname)),
                "every term must match: the start of 'Ana' and the surname");
        JsonObject byPlate = only(search("sb" + plate + "x"), "the plate typed in lower case without its space");
        assertEquals("ana-" + run, byPlate.getString("stakeholderId"), "found by plate: " + byPlate);
        assertEquals("vehicle", byPlate.getString("matchedField"), "the plate matched: " + byPlate);
        assertEquals(
                "SB" + plate.substring(0, 2) + " " + plate.substring(2) + "X",
                byPlate.getJsonArray("vehicles").getString(0),
                "the registration as stored, upper case: " + byPlate);
        JsonObject byCustomer = only(search("cust" + run), "the customer number without its dash");
        assertEquals("ana-" + run, byCustomer.getString("stakeholderId"), "CUST-" + run + " and not CUST-9" + run);
        assertEquals("Ana " + surname, byCustomer.getString("displayName"), "the result carries the name to show");
    }

    @Test
    void aChangedProfileIsNoLongerFoundByWhatItLost() {
        String run = unique();
        String id = "carla-" + run;
        String plate = run.substring(3);
        saveProfile(id, "Carla Oldname" + run, "OLD" + plate, "K" + run);
        assertEquals(List.of(id), ids(search("OLD" + plate)), "found by the first registration");

        saveProfile(id, "Carla Newname" + run, "NEW" + plate, "K" + run);
        assertEquals(List.of(), ids(search("OLD" + plate)), "the old registration's token is gone");
        assertEquals(List.of(), ids(search("oldname" + run)), "the old surname's token is gone");
        assertEquals(List.of(id), ids(search("new" + plate)), "found by the new registration");
        assertEquals(List.of(id), ids(search("carla newname" + run)), "and by the new name");
        JsonObject read = CSR.get("/communications/preferences/profile?stakeholderId=" + id)
                .json();
        assertEquals("Carla Newname" + run, read.getString("displayName"), "the profile reads back: " + read);
    }

    @Test
    void searchesAndProfilesRefuseBadInputAndTheWrongRoles() {
        Api.Reply tooShort = CSR.get("/communications/preferences/search?q=a");
        assertEquals(400, tooShort.status(), "one character is not searched: " + tooShort.body());
        assertTrue(
                tooShort.contentType().startsWith("application/problem+json")
                        && tooShort.body().contains("\"search\""),
                "a problem naming the search: " + tooShort.body());
        Api.Reply badPlate = ADMIN.put("/communications/preferences/profile?stakeholderId=bad-" + unique(), """
                {"displayName":" ","vehicles":["AB12CDE","<script>"],"customerNumber":"a b"}""");
        assertEquals(400, badPlate.status(), "invalid profile: " + badPlate.body());
        assertTrue(
                badPlate.body().contains("\"displayName\"")
                        && badPlate.body().contains("\"vehicles[1]\"")
                        && badPlate.body().contains("\"customerNumber\""),
                "every bad field named: " + badPlate.body());
        assertEquals(
                403,
                Api.as("user").get("/communications/preferences/search?q=ana").status(),
                "a user may not search");
        assertEquals(
                403,
                CSR.put("/communications/preferences/profile?stakeholderId=x-" + unique(), """
                {"displayName":"Someone"}""")
                        .status(),
                "a CSR may not change a profile");
    }

    private static void saveProfile(String id, String name, String plate, String customer) {
        Api.Reply put = ADMIN.put(
                "/communications/preferences/profile?stakeholderId=" + id, """
                {"displayName":"%s","vehicles":["%s"],"customerNumber":"%s"}""".formatted(name, plate, customer));
        assertEquals(200, put.status(), "the admin saves the profile of " + id + ": " + put.body());
    }

    private static List<JsonObject> search(String q) {
        Api.Reply r = CSR.get("/communications/preferences/search?q=" + q.replace(" ", "%20"));
        assertEquals(200, r.status(), "the search for '" + q + "' answers: " + r.body());
        return r.jsonArray().stream().map(JsonValue::asJsonObject).toList();
    }

    private static List<String> ids(List<JsonObject> results) {
        return results.stream().map(o -> o.getString("stakeholderId")).sorted().toList();
    }

    private static JsonObject only(List<JsonObject> results, String what) {
        assertEquals(1, results.size(), what + ": " + results);
        return results.get(0);
    }

    /** Digits no other run uses, so the tokens of earlier runs never match. */
    private static String unique() {
        return Long.toString(System.currentTimeMillis() % 100_000_000L)
                + ThreadLocalRandom.current().nextInt(10, 99);
    }
}
