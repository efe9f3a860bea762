package com.switchboard.tracking.sns;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * The production certificate source, following the AWS SDK's SNS message manager step by step:
 * the URL must be HTTPS on the region's SNS host, the PEM is fetched over TLS with the JVM's
 * default trust (that TLS handshake with an amazonaws.com host is what makes the certificate
 * AWS's), it must be well-formed X.509 PEM, name the SNS signing host as its subject and be within
 * its validity; the key is cached per URL (SNS rotates certificates by publishing new URLs).
 */
public final class AwsSigningCertificates implements SigningCertificateSource {
    private static final Pattern PEM =
            Pattern.compile("^\\s*-----BEGIN [A-Z]+-----\\n[A-Za-z\\d+/\\n]+={0,2}\\n-----END [A-Z]+-----\\s*$");
    private static final int CACHE_SIZE = 16;

    /** Fetches a certificate URL's body; the seam a unit test uses to serve a certificate. */
    @FunctionalInterface
    public interface Fetcher {
        byte[] fetch(URI url) throws IOException, InterruptedException;
    }

    private final SnsCertificateUrls urls;
    private final String commonName;
    private final Fetcher fetcher;
    private final Map<URI, PublicKey> cache = new ConcurrentHashMap<>();

    public AwsSigningCertificates(SnsCertificateUrls urls, String commonName, Fetcher fetcher) {
        this.urls = urls;
        this.commonName = commonName;
        this.fetcher = fetcher;
    }

    /** Fetches with a plain HTTPS GET: no redirects, the JVM's default trust store. */
    public static Fetcher https(Duration timeout) {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return url -> {
            HttpResponse<byte[]> r = http.send(
                    HttpRequest.newBuilder(url).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IOException("HTTP " + r.statusCode());
            }
            return r.body();
        };
    }

    @Override
    public PublicKey publicKey(URI certificateUrl) {
        URI url = urls.require(certificateUrl.toString());
        PublicKey cached = cache.get(url);
        if (cached != null) {
            return cached;
        }
        PublicKey key = load(url);
        if (cache.size() >= CACHE_SIZE) {
            cache.clear(); // a handful of live certificates at most; a rare refill is cheaper than an LRU
        }
        cache.put(url, key);
        return key;
    }

    private PublicKey load(URI url) {
        byte[] pem;
        try {
            pem = fetcher.fetch(url);
        } catch (IOException e) {
            throw new SnsVerificationException(
                    "signing certificate not retrievable (" + e.getMessage() + ")", url.toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SnsVerificationException("interrupted fetching the signing certificate", url.toString(), e);
        }
        if (!PEM.matcher(new String(pem, StandardCharsets.UTF_8)).matches()) {
            throw new SnsVerificationException("signing certificate is not X.509 PEM", url.toString());
        }
        X509Certificate cert = parse(pem, url.toString());
        if (!names(cert).contains(commonName)) {
            throw new SnsVerificationException(
                    "signing certificate is not issued to " + commonName,
                    cert.getSubjectX500Principal().getName());
        }
        try {
            cert.checkValidity();
        } catch (CertificateException e) {
            throw new SnsVerificationException("signing certificate is outside its validity", url.toString(), e);
        }
        return cert.getPublicKey();
    }

    static X509Certificate parse(byte[] pem, String source) {
        try {
            return (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(pem));
        } catch (CertificateException e) {
            throw new SnsVerificationException("signing certificate cannot be parsed", source, e);
        }
    }

    /** The subject's CN values and the DNS subject alternative names. */
    private static List<String> names(X509Certificate cert) {
        java.util.ArrayList<String> names = new java.util.ArrayList<>();
        try {
            for (Rdn rdn : new LdapName(cert.getSubjectX500Principal().getName()).getRdns()) {
                if ("CN".equalsIgnoreCase(rdn.getType())) {
                    names.add(String.valueOf(rdn.getValue()));
                }
            }
            Collection<List<?>> alt = cert.getSubjectAlternativeNames();
            if (alt != null) {
                for (List<?> entry : alt) {
                    if (Integer.valueOf(2).equals(entry.get(0))) {
                        names.add(String.valueOf(entry.get(1)));
                    }
                }
            }
        } catch (InvalidNameException | java.security.cert.CertificateParsingException e) {
            throw new SnsVerificationException(
                    "signing certificate subject unreadable",
                    cert.getSubjectX500Principal().getName(),
                    e);
        }
        return names;
    }
}
