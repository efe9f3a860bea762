package com.switchboard.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookUrlPolicyTest {

    @Test
    void privateLoopbackLinkLocalAndSharedAddressesAreNoWebhookTargets() throws Exception {
        Map<String, String> kinds = Map.ofEntries(
                Map.entry("169.254.169.254", "link-local"),
                Map.entry("10.1.2.3", "private"),
                Map.entry("172.16.0.1", "private"),
                Map.entry("192.168.1.1", "private"),
                Map.entry("127.0.0.1", "loopback"),
                Map.entry("::1", "loopback"),
                Map.entry("fd00::1", "private"),
                Map.entry("fe80::1", "link-local"),
                Map.entry("100.64.1.1", "shared (carrier-grade NAT)"),
                Map.entry("0.0.0.0", "unspecified"),
                Map.entry("224.0.0.1", "multicast or reserved"),
                Map.entry("::ffff:10.0.0.1", "private"));
        for (var e : kinds.entrySet()) {
            assertEquals(e.getValue(), WebhookUrlPolicy.kind(InetAddress.getByName(e.getKey())), e.getKey());
        }
        for (String publicAddress :
                new String[] {"93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c", "100.128.0.1"}) {
            assertNull(WebhookUrlPolicy.kind(InetAddress.getByName(publicAddress)), publicAddress + " is public");
        }
    }

    @Test
    void loopbackIsAllowedOnlyWhereTheProfileSaysSo() {
        WebhookUrlPolicy policy = new WebhookUrlPolicy();
        assertTrue(policy.blocked("127.0.0.1").isPresent(), "loopback refused by default");
        policy.allowLoopbackHttp = true;
        assertEquals(Optional.empty(), policy.blocked("127.0.0.1"), "the local profile allows loopback");
        assertTrue(policy.blocked("10.0.0.1").isPresent(), "but never a private address");
        assertEquals(
                Optional.empty(),
                policy.blocked("no-such-host.invalid"),
                "a name that does not resolve yet is not refused here");
    }

    @Test
    void failedAttemptsAreShownAsACategoryNotTheExceptionsText() {
        assertEquals(
                "connection refused",
                HttpWebhookSender.category(new ConnectException("Connection refused: 10.0.0.7:8443")));
        assertEquals(
                "connect timeout",
                HttpWebhookSender.category(new HttpConnectTimeoutException("HTTP connect timed out")));
        assertEquals(
                "unknown host",
                HttpWebhookSender.category(new IOException("wrapped", new UnknownHostException("internal.corp"))));
        assertEquals("connection failed", HttpWebhookSender.category(new IOException("stream reset by 10.0.0.7")));
    }
}
