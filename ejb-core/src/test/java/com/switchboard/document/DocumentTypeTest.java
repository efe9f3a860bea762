package com.switchboard.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DocumentTypeTest {

    @Test
    void aPdfIsRecognisedByItsHeaderWhateverItIsCalled() {
        byte[] pdf = "%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(Optional.of(DocumentType.PDF), DocumentType.sniff(pdf), "a PDF starts with %PDF-");
    }

    @Test
    void pngAndJpegAreImagesAndRecognisedByTheirSignatures() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
        byte[] jpeg = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16, 'J', 'F', 'I', 'F'};
        assertEquals(Optional.of(DocumentType.PNG), DocumentType.sniff(png), "the PNG signature");
        assertEquals(Optional.of(DocumentType.JPEG), DocumentType.sniff(jpeg), "the JPEG start of image");
        assertTrue(DocumentType.PNG.image() && DocumentType.JPEG.image(), "WhatsApp sends both as image messages");
    }

    @Test
    void anythingElseIsNotADocumentWeSend() {
        assertEquals(
                Optional.empty(),
                DocumentType.sniff("<html><body>%PDF-".getBytes(StandardCharsets.US_ASCII)),
                "HTML that mentions a PDF header later is not a PDF");
        assertEquals(
                Optional.empty(),
                DocumentType.sniff("MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1)),
                "an executable");
        assertEquals(Optional.empty(), DocumentType.sniff(new byte[] {'%', 'P'}), "too short to tell");
        assertEquals(Optional.empty(), DocumentType.sniff(new byte[0]), "nothing");
    }

    @Test
    void declaredMediaTypesAreReadWithoutParametersOrCase() {
        assertEquals(Optional.of(DocumentType.PDF), DocumentType.ofMediaType("Application/PDF; charset=binary"), "pdf");
        assertEquals(Optional.of(DocumentType.JPEG), DocumentType.ofMediaType("image/jpg"), "the common misspelling");
        assertEquals(Optional.empty(), DocumentType.ofMediaType("text/html"), "not one of ours");
        assertEquals(Optional.empty(), DocumentType.ofMediaType(null), "none declared");
    }

    @Test
    void aFileNameKeepsItsLastSegmentWithoutQuotesOrControlsAndDefaultsByType() {
        assertEquals("invoice.pdf", DocumentService.filename("C:\\Users\\ann\\invoice.pdf", DocumentType.PDF), "path");
        assertEquals("ab.pdf", DocumentService.filename("a\"b\r\n.pdf", DocumentType.PDF), "header injection");
        assertEquals("document.jpg", DocumentService.filename("  ", DocumentType.JPEG), "a default name");
        assertEquals(
                200,
                DocumentService.filename("x".repeat(300) + ".pdf", DocumentType.PDF)
                        .length(),
                "at most 200");
        assertTrue(
                DocumentService.filename("x".repeat(300) + ".pdf", DocumentType.PDF)
                        .endsWith(".pdf"),
                "a long name keeps its extension");
    }
}
