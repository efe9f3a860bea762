package com.switchboard.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SmsSegmentsTest {

    @Test
    void plainGsmTextFitsOneMessageUpTo160Characters() {
        assertEquals(
                SmsSegments.Encoding.GSM7, SmsSegments.encoding("Your car is ready @ 5pm, £20 due."), "GSM-7 text");
        assertEquals(1, SmsSegments.count("a".repeat(160)), "160 GSM-7 characters are one message");
        assertEquals(1, SmsSegments.count(""), "an empty text is still one message");
    }

    @Test
    void longGsmTextIsSplitIn153CharacterParts() {
        assertEquals(2, SmsSegments.count("a".repeat(161)), "161 characters need two parts");
        assertEquals(2, SmsSegments.count("a".repeat(306)), "two full parts of 153");
        assertEquals(3, SmsSegments.count("a".repeat(307)), "one more character, a third part");
    }

    @Test
    void extensionCharactersCountTwoAndNeverStraddleParts() {
        assertEquals(SmsSegments.Encoding.GSM7, SmsSegments.encoding("€[]{}"), "extension table is still GSM-7");
        assertEquals(1, SmsSegments.count("€".repeat(80)), "80 euro signs are 160 septets");
        assertEquals(2, SmsSegments.count("€".repeat(81)), "81 euro signs are 162 septets");
        // 306 septets would fill two parts, but the euro sign cannot start at septet 153 of the first: it moves on
        assertEquals(3, SmsSegments.count("a".repeat(152) + "€" + "a".repeat(152)), "escape pairs stay whole");
    }

    @Test
    void anyNonGsmCharacterMakesTheWholeTextUcs2With70And67() {
        assertEquals(SmsSegments.Encoding.UCS2, SmsSegments.encoding("Grüße – see you"), "an en dash is not GSM-7");
        assertEquals(1, SmsSegments.count("ж".repeat(70)), "70 UCS-2 characters are one message");
        assertEquals(2, SmsSegments.count("ж".repeat(71)), "71 need two parts");
        assertEquals(3, SmsSegments.count("ж".repeat(135)), "two parts hold 134");
    }

    @Test
    void emojiTakeTwoUcs2Units() {
        assertEquals(1, SmsSegments.count("🚗".repeat(35)), "35 emoji are 70 units");
        assertEquals(2, SmsSegments.count("🚗".repeat(36)), "36 emoji are 72 units");
    }
}
