package com.switchboard.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.switchboard.channel.Channel;
import org.junit.jupiter.api.Test;

/** SMS delivery events in both AWS formats (samples as documented) read into receipts. */
class SmsEventParserTest {

    private static String endUserMessaging(String eventType, String status, boolean isFinal, String description) {
        return """
                {"eventType":"%s","eventVersion":"1.0","eventTimestamp":1686975103470,"isFinal":%s,
                 "originationPhoneNumber":"+12065550152","destinationPhoneNumber":"+14255550156","isInternationalSend":false,
                 "mcc":"310","mnc":"800","messageId":"862a8790-60c0-4430-9b2b-658bdexample","messageRequestTimestamp":1686975103170,
                 "messageEncoding":"GSM","messageType":"TRANSACTIONAL","messageStatus":"%s","messageStatusDescription":"%s",
                 "context":{"account":"bar"},"totalMessageParts":1,"totalMessagePrice":0.09582,"totalCarrierFee":0.0}""".formatted(eventType, isFinal, status, description);
    }

    @Test
    void endUserMessagingDeliveredIsDelivered() {
        Receipt r = SmsEventParser.parse(
                        endUserMessaging("TEXT_DELIVERED", "DELIVERED", true, "Message has been accepted by phone"))
                .orElseThrow();
        assertEquals(Channel.SMS, r.channel(), "an SMS receipt");
        assertEquals(ReceiptOutcome.Delivered, r.outcome(), "DELIVERED delivers");
        assertEquals("862a8790-60c0-4430-9b2b-658bdexample", r.providerMessageId(), "the message id correlates");
        assertEquals("2023-06-17T04:11:43.470Z", r.occurredAt(), "eventTimestamp in ISO-8601");
        assertEquals("+14255550156", r.address(), "destination number");
    }

    @Test
    void endUserMessagingCarrierFailureFailsWithTheCarriersReason() {
        Receipt r = SmsEventParser.parse(endUserMessaging(
                        "TEXT_CARRIER_UNREACHABLE",
                        "CARRIER_UNREACHABLE",
                        true,
                        "The carrier for the destination phone number is currently unreachable"))
                .orElseThrow();
        assertEquals(ReceiptOutcome.Failed, r.outcome(), "a final failure status fails");
        assertEquals(
                "The carrier for the destination phone number is currently unreachable",
                r.reason(),
                "carrier's reason");
        assertEquals("TEXT_CARRIER_UNREACHABLE/CARRIER_UNREACHABLE", r.rawStatus(), "raw status kept");
    }

    @Test
    void endUserMessagingIntermediateStatesAreEventsOnly() {
        assertEquals(
                ReceiptOutcome.Event,
                SmsEventParser.parse(endUserMessaging(
                                "TEXT_SUCCESSFUL", "SUCCESSFUL", true, "Message has been accepted by phone carrier"))
                        .orElseThrow()
                        .outcome(),
                "accepted by the carrier is not delivered");
        assertEquals(
                ReceiptOutcome.Event,
                SmsEventParser.parse(endUserMessaging("TEXT_QUEUED", "QUEUED", false, "queued"))
                        .orElseThrow()
                        .outcome(),
                "queued");
    }

    @Test
    void snsDeliveryStatusLogSuccessAndFailure() {
        String ok = """
                {"notification":{"messageId":"34d9b400-c6dd-5444-820d-fbeb0f1f54cf","timestamp":"2016-06-28 00:40:34.558"},
                 "delivery":{"phoneCarrier":"My Phone Carrier","mnc":270,"destination":"+1XXX5550100","priceInUSD":0.00645,
                 "smsType":"Transactional","mcc":310,"providerResponse":"Message has been accepted by phone carrier",
                 "dwellTimeMs":599,"dwellTimeMsUntilDeviceAck":1344},"status":"SUCCESS"}""";
        Receipt delivered = SmsEventParser.parse(ok).orElseThrow();
        assertEquals(ReceiptOutcome.Delivered, delivered.outcome(), "SUCCESS delivers");
        assertEquals("34d9b400-c6dd-5444-820d-fbeb0f1f54cf", delivered.providerMessageId(), "Publish's message id");
        assertEquals("2016-06-28T00:40:34.558Z", delivered.occurredAt(), "log time in ISO-8601");

        Receipt failed = SmsEventParser.parse(ok.replace("SUCCESS", "FAILURE")
                        .replace(
                                "Message has been accepted by phone carrier",
                                "Phone is currently unreachable/unavailable"))
                .orElseThrow();
        assertEquals(ReceiptOutcome.Failed, failed.outcome(), "FAILURE fails");
        assertEquals("Phone is currently unreachable/unavailable", failed.reason(), "provider response is the reason");
    }

    @Test
    void somethingElseIsNoReceipt() {
        assertTrue(SmsEventParser.parse("{\"hello\":1}").isEmpty(), "unknown shape");
        assertTrue(SmsEventParser.parse("[]").isEmpty(), "not an object");
    }
}
