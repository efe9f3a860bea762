package com.switchboard.coordination.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.switchboard.channel.Channel;
import com.switchboard.preference.Frequency;
import java.util.List;
import org.junit.jupiter.api.Test;

class DigestRendererTest {

    @Test
    void anEmailDigestListsEveryMessageAndAnSmsDigestIsShort() {
        List<DigestRenderer.Entry> entries = List.of(
                new DigestRenderer.Entry("Service due", "Your car needs a service."),
                new DigestRenderer.Entry(null, "Invoice 42 is ready\nsecond line"));
        var email = DigestRenderer.render(Frequency.Daily, Channel.Email, entries);
        assertEquals("Your daily digest (2 updates)", email.subject(), "subject counts the updates");
        assertTrue(
                email.text().contains("Service due")
                        && email.text().contains("Your car needs a service.")
                        && email.text().contains("Invoice 42 is ready"),
                "every message is in the email: " + email.text());
        var sms = DigestRenderer.render(Frequency.Weekly, Channel.SMS, entries);
        assertEquals(
                "Your weekly digest (2 updates): 1) Service due; 2) Invoice 42 is ready", sms.text(), "a short list");
    }

    @Test
    void aLongShortChannelDigestIsCut() {
        List<DigestRenderer.Entry> many = java.util.stream.IntStream.range(0, 100)
                .mapToObj(i -> new DigestRenderer.Entry("Update number " + i, "text"))
                .toList();
        String text =
                DigestRenderer.render(Frequency.Daily, Channel.WhatsApp, many).text();
        assertEquals(DigestRenderer.SHORT_LIMIT, text.length(), "cut to the limit: " + text);
        assertTrue(text.startsWith("Your daily digest (100 updates): 1) Update number 0;"), text);
    }

    @Test
    void linksOfDocumentsNotAttachedFollowTheirMessageByEmailAndAreNeverCutOnAShortChannel() {
        String link = "invoice.pdf: https://switchboard.example/documents/1?exp=1&sig=x";
        List<DigestRenderer.Entry> many = java.util.stream.IntStream.range(0, 100)
                .mapToObj(i -> new DigestRenderer.Entry("Update " + i, "text", i == 99 ? List.of(link) : List.of()))
                .toList();
        var email = DigestRenderer.render(Frequency.Daily, Channel.Email, many);
        assertTrue(email.text().endsWith("Update 99\ntext\n" + link + "\n"), "under its message: " + email.text());
        String sms = DigestRenderer.render(Frequency.Daily, Channel.SMS, many).text();
        assertTrue(sms.endsWith("…\n" + link), "after the cut list: " + sms);
    }
}
