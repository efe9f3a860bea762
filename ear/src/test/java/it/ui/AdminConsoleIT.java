package it.ui;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.Api;
import it.support.Customers;
import it.support.Jmx;
import it.support.Switchboard;
import it.support.Tracking;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The admin console in a real browser, one session for the whole class: staff sign in through the
 * form, composes an email + SMS communication from a template with its preview, follows it to
 * Delivered/Sent on the live tracking page, meets the validation message of a bad phone number on
 * the preferences page, reads the analytics dashboard for what was just sent; a "user" sees only
 * their inbox with a live unread badge. One screenshot per page lands in target/screenshots/.
 */
@ExtendWith(Switchboard.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminConsoleIT {
    private static final String ADMIN = Switchboard.BASE_URL + "/admin";
    private static final String TEMPLATE = "ui-service-reminder";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static Browser browser;

    /** A failed step leaves a picture of what the browser showed, next to the page screenshots. */
    @RegisterExtension
    static final TestWatcher FAILURE_SCREENSHOT = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            try {
                if (browser != null) {
                    browser.screenshot(
                            "failed-" + context.getRequiredTestMethod().getName(), 1366, 1100);
                }
            } catch (Exception e) {
                cause.addSuppressed(e);
            }
        }
    };

    private static String emailAddress;
    private static String smsNumber;
    private static String communicationId;
    private static JsonObject analyticsBefore;
    private static final String STAKEHOLDER_NAME = "Ursula Uitest";
    private static String stakeholderId;
    private static int templateVersion;
    private static String stakeholderPlate;
    private static String conversationThread;

    @BeforeAll
    static void startBrowserAndSaveTemplate() throws Exception {
        Api.Reply saved = Api.as("admin").put("/communications/templates/" + TEMPLATE, """
                {"locale":"en","subject":"Your {{vehicle}} is due for service",
                 "body":"Hello {{name}}, your {{vehicle}} is due on {{date}}.",
                 "html":"<p>Hello <b>{{name}}</b>, your {{vehicle}} is due on {{date}}.</p>"}""");
        assertEquals(200, saved.status(), "admin saves the template the CSR composes from: " + saved.body());
        templateVersion = saved.json().getInt("version");
        analyticsBefore = Api.as("csr").get("/communications/analytics").json();
        int n = ThreadLocalRandom.current().nextInt(100_000, 999_999);
        emailAddress = "ui-driver-" + n + "@example.com";
        smsNumber = "+447400" + n;
        stakeholderId = "ui-stakeholder-" + n;
        stakeholderPlate = "UI" + n / 1000 + " " + n % 1000;
        Api.Reply profile = Api.as("admin")
                .put("/communications/preferences/profile?stakeholderId=" + stakeholderId, """
                {"displayName":"%s","vehicles":["%s"],"customerNumber":"UI-C-%d"}""".formatted(
                                STAKEHOLDER_NAME, stakeholderPlate, n));
        assertEquals(200, profile.status(), "admin saves the profile the CSR searches for: " + profile.body());
        browser = Browser.start();
    }

    @AfterAll
    static void closeBrowser() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(10)
    void staffSignInThroughTheLoginForm() throws Exception {
        browser.driver.get(ADMIN + "/compose.xhtml");
        await("the login form")
                .atMost(WAIT)
                .ignoreExceptions()
                .until(() -> byId("j_username").isDisplayed());
        browser.screenshot("01-login", 1366, 900);
        signIn("admin"); // an admin: also a CSR, and the role that may change preferences and templates
        await("the compose page after signing in")
                .atMost(WAIT)
                .ignoreExceptions()
                .until(() -> browser.driver.getCurrentUrl().contains("/admin/compose.xhtml")
                        && byId("compose:send").isDisplayed());
        assertEquals(Api.userName("admin"), byId("signed-in-user").getText(), "the header names the signed-in admin");
    }

    @Test
    @Order(20)
    void composeFromATemplateWithPreviewAndFollowItToDelivered() throws Exception {
        type("compose:email", emailAddress);
        type("compose:sms", smsNumber);
        type("compose:variables", "name=Ana\nvehicle=Golf\ndate=1 Dec");
        type("compose:template", TEMPLATE);
        byId("compose:template").sendKeys(Keys.TAB); // change event: the preview is rendered over ajax
        await("the preview of the template")
                .atMost(WAIT)
                .ignoreExceptions()
                .until(() -> byId("preview-subject").getText().equals("Your Golf is due for service"));
        assertEquals("1 segment(s), GSM7", byId("preview-sms-segments").getText(), "the SMS preview counts its parts");
        browser.screenshot("02-compose", 1366, 1300);
        browser.screenshot("02-compose-tablet", 820, 1800);

        byId("compose:send").click();
        await("the communication page")
                .atMost(WAIT)
                .ignoreExceptions()
                .until(() -> browser.driver.getCurrentUrl().contains("/admin/communication.xhtml?id="));
        communicationId = browser.driver.getCurrentUrl().replaceAll(".*id=", "");
        assertEquals(communicationId, byId("communication-id").getText(), "the page shows the new communication");
        // no reload here: the statuses arrive because the server tells the page a recipient moved
        await("Email Delivered and SMS accepted on the live page")
                .atMost(WAIT)
                .ignoreExceptions()
                .until(() -> recipientStatus("Email").equals("Delivered")
                        && List.of("Sent", "Delivered").contains(recipientStatus("SMS")));
        assertEquals(
                Boolean.TRUE,
                browser.driver.executeScript("return window.liveUpdates.connected"),
                "the page holds its live socket");
        assertTrue(
                ((Number) browser.driver.executeScript("return window.liveUpdates.messages")).longValue() > 0,
                "and was told of the moves it shows (no timer re-reads the page while the socket is up)");
        browser.screenshot("03-communication", 1366, 1100);
        assertFitsAPhone("the communication page");
    }

    @Test
    @Order(35)
    void aRecipientHeldForTheDigestSaysSoAndWhenItIsDue() throws Exception {
        String stakeholder = "S-" + UUID.randomUUID();
        Api.Reply put = Api.as("admin").put("/communications/preferences?stakeholderId=" + stakeholder, """
                {"stakeholderType":"Customer","timezone":"Europe/Madrid","digestTime":"08:00",
                 "channels":{"Email":{"enabled":true,"address":"held-%s@example.com","frequency":"Daily"}}}""".formatted(
                        stakeholder.substring(2, 10)));
        assertEquals(200, put.status(), put.body());
        String id = Tracking.send("""
                {"stakeholderIds":["%s"],"urgency":"normal","message":{"subject":"Invoice","content":"Invoice 7 is ready."}}""".formatted(stakeholder));
        await("the recipient held for the digest")
                .atMost(WAIT)
                .until(() -> "digest"
                        .equals(Tracking.communication(id)
                                .getJsonArray("recipients")
                                .getJsonObject(0)
                                .getString("heldFor", null)));
        JsonObject tracked = Api.as("csr")
                .get("/communications/delivery-tracking?communicationId=" + id)
                .json()
                .getJsonArray("recipients")
                .getJsonObject(0);
        String heldUntil = tracked.getString("heldUntil");
        assertEquals("digest", tracked.getString("heldFor"), "delivery tracking says why it waits: " + tracked);

        browser.driver.get(ADMIN + "/communication.xhtml?id=" + id);
        await("the held recipient on the page")
                .atMost(WAIT)
                .ignoreExceptions()
                .until(() -> browser.driver
                        .findElement(By.className("recipient-held"))
                        .isDisplayed());
        WebElement held = browser.driver.findElement(By.className("recipient-held"));
        assertTrue(held.getText().startsWith("Waiting for the digest, due "), held.getText());
        assertShownInTheReadersZone(held.findElement(By.tagName("time")), heldUntil);
        assertEquals(
                "false",
                byId("refresh-state").getAttribute("data-in-flight"),
                "a recipient waiting hours for its digest does not keep the page polling");
    }

    @Test
    @Order(33)
    void aFileAttachedOnComposeIsSentWithTheEmail() throws Exception {
        browser.driver.get(ADMIN + "/compose.xhtml");
        await("the compose page")
                .atMost(WAIT)
                .ignoreExceptions()
                .until(() -> byId("compose:send").isDisplayed());
        String address = "attached-" + emailAddress;
        byte[] pdf =
                ("%PDF-1.4\n% console upload " + UUID.randomUUID() + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
        java.nio.file.Path file = java.nio.file.Files.createTempFile("estimate-", ".pdf");
        java.nio.file.Files.write(file, pdf);
        byId("attach:file").sendKeys(file.toAbsolutePath().toString());
        byId("attach:upload").click();
        await("the file listed as attached")
                .atMost(WAIT)
                .ignoreExceptions()
                .until(() -> browser.driver
                        .findElement(By.className("attached-document"))
                        .getText()
                        .contains(file.getFileName().toString()));
        type("compose:email", address);
        type("compose:subject", "Your estimate");
        type("compose:content", "The estimate for the repair is attached.");
        byId("compose:send").click();
        await("the communication page")
                .atMost(WAIT)
                .ignoreExceptions()
                .until(() -> browser.driver.getCurrentUrl().contains("/admin/communication.xhtml?id="));
        var mails = await("the mail with its attachment")
                .atMost(WAIT)
                .until(() -> it.support.Mailbox.mailsTo(address), m -> m.size() == 1);
        var mixed = (jakarta.mail.Multipart) mails.get(0).getContent();
        assertEquals(
                2,
                mixed.getCount(),
                "the message and one attachment: " + mails.get(0).getContentType());
        var attachment = mixed.getBodyPart(1);
        assertEquals(file.getFileName().toString(), attachment.getFileName(), "named as the file chosen");
        try (var in = attachment.getInputStream()) {
            assertTrue(java.util.Arrays.equals(pdf, in.readAllBytes()), "the attachment holds the file's bytes");
        }
        java.nio.file.Files.delete(file);
    }

    @Test
    @Order(34)
    void aFileThatIsNoDocumentIsRefusedOnTheAttachField() throws Exception {
        browser.driver.get(ADMIN + "/compose.xhtml");
        await("the compose page")
                .atMost(WAIT)
                .ignoreExceptions()
                .until(() -> byId("compose:send").isDisplayed());
        java.nio.file.Path file = java.nio.file.Files.createTempFile("notes-", ".pdf");
        java.nio.file.Files.writeString(file, "<html>not a PDF</html>");
        byId("attach:file").sendKeys(file.toAbsolutePath().toString());
        byId("attach:upload").click();
        await("the refusal on the file field")
                .atMost(WAIT)
                .ignoreExceptions()
                .until(() -> browser.driver
                        .findElement(By.cssSelector("form[id='attach'] .field-error"))
                        .getText()
                        .contains("not a document type we send"));
        assertTrue(
                browser.driver.findElements(By.className("attached-document")).isEmpty(), "nothing is attached");
        java.nio.file.Files.delete(file);
    }

    @Test
    @Order(32)
    void aSendTimePickedInTheReadersZoneIsScheduledAtThatInstant() throws Exception {
        browser.driver.get(ADMIN + "/compose.xhtml");
        await("the compose page")
                .atMost(WAIT)
                .ignoreExceptions()
                .until(() -> byId("compose:send").isDisplayed());
        type("compose:email", "picked-" + emailAddress);
        type("compose:subject", "Collection time");
        type("compose:content", "Your car can be collected tomorrow.");
        LocalDateTime local = LocalDateTime.now(ZoneId.of(Browser.TIME_ZONE))
                .plusDays(1)
                .withSecond(0)
                .withNano(0);
        WebElement picker = byId("compose:scheduledAt");
        assertEquals("datetime-local", picker.getAttribute("type"), "a date and time picker, not an ISO text field");
        browser.driver.executeScript("arguments[0].value = arguments[1];", picker, local.toString());
        byId("compose:send").click();
        await("the communication page")
                .atMost(WAIT)
                .ignoreExceptions()
                .until(() -> browser.driver.getCurrentUrl().contains("/admin/communication.xhtml?id="));
        String id = browser.driver.getCurrentUrl().replaceAll(".*id=", "");
        assertEquals(
                local.atZone(ZoneId.of(Browser.TIME_ZONE)).toInstant(),
                Instant.parse(Tracking.communication(id).getString("scheduledAt")),
                "the picked time is read in the reader's zone");
        assertEquals(200, Api.as("csr").delete("/communications/" + id).status(), "not sent: cancelled");
    }

    @Test
    @Order(30)
    void trackingSearchFindsTheCommunication() throws Exception {
        browser.driver.get(ADMIN + "/tracking.xhtml");
        new Select(byId("search:channel")).selectByVisibleText("SMS");
        byId("search:find").click();
        await("the communication in the search results")
                .atMost(WAIT)
                .ignoreExceptions()
                .until(() -> byId("results-table").getText().contains(communicationId));
        WebElement row = browser.driver.findElement(
                By.xpath("//table[@id='results-table']//tr[td/a[text()='" + communicationId + "']]"));
        String counts = row.findElement(By.className("recipient-counts")).getText();
        assertTrue(
                counts.matches("\\d+ (delivered|sent)( · \\d+ (sent|pending|failed))*"),
                "the recipients read as words, the most advanced first: " + counts);
        assertTrue(
                row.getText().contains("SMS")
                        && !row.getText().contains("[")
                        && !row.getText().contains("{"),
                "channels and counts in words, not a Java list or map: " + row.getText());
        assertShownInTheReadersZone(
                row.findElement(By.tagName("time")),
                Tracking.communication(communicationId).getString("createdAt"));
        await("the results' live stream")
                .atMost(WAIT)
                .ignoreExceptions()
                .until(() -> Boolean.TRUE.equals(browser.driver.executeScript("return window.liveUpdates.connected")));
        WebElement created =
                browser.driver.findElement(By.xpath("//table[@id='results-table']//th[button[text()='Created']]"));
        created.findElement(By.tagName("button")).click();
        assertEquals("ascending", created.getAttribute("aria-sort"), "the header says how the rows are ordered");
        assertEquals(createdTimes().stream().sorted().toList(), createdTimes(), "oldest first");
        created.findElement(By.tagName("button")).click();
        assertEquals("descending", created.getAttribute("aria-sort"));
        assertEquals(
                createdTimes().stream()
                        .sorted(java.util.Comparator.reverseOrder())
                        .toList(),
                createdTimes(),
                "newest first");
        browser.screenshot("04-tracking", 1366, 900);
        assertFitsAPhone("tracking");
    }

    @Test
    @Order(40)
    void aBadPhoneNumberIsShownNextToItsFieldAndAGoodOneSaves() throws Exception {
        browser.driver.get(ADMIN + "/preferences.xhtml");
        type("lookup:stakeholderId", "ui-customer-" + smsNumber.substring(1));
        byId("lookup:load").click();
        await("the preferences form")
                .atMost(WAIT)
                .ignoreExceptions()
                .until(() -> byId("edit:save").isDisplayed());
        type("edit:timezone", "Europe/London");
        byId("edit:channels:1:enabled").click(); // SMS
        type("edit:channels:1:destination", "12345");
        byId("edit:save").click();
        WebElement error = await("the message next to the SMS number")
                .atMost(WAIT)
                .ignoreExceptions()
                .until(
                        () -> browser.driver.findElement(
                                By.cssSelector("#edit\\:channels\\:1\\:destination + .field-error")),
                        e -> e.isDisplayed());
        assertTrue(
                error.getText().toLowerCase().contains("e.164"),
                "the service's reason is shown at the field: " + error.getText());
        browser.screenshot("05-preferences-invalid", 1366, 1000);

        type("edit:channels:1:destination", smsNumber);
        byId("edit:save").click();
        await("the saved message")
                .atMost(WAIT)
                .ignoreExceptions()
                .until(() -> byId("page-messages").getText().contains("saved"));
        JsonObject stored = Api.as("csr")
                .get("/communications/preferences?stakeholderId=ui-customer-" + smsNumber.substring(1))
                .json();
        assertEquals(
                smsNumber,
                stored.getJsonObject("channels").getJsonObject("SMS").getString("number"),
                "the page saved the number through the preference service: " + stored);
        await("the change in the page's history")
                .atMost(WAIT)
                .ignoreExceptions()
                .until(() -> byId("history").getText().contains("SMS"));
        assertTrue(
                byId("last-saved").getText().contains(" by " + stored.getString("updatedBy")),
                byId("last-saved").getText());
        browser.screenshot("05b-preferences-history", 1366, 1200);
    }

    @Test
    @Order(50)
    void theAnalyticsDashboardCountsWhatWasJustSent() throws Exception {
        browser.driver.get(ADMIN + "/analytics.xhtml");
        await("the charts")
                .atMost(WAIT)
                .ignoreExceptions()
                .until(() -> "drawn"
                        .equals(browser.driver.findElement(By.tagName("body")).getAttribute("data-charts")));
        assertTrue(cell("Email", "sent") >= before("Email", "sent") + 1, "the email counted as sent");
        assertTrue(cell("Email", "delivered") >= before("Email", "delivered") + 1, "the email counted as delivered");
        assertTrue(cell("SMS", "sent") >= before("SMS", "sent") + 1, "the SMS counted as sent");
        assertFalse(
                row("Email").getText().contains("— / —"),
                "a time to deliver is shown for email: " + row("Email").getText());
        browser.screenshot("06-analytics", 1366, 1500);
    }

    @Test
    @Order(55)
    void anAdminLiftsAStopReplyOnTheSuppressionsPage() throws Exception {
        String number =
                "+447400" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        String reply = Switchboard.sandbox().snsSigner().notification(sandbox.SnsSandboxSigner.SMS_TOPIC, """
                {"originationNumber":"%s","destinationNumber":"+447700900000","messageBody":"STOP"}""".formatted(
                        number));
        assertEquals(200, Api.anonymous().post("/webhooks/sms", reply).status(), "the customer's STOP arrives");
        browser.driver.get(ADMIN + "/suppressions.xhtml");
        await("the suppressions page")
                .atMost(WAIT)
                .ignoreExceptions()
                .until(() -> byId("lookup:channel").isDisplayed());
        new Select(byId("lookup:channel")).selectByValue("SMS");
        type("lookup:address", number);
        byId("lookup:find").click();
        await("the suppression")
                .atMost(WAIT)
                .ignoreExceptions()
                .until(() -> byId("suppression-state").getText().startsWith("Suppressed"));
        assertTrue(
                byId("suppression-state").getText().contains("opted-out"),
                byId("suppression-state").getText());
        type("lift:reason", "asked to hear again by phone");
        browser.screenshot("07b-suppression", 1366, 900);
        byId("lift:liftIt").click();
        await("lifted")
                .atMost(WAIT)
                .ignoreExceptions()
                .until(() -> byId("suppression-state").getText().startsWith("Not suppressed"));
        assertTrue(
                byId("suppression-history")
                        .getText()
                        .contains("lifted by " + Api.userName("admin") + ": asked to hear again by phone"),
                byId("suppression-history").getText());
    }

    @Test
    @Order(60)
    void templatesAndChannelsPagesShowTheirData() throws Exception {
        browser.driver.get(ADMIN + "/templates.xhtml");
        assertEquals(200, navigationStatus(), "an admin opens the admin-only Templates page");
        WebElement listed = await("the template in the list")
                .atMost(WAIT)
                .ignoreExceptions()
                .until(
                        () -> browser.driver.findElement(
                                By.cssSelector("#template-list tr[data-template='" + TEMPLATE + "'] a")),
                        e -> e.isDisplayed());
        listed.click();
        await("the template's versions")
                .atMost(WAIT)
                .ignoreExceptions()
                .until(() -> byId("versions").getText().contains("v" + templateVersion));
        assertEquals(
                "Your {{vehicle}} is due for service",
                byId("edit:subject").getAttribute("value"),
                "the latest version is loaded");

        type("edit:sampleVariables", "name=Bea\nvehicle=Polo\ndate=2 Dec");
        byId("edit:preview").click();
        await("the preview of every channel")
                .atMost(WAIT)
                .ignoreExceptions()
                .until(() -> byId("template-preview-subject").getText().equals("Your Polo is due for service"));
        assertEquals(
                "Hello Bea, your Polo is due on 2 Dec.",
                byId("template-preview-text").getText(),
                "the SMS and in-app text");
        assertEquals("1 segment(s), GSM7", byId("template-preview-sms-segments").getText(), "the SMS parts");
        browser.screenshot("07-templates", 1366, 1600);
        browser.screenshot("07-templates-tablet", 768, 2200);

        type("edit:subject", "Service due: {{vehicle}}");
        byId("edit:save").click();
        String next = "v" + (templateVersion + 1);
        await("the new version in the list of versions")
                .atMost(WAIT)
                .ignoreExceptions()
                .until(() -> byId("versions").getText().contains(next));
        assertTrue(
                browser.driver
                        .findElement(By.cssSelector("#template-list tr[data-template='" + TEMPLATE + "']"))
                        .getText()
                        .contains(next),
                "the template list shows the new latest version " + next);
        JsonObject latest =
                Api.as("csr").get("/communications/templates/" + TEMPLATE).json();
        assertEquals(
                "Service due: {{vehicle}}",
                latest.getString("subject"),
                "the page saved a new version through the template service");
        assertEquals(templateVersion + 1, latest.getInt("version"), "each save is a new version: " + latest);

        browser.driver.get(ADMIN + "/channels.xhtml");
        assertEquals(200, navigationStatus(), "an admin opens the admin-only Channels page");
        assertTrue(
                browser.driver
                        .findElement(By.cssSelector("[data-budget='SMS']"))
                        .getText()
                        .matches("(?s)\\d+ of \\d+ segments reserved today.*"),
                "the SMS row shows its daily budget: "
                        + browser.driver
                                .findElement(By.cssSelector("[data-budget='SMS']"))
                                .getText());
        assertTrue(
                byId("limits-title").isDisplayed()
                        && browser.driver.getPageSource().contains("Recipients per caller"),
                "and the limits in force are listed");
        type("test:address", "ui-probe@example.com");
        byId("test:sendTest").click();
        await("the provider's answer")
                .atMost(WAIT)
                .ignoreExceptions()
                .until(() -> byId("test-result").getText().contains("accepted"));
        browser.screenshot("08-channels", 1366, 1100);

        browser.driver.get(ADMIN + "/operations.xhtml");
        assertEquals(200, navigationStatus(), "an admin opens the Operations page");
        assertEquals("running", internalState(), "Internal runs");
        byId("operations")
                .findElement(By.cssSelector("[data-channel='Internal'] input[value='Pause']"))
                .click();
        await("Internal paused").atMost(WAIT).ignoreExceptions().until(() -> "paused".equals(internalState()));
        try (Jmx jmx = Jmx.connect()) {
            assertTrue(jmx.channel("Internal").isPaused(), "the page paused the channel itself");
        }
        browser.screenshot("12-operations", 1366, 1100);
        byId("operations")
                .findElement(By.cssSelector("[data-channel='Internal'] input[value='Resume']"))
                .click();
        await("Internal resumed").atMost(WAIT).ignoreExceptions().until(() -> "running".equals(internalState()));

        browser.driver.get(ADMIN + "/audit.xhtml");
        assertEquals(200, navigationStatus(), "an admin opens the Audit page");
        WebElement testSend = byId("audit").findElements(By.cssSelector("tbody tr")).stream()
                .filter(row -> row.getText().contains("channel.test-send"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the test send just made is not audited: "
                        + byId("audit").getText()));
        assertTrue(
                testSend.getText().contains(Api.userName("admin"))
                        && testSend.getText().contains("ok"),
                "with who made it and how it ended: " + testSend.getText());
        browser.screenshot("11-audit", 1366, 900);
    }

    @Test
    @Order(62)
    void anAdminIssuesAndRevokesAnApiKeyAndManagesAWebhookSubscription() throws Exception {
        String client = "ui-client-" + UUID.randomUUID().toString().substring(0, 6);
        browser.driver.get(ADMIN + "/api-keys.xhtml");
        assertEquals(200, navigationStatus(), "an admin opens the API keys page");
        type("issue:client", client);
        byId("issue:issueKey").click();
        await("the key, shown once")
                .atMost(WAIT)
                .ignoreExceptions()
                .until(() -> byId("issued-key").isDisplayed());
        String key = byId("issued-key").getText();
        assertTrue(key.startsWith("sbk_"), "the key itself: " + key);
        assertEquals(202, Api.withApiKey(key).post("/communications/send", """
                {"message":{"subject":"Hi","content":"From the UI key"},"recipients":[{"channel":"Email","address":"ui-key@example.com"}]}""").status(), "the key works at once");
        browser.screenshot("13-api-keys", 1366, 900);
        WebElement row = browser.driver.findElements(By.cssSelector("#api-keys tbody tr")).stream()
                .filter(r -> r.getText().contains(client))
                .findFirst()
                .orElseThrow();
        assertEquals("active", row.findElement(By.cssSelector("[data-state]")).getAttribute("data-state"));
        row.findElement(By.cssSelector("input[value='Revoke']")).click();
        await("the key revoked")
                .atMost(WAIT)
                .ignoreExceptions()
                .until(() -> browser.driver.findElements(By.cssSelector("#api-keys tbody tr")).stream()
                        .filter(r -> r.getText().contains(client))
                        .anyMatch(r -> "revoked"
                                .equals(r.findElement(By.cssSelector("[data-state]"))
                                        .getAttribute("data-state"))));
        assertTrue(browser.driver.findElements(By.id("issued-key")).isEmpty(), "the key is not shown again");
        assertEquals(401, Api.withApiKey(key).get("/communications/channels").status(), "a revoked key is refused");

        String url = "http://127.0.0.1:9/ui-" + UUID.randomUUID().toString().substring(0, 6);
        browser.driver.get(ADMIN + "/webhooks.xhtml");
        assertEquals(200, navigationStatus(), "an admin opens the Webhooks page");
        type("subscribe:url", url);
        byId("subscribe:subscribeIt").click();
        await("the secret, shown once")
                .atMost(WAIT)
                .ignoreExceptions()
                .until(() -> byId("created-secret").isDisplayed());
        assertTrue(
                byId("created-secret").getText().startsWith("whsec_"),
                byId("created-secret").getText());
        assertEquals(
                "delivered, failed, sent",
                webhookRow(url).findElement(By.cssSelector("[data-events]")).getText(),
                "the events it gets");
        browser.screenshot("14-webhooks", 1366, 1000);
        webhookRow(url).findElement(By.cssSelector("input[value='Disable']")).click();
        await("disabled").atMost(WAIT).ignoreExceptions().until(() -> "disabled".equals(webhookState(url)));
        webhookRow(url).findElement(By.cssSelector("input[value='Enable']")).click();
        await("enabled").atMost(WAIT).ignoreExceptions().until(() -> "enabled".equals(webhookState(url)));
        webhookRow(url).findElement(By.cssSelector("input[value='Attempts']")).click();
        await("its attempts")
                .atMost(WAIT)
                .ignoreExceptions()
                .until(() -> byId("attempts-title").isDisplayed());
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("window.confirm = () => true;");
        webhookRow(url).findElement(By.cssSelector("input[value='Delete']")).click();
        await("deleted")
                .atMost(WAIT)
                .ignoreExceptions()
                .until(() -> !byId("webhooks").getText().contains(url));

        browser.driver.get(ADMIN + "/audit.xhtml");
        String audit = byId("audit").getText();
        for (String action : List.of(
                "api-key.issue",
                "api-key.revoke",
                "webhook.subscribe",
                "webhook.disable",
                "webhook.enable",
                "webhook.delete")) {
            assertTrue(audit.contains(action), action + " is audited: " + audit);
        }
    }

    @Test
    @Order(63)
    void anAdminReplaysAChosenDeadLetterFromTheOperationsPage() throws Exception {
        String poisoned = "ui-poison-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Switchboard.sandbox().smtp().failRecipient(poisoned, 451, "4.3.0 try again later", 4);
        try {
            String id = Tracking.send("""
                    {"message":{"subject":"Poison","content":"Parked for the operator."},
                     "recipients":[{"channel":"Email","address":"%s"}]}""".formatted(poisoned));
            await("the first delivery refused")
                    .atMost(WAIT)
                    .until(() -> Switchboard.sandbox().smtp().attempts(poisoned) >= 4);
            // its recipient taken away: every redelivery fails until the ticket is parked
            it.support.LocalDynamo.client()
                    .deleteItem(b -> b.tableName(it.support.LocalDynamo.TABLE)
                            .key(com.switchboard.communication.RecipientChunks.key(id, 0)));
            browser.driver.get(ADMIN + "/operations.xhtml");
            await("the parked ticket listed")
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptions()
                    .until(() -> {
                        browser.driver.navigate().refresh();
                        return !browser.driver
                                .findElements(By.cssSelector("[data-dead-letter='" + id + "']"))
                                .isEmpty();
                    });
            assertTrue(
                    byId("operations")
                            .findElement(By.cssSelector("[data-dead='Email']"))
                            .getText()
                            .matches("[1-9]\\d*"),
                    "the Email row counts its dead letters");
            browser.driver
                    .findElement(By.cssSelector("[data-dead-letter='" + id + "'] input[type=checkbox]"))
                    .click();
            byId("dead:replaySelected").click();
            await("the replay confirmed")
                    .atMost(WAIT)
                    .ignoreExceptions()
                    .until(() -> byId("page-messages").getText().contains("1 chosen dead letter queued again."));
            browser.screenshot("12b-operations-replayed", 1366, 1100);
        } finally {
            Switchboard.sandbox().smtp().clearFaults();
        }
        browser.driver.get(ADMIN + "/audit.xhtml");
        assertTrue(byId("audit").getText().contains("channel.replay-selected-dead-letters"), "the replay is audited");
    }

    private static WebElement webhookRow(String url) {
        return browser.driver.findElements(By.cssSelector("#webhooks tbody tr")).stream()
                .filter(r -> r.getText().contains(url))
                .findFirst()
                .orElseThrow();
    }

    private static String webhookState(String url) {
        return webhookRow(url).findElement(By.cssSelector("[data-state]")).getAttribute("data-state");
    }

    @Test
    @Order(65)
    void theTemplateListSortsByColumnAndPagesTwentyAtATime() throws Exception {
        String batch = UUID.randomUUID().toString().substring(0, 6);
        for (int i = 1; i <= 21; i++) {
            Api.Reply saved = Api.as("admin")
                    .put("/communications/templates/paged-%s-%02d".formatted(batch, i), """
                    {"locale":"en","subject":"Paged","body":"Template %d."}""".formatted(i));
            assertEquals(200, saved.status(), saved.body());
        }
        browser.driver.get(ADMIN + "/templates.xhtml");
        WebElement pager = await("the list's pager")
                .atMost(WAIT)
                .ignoreExceptions()
                .until(
                        () -> browser.driver.findElement(By.cssSelector("#template-list + nav")),
                        WebElement::isDisplayed);
        assertTrue(pager.getText().contains("Page 1 of"), pager.getText());
        assertEquals(20, visibleTemplates().size(), "20 templates at a time");
        WebElement name =
                browser.driver.findElement(By.xpath("//table[@id='template-list']//th[button[text()='Name']]"));
        name.findElement(By.tagName("button")).click();
        assertEquals("ascending", name.getAttribute("aria-sort"));
        assertEquals(visibleTemplates().stream().sorted().toList(), visibleTemplates(), "by name, A first");
        String lastOnFirstPage = visibleTemplates().get(19);
        pager.findElement(By.xpath(".//button[text()='Next']")).click();
        assertTrue(pager.getText().contains("Page 2 of"), pager.getText());
        assertTrue(visibleTemplates().get(0).compareTo(lastOnFirstPage) > 0, "the next page goes on in the same order");
        browser.screenshot("07-templates-paged", 1366, 1000);
    }

    private static List<String> visibleTemplates() {
        return browser.driver.findElements(By.cssSelector("#template-list tbody tr")).stream()
                .filter(WebElement::isDisplayed)
                .map(tr -> tr.getAttribute("data-template"))
                .toList();
    }

    @Test
    @Order(66)
    void aCustomersWhatsAppAnswerAppearsLiveAndTheCsrRepliesInsideTheWindow() throws Exception {
        String number = Customers.number();
        conversationThread = "whatsapp-" + number.substring(1);
        Customers.write("whatsapp", number, "Is my car ready?");
        browser.driver.get(ADMIN + "/conversations.xhtml");
        await("the customer's thread, unread, with the nav's badge")
                .atMost(WAIT)
                .ignoreExceptions()
                .until(() -> {
                    browser.driver.navigate().refresh();
                    return browser.driver
                                    .findElement(By.cssSelector("[data-thread='" + conversationThread + "']"))
                                    .getAttribute("data-unread")
                                    .equals("1")
                            && byId("conversations-unread").isDisplayed();
                });
        browser.driver
                .findElement(By.cssSelector("[data-thread='" + conversationThread + "'] a"))
                .click();
        await("the thread opens")
                .atMost(WAIT)
                .ignoreExceptions()
                .until(() -> byId("messages").getText().contains("Is my car ready?"));
        assertTrue(
                byId("window-state").getText().contains("Free text may go until"),
                "the reply box says until when: " + byId("window-state").getText());
        assertEquals(
                "0",
                browser.driver
                        .findElement(By.cssSelector("[data-thread='" + conversationThread + "']"))
                        .getAttribute("data-unread"),
                "opening the thread read it");

        Customers.write("whatsapp", number, "I can come at 5.");
        await("the second message appears without a reload")
                .atMost(WAIT)
                .ignoreExceptions()
                .until(() -> byId("messages").getText().contains("I can come at 5."));
        assertTrue(
                ((Number) browser.driver.executeScript("return window.liveUpdates.messages")).longValue() > 0,
                "the page was told (no timer re-reads it)");

        type("conversation:replyText", "See you at 5, the car is ready.");
        byId("conversation:send-reply").click();
        await("our reply in the thread")
                .atMost(WAIT)
                .ignoreExceptions()
                .until(() -> browser.driver.findElements(By.cssSelector("#messages [data-direction='out']")).stream()
                        .anyMatch(m -> m.getText().contains("See you at 5, the car is ready.")));
        browser.screenshot("15-conversations", 1366, 1000);
        browser.screenshot("15-conversations-phone", 390, 1400);
        String reply = Api.as("csr")
                .get("/communications/conversations/" + conversationThread)
                .json()
                .getJsonArray("messages")
                .getJsonObject(2)
                .getString("communicationId");
        Tracking.awaitRecipient(reply, 0, "Delivered");

        Customers.write("whatsapp", number, "Thanks, see you then!");
        browser.driver.get(ADMIN + "/communication.xhtml?id=" + reply);
        await("the reply's page shows the answer it received")
                .atMost(WAIT)
                .ignoreExceptions()
                .until(() -> {
                    browser.driver.navigate().refresh();
                    return byId("replies").getText().contains("Thanks, see you then!");
                });
    }

    @Test
    @Order(70)
    void aUserSeesOnlyTheirInboxWithALiveUnreadBadge() throws Exception {
        String user = Api.userName("user");
        Tracking.send("""
                {"message":{"subject":"Your car is ready","content":"Pick it up at 5."},
                 "recipients":[{"channel":"InApp","address":"%s"}]}""".formatted(user));
        byId("session:sign-out").click();
        browser.driver.manage().deleteAllCookies();
        browser.driver.get(ADMIN + "/inbox.xhtml");
        await("the login form")
                .atMost(WAIT)
                .ignoreExceptions()
                .until(() -> byId("j_username").isDisplayed());
        signIn("user");
        await("the inbox")
                .atMost(WAIT)
                .ignoreExceptions()
                .until(() -> byId("note-list").getText().contains("Your car is ready"));
        assertTrue(browser.driver.findElements(By.id("nav-compose")).isEmpty(), "a user's nav has no staff pages");
        long unread = Long.parseLong(byId("unread-count").getText());
        assertTrue(unread >= 1, "the new note is unread: " + unread);

        Tracking.send("""
                {"message":{"subject":"Invoice available","content":"Your invoice is ready."},
                 "recipients":[{"channel":"InApp","address":"%s"}]}""".formatted(user));
        await("the badge counts the second note without a reload")
                .atMost(WAIT)
                .ignoreExceptions()
                .until(() -> Long.parseLong(byId("unread-count").getText()) == unread + 1);
        assertTrue(
                ((Number) browser.driver.executeScript("return window.liveUpdates.messages")).longValue() > 0,
                "the page was told of the note (no timer re-reads it)");
        browser.screenshot("09-inbox", 1366, 900);

        browser.driver.get(ADMIN + "/compose.xhtml");
        await("a staff page refused")
                .atMost(WAIT)
                .ignoreExceptions()
                .until(() -> browser.driver.getPageSource().contains("Your role may not open this page"));
        assertEquals(403, navigationStatus(), "a user on a staff page is refused with 403");
        assertTrue(browser.driver.findElements(By.id("compose:send")).isEmpty(), "no compose form for a user");
    }

    @Test
    @Order(75)
    void theInboxPagesItsNotesNewestFirst() throws Exception {
        String user = Api.userName("user");
        String batch = UUID.randomUUID().toString().substring(0, 6);
        for (int i = 1; i <= 51; i++) { // one more than a page
            Tracking.send("""
                    {"message":{"subject":"Paged %s %d","content":"Note %d."},"recipients":[{"channel":"InApp","address":"%s"}]}""".formatted(batch, i, i, user));
        }
        await("the newest of the 51 on the first page")
                .atMost(WAIT)
                .ignoreExceptions()
                .until(() -> {
                    browser.driver.get(ADMIN + "/inbox.xhtml");
                    return browser.driver.findElements(By.className("note-subject")).stream()
                            .anyMatch(e -> e.getText().equals("Paged " + batch + " 51"));
                });
        assertEquals(
                50,
                browser.driver.findElements(By.cssSelector("#note-list > li")).size(),
                "a page holds 50 notes");
        assertTrue(browser.driver.findElements(By.id("newest")).isEmpty(), "the first page offers no way to itself");
        byId("older").click();
        await("the older page")
                .atMost(WAIT)
                .ignoreExceptions()
                .until(() -> byId("newest").isDisplayed());
        List<String> subjects = browser.driver.findElements(By.className("note-subject")).stream()
                .map(WebElement::getText)
                .toList();
        assertFalse(subjects.contains("Paged " + batch + " 51"), "the newest is not on the older page: " + subjects);
        byId("newest").click();
        await("back to the newest")
                .atMost(WAIT)
                .ignoreExceptions()
                .until(() -> browser.driver
                        .findElements(By.className("note-subject"))
                        .get(0)
                        .getText()
                        .equals("Paged " + batch + " 51"));

        // read the newest, then ask for unread first: it goes below every unread one
        // a live refresh still settling from the 51 notes can replace the list under the click: click until read
        await("the newest read")
                .atMost(WAIT)
                .pollInterval(Duration.ofMillis(700))
                .ignoreExceptions()
                .until(() -> {
                    WebElement first = browser.driver.findElement(By.cssSelector("#note-list > li:first-child"));
                    if ("true".equals(first.getAttribute("data-unread"))) {
                        first.findElement(By.cssSelector("input[type='submit']"))
                                .click();
                        return false;
                    }
                    return true;
                });
        new Select(byId("note-order")).selectByVisibleText("Unread first");
        List<String> unreadFlags = browser.driver.findElements(By.cssSelector("#note-list > li")).stream()
                .map(li -> li.getAttribute("data-unread"))
                .toList();
        assertEquals(
                unreadFlags.stream().sorted(java.util.Comparator.reverseOrder()).toList(),
                unreadFlags,
                "every unread note comes before every read one");
        new Select(byId("note-order")).selectByVisibleText("Newest first");
    }

    @Test
    @Order(25)
    void composeFindsAStakeholderByRegistrationAndAddsThemFromTheKeyboard() throws Exception {
        browser.driver.get(ADMIN + "/compose.xhtml");
        WebElement search = await("the stakeholder search")
                .atMost(WAIT)
                .ignoreExceptions()
                .until(() -> byId("compose:stakeholderSearch"), WebElement::isDisplayed);
        assertEquals(
                "Find a stakeholder",
                browser.driver
                        .findElement(By.cssSelector("label[for='compose:stakeholderSearch']"))
                        .getText(),
                "the search field has a visible label");
        search.sendKeys(
                stakeholderPlate.toLowerCase().replace(" ", ""), Keys.ENTER); // Enter searches, it does not send
        WebElement add = await("the stakeholder in the results")
                .atMost(WAIT)
                .ignoreExceptions()
                .until(
                        () -> browser.driver.findElement(
                                By.cssSelector("li[data-stakeholder='" + stakeholderId + "'] input[type='button']")),
                        WebElement::isDisplayed);
        assertTrue(
                browser.driver.getCurrentUrl().contains("/compose.xhtml"), "Enter in the search did not send the form");
        assertEquals(
                "Add " + STAKEHOLDER_NAME + " (" + stakeholderId + ")",
                add.getAttribute("aria-label"),
                "the button names whom it adds");
        add.sendKeys(Keys.ENTER);
        await("the stakeholder id in the form")
                .atMost(WAIT)
                .ignoreExceptions()
                .until(() -> byId("compose:stakeholders").getAttribute("value").equals(stakeholderId));
        assertTrue(
                byId("compose:stakeholderStatus").getText().contains("Added " + STAKEHOLDER_NAME),
                "the status line says who was added");
        byId("compose:stakeholderSearch").sendKeys(Keys.TAB); // on to the Find button, by keyboard
        assertEquals(
                "compose:findStakeholders",
                browser.driver.switchTo().activeElement().getAttribute("id"),
                "Tab reaches Find next");
        String ring = (String) browser.driver.executeScript(
                "var s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth;");
        assertTrue(
                ring.startsWith("solid") && !ring.endsWith(" 0px"), "the focused control shows a focus ring: " + ring);

        WebElement box = browser.driver.findElement(By.cssSelector("#compose\\:channels input[value='SMS']"));
        WebElement label = browser.driver.findElement(By.cssSelector("label[for='" + box.getAttribute("id") + "']"));
        assertTrue(
                label.getRect().getX() >= box.getRect().getX() + box.getRect().getWidth() + 4,
                "the checkbox label keeps its distance from its box: box "
                        + box.getRect().getX() + "+" + box.getRect().getWidth() + ", label "
                        + label.getRect().getX());
        browser.screenshot("02-compose-search", 1366, 1300);
        browser.screenshot("02-compose-768", 768, 2000);
        assertFitsAPhone("compose");
    }

    @Test
    @Order(46)
    void preferencesOpenAStakeholderFoundByRegistrationFromTheKeyboard() throws Exception {
        browser.driver.get(ADMIN + "/preferences.xhtml");
        WebElement search = await("the stakeholder search")
                .atMost(WAIT)
                .ignoreExceptions()
                .until(() -> byId("lookup:stakeholderSearch"), WebElement::isDisplayed);
        search.sendKeys(
                stakeholderPlate.toLowerCase().replace(" ", ""),
                Keys.ENTER); // Enter searches, it does not load the typed id
        WebElement open = await("the stakeholder in the results")
                .atMost(WAIT)
                .ignoreExceptions()
                .until(
                        () -> browser.driver.findElement(
                                By.cssSelector("li[data-stakeholder='" + stakeholderId + "'] input[type='submit']")),
                        WebElement::isDisplayed);
        assertEquals(
                "Open the preferences of " + STAKEHOLDER_NAME + " (" + stakeholderId + ")",
                open.getAttribute("aria-label"));
        open.sendKeys(Keys.ENTER);
        await("their preferences and profile, opened")
                .atMost(WAIT)
                .ignoreExceptions()
                .until(() -> byId("edit:save").isDisplayed()
                        && byId("profile:displayName").getAttribute("value").equals(STAKEHOLDER_NAME));
        assertEquals(
                stakeholderId,
                byId("lookup:stakeholderId").getAttribute("value"),
                "the id field names whom the page shows");
        browser.screenshot("05-preferences-search", 1366, 1300);
    }

    @Test
    @Order(45)
    void aProfileSavedOnThePreferencesPageIsFoundBySearch() throws Exception {
        String id = "ui-profile-" + smsNumber.substring(1);
        browser.driver.get(ADMIN + "/preferences.xhtml");
        type("lookup:stakeholderId", id);
        byId("lookup:load").click();
        await("the profile form")
                .atMost(WAIT)
                .ignoreExceptions()
                .until(() -> byId("profile:saveProfile").isDisplayed());
        type("profile:displayName", "Dora Uitest" + smsNumber.substring(8));
        type("profile:vehicles", "ui" + smsNumber.substring(8) + ", bad plate!");
        byId("profile:saveProfile").click();
        WebElement error = await("the message next to the registrations")
                .atMost(WAIT)
                .ignoreExceptions()
                .until(
                        () -> browser.driver.findElement(By.cssSelector("#profile\\:vehicles ~ .field-error")),
                        WebElement::isDisplayed);
        assertTrue(error.getText().contains("registration"), "the service's reason at the field: " + error.getText());
        type("profile:vehicles", "ui" + smsNumber.substring(8));
        type("profile:customerNumber", "UIC-" + smsNumber.substring(8));
        byId("profile:saveProfile").click();
        await("the saved message")
                .atMost(WAIT)
                .ignoreExceptions()
                .until(() -> byId("page-messages").getText().contains("Profile of " + id + " saved"));
        browser.screenshot("05-preferences-profile", 1366, 1300);
        browser.screenshot("05-preferences-768", 768, 1800);
        String found = Api.as("csr")
                .get("/communications/preferences/search?q=uic-" + smsNumber.substring(8))
                .body();
        assertTrue(
                found.contains("\"" + id + "\""),
                "the customer number saved on the page finds the stakeholder: " + found);
    }

    @Test
    @Order(80)
    void aCsrIsRefusedTheAdminOnlyPagesWith403() throws Exception {
        browser.driver.get(ADMIN + "/inbox.xhtml");
        await("the user's inbox")
                .atMost(WAIT)
                .ignoreExceptions()
                .until(() -> byId("session:sign-out").isDisplayed());
        byId("session:sign-out").click();
        browser.driver.manage().deleteAllCookies();
        browser.driver.get(ADMIN + "/compose.xhtml");
        await("the login form")
                .atMost(WAIT)
                .ignoreExceptions()
                .until(() -> byId("j_username").isDisplayed());
        signIn("csr");
        await("the compose page")
                .atMost(WAIT)
                .ignoreExceptions()
                .until(() -> byId("compose:send").isDisplayed());
        assertTrue(
                browser.driver.findElements(By.id("nav-templates")).isEmpty()
                        && browser.driver.findElements(By.id("nav-channels")).isEmpty(),
                "a CSR's nav has no admin pages");
        for (String page : List.of(
                "channels.xhtml",
                "templates.xhtml",
                "audit.xhtml",
                "operations.xhtml",
                "api-keys.xhtml",
                "webhooks.xhtml")) {
            browser.driver.get(ADMIN + "/" + page);
            await("the refusal of " + page)
                    .atMost(WAIT)
                    .ignoreExceptions()
                    .until(() -> byId("forbidden-heading").getText().equals("Your role may not open this page"));
            assertEquals(403, navigationStatus(), "a CSR opening " + page + " gets HTTP 403");
            assertTrue(
                    browser.driver.findElements(By.id("edit:save")).isEmpty()
                            && browser.driver
                                    .findElements(By.id("test:sendTest"))
                                    .isEmpty(),
                    "nothing of " + page + " is shown, not even read-only");
        }
        browser.screenshot("10-csr-forbidden", 768, 900);
        browser.driver.get(ADMIN + "/preferences.xhtml");
        type("lookup:stakeholderId", "ui-customer-" + smsNumber.substring(1));
        byId("lookup:load").click();
        await("a CSR may save a customer's preferences (a phone call)")
                .atMost(WAIT)
                .ignoreExceptions()
                .until(() -> byId("edit:save").isDisplayed());
        browser.driver.get(ADMIN + "/analytics.xhtml");
        assertEquals(200, navigationStatus(), "a CSR still opens the staff pages");
    }

    private static String internalState() {
        return byId("operations")
                .findElement(By.cssSelector("[data-channel='Internal'] [data-state]"))
                .getAttribute("data-state");
    }

    /** The HTTP status of the page the browser shows (Navigation Timing's responseStatus). */
    private static long navigationStatus() {
        return (Long) browser.driver.executeScript(
                "const n = performance.getEntriesByType('navigation')[0]; return n ? n.responseStatus : -1;");
    }

    /**
     * axe-core finds no serious or critical WCAG 2.1 A/AA violation on any page, the login form
     * included, as an admin (who sees every page) would open them.
     */
    @Test
    @Order(90)
    void everyPageHasNoSeriousOrCriticalAccessibilityViolation() throws Exception {
        byId("session:sign-out").click();
        browser.driver.manage().deleteAllCookies();
        browser.driver.get(ADMIN + "/compose.xhtml");
        await("the login form")
                .atMost(WAIT)
                .ignoreExceptions()
                .until(() -> byId("j_username").isDisplayed());
        java.util.Map<String, List<String>> found = new java.util.LinkedHashMap<>();
        found.put("login", Axe.seriousViolations(browser.driver));
        signIn("admin");
        await("the compose page")
                .atMost(WAIT)
                .ignoreExceptions()
                .until(() -> byId("compose:send").isDisplayed());
        for (String page : List.of(
                "compose.xhtml",
                "tracking.xhtml",
                "communication.xhtml?id=" + communicationId,
                "preferences.xhtml",
                "suppressions.xhtml",
                "analytics.xhtml",
                "templates.xhtml",
                "channels.xhtml",
                "audit.xhtml",
                "operations.xhtml",
                "api-keys.xhtml",
                "webhooks.xhtml",
                "conversations.xhtml?thread=" + conversationThread,
                "inbox.xhtml")) {
            browser.driver.get(ADMIN + "/" + page);
            await(page).atMost(WAIT).ignoreExceptions().until(() -> byId("main").isDisplayed());
            if (page.startsWith("preferences")) { // the whole form, as a CSR edits it
                type("lookup:stakeholderId", stakeholderId);
                byId("lookup:load").click();
                await("the preferences form")
                        .atMost(WAIT)
                        .ignoreExceptions()
                        .until(() -> byId("edit:save").isDisplayed());
            }
            found.put(page, Axe.seriousViolations(browser.driver));
            assertFitsAPhone(page.replaceAll("\\..*", ""));
        }
        found.values().removeIf(List::isEmpty);
        assertTrue(found.isEmpty(), "serious or critical accessibility violations: " + found);
    }

    /** At 375 px (a phone) the page scrolls only down, never sideways (wide tables scroll inside their box); screenshot saved. */
    private static void assertFitsAPhone(String page) throws Exception {
        browser.driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                java.util.Map.of("width", 375, "height", 812, "deviceScaleFactor", 1, "mobile", true));
        try {
            await(page + " laid out at 375 px")
                    .atMost(WAIT)
                    .ignoreExceptions()
                    .until(() -> ((Number) browser.driver.executeScript("return document.documentElement.clientWidth"))
                                    .longValue()
                            == 375);
            long overflow = ((Number) browser.driver.executeScript(
                            "return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
                    .longValue();
            java.nio.file.Files.copy(
                    browser.driver
                            .getScreenshotAs(org.openqa.selenium.OutputType.FILE)
                            .toPath(),
                    Browser.SCREENSHOTS.resolve(page.replace(' ', '-') + "-375.png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            assertEquals(0, overflow, page + " at 375 px is wider than the screen by " + overflow + " px");
        } finally {
            browser.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
        }
    }

    private static List<String> createdTimes() {
        return browser.driver.findElements(By.cssSelector("#results-table tbody tr td:first-child time")).stream()
                .map(t -> t.getAttribute("datetime"))
                .toList();
    }

    private static void signIn(String role) {
        String[] credentials = new String(
                        Base64.getDecoder().decode(Api.as(role).authorization().substring("Basic ".length())),
                        StandardCharsets.UTF_8)
                .split(":", 2);
        type("j_username", credentials[0]);
        type("j_password", credentials[1]);
        byId("sign-in").click();
    }

    private static WebElement byId(String id) {
        return browser.driver.findElement(By.id(id));
    }

    private static void type(String id, String text) {
        WebElement input = byId(id);
        input.clear();
        input.sendKeys(text);
    }

    private static String recipientStatus(String channel) {
        return browser.driver
                .findElement(By.cssSelector(".recipient-status[data-channel='" + channel + "']"))
                .getText()
                .trim();
    }

    private static WebElement row(String channel) {
        return browser.driver.findElement(By.cssSelector("#channel-totals tr[data-channel='" + channel + "']"));
    }

    private static long cell(String channel, String column) {
        return Long.parseLong(
                row(channel).findElement(By.className(column)).getText().trim());
    }

    private static long before(String channel, String field) {
        return analyticsBefore.getJsonArray("channels").stream()
                .map(v -> v.asJsonObject())
                .filter(c -> channel.equals(c.getString("channel")))
                .findFirst()
                .orElseThrow()
                .getJsonNumber(field)
                .longValue();
    }

    /**
     * The {@code <time>} of {@code instant} reads in the browser's zone (Tokyo, UTC+9), to the second,
     * with the zone named: the clock time is the UTC one + 9 hours, whatever the browser's date format.
     */
    private static void assertShownInTheReadersZone(WebElement time, String instant) {
        assertEquals(instant, time.getAttribute("datetime"));
        ZonedDateTime there = Instant.parse(instant).atZone(ZoneId.of(Browser.TIME_ZONE));
        String clock = "%02d:%02d:%02d".formatted(there.getHour(), there.getMinute(), there.getSecond());
        String[] shown = new String[1];
        await("the time in the reader's zone").atMost(WAIT).ignoreExceptions().until(() -> {
            shown[0] = time.getText();
            return shown[0].contains(clock + " GMT+9")
                    && shown[0].contains(Integer.toString(there.getYear()))
                    && shown[0].contains(there.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
        });
        assertFalse(shown[0].contains("Z") || shown[0].contains("UTC"), "no raw instant: " + shown[0]);
    }
}
