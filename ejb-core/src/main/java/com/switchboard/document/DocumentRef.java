package com.switchboard.document;

/**
 * A document as a communication refers to it: its id (the S3 key), the name the recipient sees,
 * its media type and size in bytes. Kept on the communication's {@code DETAILS} item and on in-app
 * notes; the bytes themselves are only ever in S3.
 */
public record DocumentRef(String id, String filename, String contentType, long size) {

    /** Whether WhatsApp sends it as an image message rather than a document. */
    public boolean image() {
        return DocumentType.ofMediaType(contentType).map(DocumentType::image).orElse(false);
    }
}
