package com.switchboard.document;

import com.switchboard.error.FieldError;
import com.switchboard.error.GoneException;
import com.switchboard.error.InvalidRequestException;
import com.switchboard.error.TooLargeException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Documents a send may carry: uploaded first (type recognised by its bytes, size limited, bytes to
 * S3, metadata to DynamoDB with its retention), then referenced by id from sends, which check the
 * references at accept ({@link #attachable}). Downloads go through a signed link
 * ({@link DocumentLinks}) or a recipient's own in-app note; a document past its retention is gone.
 */
@ApplicationScoped
public class DocumentService {
    private static final Logger LOG = Logger.getLogger(DocumentService.class.getName());
    private static final int MAX_FILENAME = 200;
    private static final String ID = "[0-9a-f-]{36}";

    @Inject
    S3DocumentBytes bytes;

    @Inject
    DynamoDocumentStore metadata;

    @Inject
    DocumentLinks links;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "attachment.max.bytes", defaultValue = "5242880")
    long maxBytes;

    @Inject
    @ConfigProperty(name = "attachment.max.count", defaultValue = "5")
    int maxCount;

    @Inject
    @ConfigProperty(name = "attachment.max.total.bytes", defaultValue = "10485760")
    long maxTotalBytes;

    @Inject
    @ConfigProperty(name = "documents.retention.days", defaultValue = "30")
    long retentionDays;

    /** A document's metadata and its bytes as a stream, which the caller closes. */
    public record Download(Document document, InputStream content) {}

    /**
     * Stores an upload: one PutObject, one PutItem. {@code declaredType} may be null; when given it
     * must agree with what the bytes are. {@code field} names the bytes in errors ({@code body},
     * {@code file}).
     */
    public Document upload(byte[] content, String declaredType, String filename, String caller, String field) {
        if (content == null || content.length == 0) {
            throw InvalidRequestException.invalid(field, "a document is required (PDF, PNG or JPEG)");
        }
        if (content.length > maxBytes) {
            throw new TooLargeException(field, content.length, maxBytes);
        }
        DocumentType type = DocumentType.sniff(content)
                .orElseThrow(() -> InvalidRequestException.unprocessable(
                        field, "not a document type we send; one of " + DocumentType.accepted()));
        if (declaredType != null
                && !declaredType.isBlank()
                && !declaredType.toLowerCase(Locale.ROOT).startsWith("application/octet-stream")
                && DocumentType.ofMediaType(declaredType).filter(type::equals).isEmpty()) {
            throw InvalidRequestException.unprocessable(
                    "Content-Type", "declared " + declaredType + " but the content is " + type.mediaType());
        }
        Instant now = clock.instant();
        Document d = new Document(
                UUID.randomUUID().toString(),
                filename(filename, type),
                type.mediaType(),
                content.length,
                sha256(content),
                caller,
                now,
                now.plus(Duration.ofDays(retentionDays)));
        bytes.put(d.id(), d.contentType(), content);
        try {
            metadata.put(d);
        } catch (RuntimeException e) {
            try {
                bytes.delete(d.id()); // no orphan bytes for a document nobody can name
            } catch (RuntimeException cleanup) {
                LOG.warning(() -> "document " + d.id() + " left in S3 without metadata: " + cleanup.getMessage());
            }
            throw e;
        }
        return d;
    }

    /** The largest document accepted, in bytes ({@code attachment.max.bytes}). */
    public long maxBytes() {
        return maxBytes;
    }

    /**
     * The references of a send's {@code attachments}, read with one BatchGetItem; every id unknown,
     * uploaded by someone whose documents {@code uploadedBy} does not allow (answered as unknown, so
     * ids reveal nothing), past its retention or beyond the count or total size is added to
     * {@code errors} as {@code attachments[i]}.
     */
    public List<DocumentRef> attachable(List<String> ids, Predicate<String> uploadedBy, List<FieldError> errors) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        if (ids.size() > maxCount) {
            errors.add(new FieldError("attachments", "at most " + maxCount + " attachments per send"));
            return List.of();
        }
        List<String> wellFormed =
                ids.stream().filter(id -> id != null && id.matches(ID)).toList();
        Map<String, Document> found = wellFormed.isEmpty() ? Map.of() : metadata.findAll(wellFormed);
        Instant now = clock.instant();
        List<DocumentRef> refs = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < ids.size(); i++) {
            String field = "attachments[" + i + "]";
            Document d = found.get(ids.get(i));
            if (d == null || !uploadedBy.test(d.createdBy())) {
                errors.add(new FieldError(field, "no document " + ids.get(i) + "; upload it first"));
            } else if (d.expired(now)) {
                errors.add(
                        new FieldError(field, "document " + d.id() + " is past its retention (" + d.expiresAt() + ")"));
            } else if ((total += d.size()) > maxTotalBytes) {
                errors.add(new FieldError(field, "the attachments take " + total + " bytes, at most " + maxTotalBytes));
            } else {
                refs.add(d.ref());
            }
        }
        return refs;
    }

    /** Whether {@code next} may join {@code carried} in one message within a send's count and total size. */
    public boolean fits(List<DocumentRef> carried, DocumentRef next) {
        return carried.size() < maxCount
                && carried.stream().mapToLong(DocumentRef::size).sum() + next.size() <= maxTotalBytes;
    }

    /** The bytes of an attachment, one GetObject (email sends them inside the message). */
    public byte[] content(DocumentRef ref) {
        return bytes.read(ref.id());
    }

    /** A signed link to the attachment for recipients without a login. */
    public String link(DocumentRef ref) {
        return links.link(ref.id());
    }

    /** A signed link's document: checks the link, then the document's retention; one GetItem, one GetObject. */
    public Download downloadByLink(String id, String exp, String sig) {
        links.verify(id, exp, sig);
        return download(id);
    }

    /**
     * A document someone may see (its note checked by the caller): gone when past its retention or
     * deleted by it (the link or note proves it existed).
     */
    public Download download(String id) {
        Document d = metadata.find(id)
                .filter(doc -> !doc.expired(clock.instant()))
                .orElseThrow(() -> new GoneException("document", id, "is past its retention"));
        return new Download(d, bytes.open(id));
    }

    /** The name the recipient sees: the last path segment, printable, without quotes; a default by type. */
    static String filename(String given, DocumentType type) {
        String name = given == null ? "" : given.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1)
                .replaceAll("[\\p{Cntrl}\"]", "")
                .strip();
        if (name.length() > MAX_FILENAME) {
            name = name.substring(name.length() - MAX_FILENAME);
        }
        return name.isEmpty()
                ? "document." + type.name().toLowerCase(Locale.ROOT).replace("jpeg", "jpg")
                : name;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
