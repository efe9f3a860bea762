package com.switchboard.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProviderAcceptancesTest {
    private final ProviderAcceptances acceptances = new ProviderAcceptances();

    @Test
    void aDeliveryBeingSentIsNotSentBySecondTicketButCanBeTriedAgainAfterAFailure() {
        assertEquals(ProviderAcceptances.Go.SEND, acceptances.begin("c-0"), "the first ticket sends");
        assertEquals(ProviderAcceptances.Go.SKIP, acceptances.begin("c-0"), "a second ticket meanwhile leaves it");
        acceptances.end("c-0"); // a transient failure: nothing accepted, nothing settled

        assertEquals(ProviderAcceptances.Go.SEND, acceptances.begin("c-0"), "the retry sends again");
    }

    @Test
    void anAcceptanceWhoseWriteFailedIsRecordedByTheRedeliveryInsteadOfSentAgain() {
        acceptances.begin("c-1");
        acceptances.accepted("c-1", "ses-42");
        acceptances.end("c-1"); // the Sent write threw

        assertEquals(ProviderAcceptances.Go.RECORD_EARLIER, acceptances.begin("c-1"), "the redelivery records it");
        assertEquals("ses-42", acceptances.earlierAcceptance("c-1"), "under the provider's id");
    }

    @Test
    void aSettledDeliveryIsLeftAloneByATicketThatReadItAsPendingBefore() {
        acceptances.begin("c-2");
        acceptances.accepted("c-2", "ses-43");
        acceptances.settled("c-2");
        acceptances.end("c-2");

        assertEquals(ProviderAcceptances.Go.SKIP, acceptances.begin("c-2"), "a stale ticket does not send it again");
        assertEquals(ProviderAcceptances.Go.SEND, acceptances.begin("c-3"), "other deliveries are not affected");
    }
}
