package com.switchboard.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The documents' bytes in the S3 bucket {@code documents.bucket}, one object per document keyed
 * by its id. Each method is one S3 request. Production expires the objects with a lifecycle rule
 * of {@code documents.retention.days} on the bucket (infrastructure, not this code).
 */
@ApplicationScoped
public class S3DocumentBytes {
    static final String PREFIX = "documents/";

    @Inject
    S3Client s3;

    /** Optional: a production server without it must still deploy, so ProfileCheck can say what to set. */
    @Inject
    @ConfigProperty(name = "documents.bucket")
    Optional<String> bucket;

    /** One PutObject. */
    public void put(String id, String contentType, byte[] bytes) {
        s3.putObject(
                b -> b.bucket(bucket())
                        .key(PREFIX + id)
                        .contentType(contentType)
                        .contentLength((long) bytes.length),
                RequestBody.fromBytes(bytes));
    }

    /** One GetObject, read whole (documents are at most {@code attachment.max.bytes}). */
    public byte[] read(String id) {
        return s3.getObjectAsBytes(b -> b.bucket(bucket()).key(PREFIX + id)).asByteArray();
    }

    /** One GetObject, streamed: the caller closes it. */
    public InputStream open(String id) {
        return s3.getObject(b -> b.bucket(bucket()).key(PREFIX + id));
    }

    /** One DeleteObject (a document whose metadata could not be written). */
    public void delete(String id) {
        s3.deleteObject(b -> b.bucket(bucket()).key(PREFIX + id));
    }

    String bucket() {
        return bucket.filter(b -> !b.isBlank()).orElse("switchboard-documents");
    }
}
