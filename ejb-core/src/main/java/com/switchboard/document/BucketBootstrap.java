package com.switchboard.document;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Creates the documents bucket at start when the profile asks for it ({@code documents.create.bucket},
 * the local profile's s3rver); in production the bucket, its encryption and its lifecycle rule
 * (expire after {@code documents.retention.days}) are provisioned by infrastructure code and this does
 * nothing.
 */
@Singleton
@Startup
@DependsOn("ProfileCheck") // a production server missing its settings reaches nothing
public class BucketBootstrap {
    private static final Logger LOG = Logger.getLogger(BucketBootstrap.class.getName());

    @Inject
    S3Client s3;

    @Inject
    S3DocumentBytes bytes;

    @Inject
    @ConfigProperty(name = "documents.create.bucket", defaultValue = "false")
    boolean createBucket;

    @PostConstruct
    void ensureBucket() {
        if (!createBucket) {
            return;
        }
        // the sandbox peer may still be starting next to us: wait for it a little rather than fail the deploy
        for (int attempt = 1; ; attempt++) {
            try {
                createIfMissing(bytes.bucket());
                return;
            } catch (SdkClientException e) {
                if (attempt == 30) {
                    throw e;
                }
                LOG.info(() -> "S3 not reachable yet, retrying: " + e.getMessage());
                sleep();
            }
        }
    }

    private void createIfMissing(String bucket) {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (S3Exception missing) {
            if (missing.statusCode() != 404) {
                throw missing;
            }
            try {
                s3.createBucket(b -> b.bucket(bucket));
                LOG.info(() -> "created the documents bucket " + bucket);
            } catch (BucketAlreadyOwnedByYouException raced) {
                // another server of the sandbox created it first
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
