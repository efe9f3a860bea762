package sandbox;

import java.io.*;
import java.net.*;
import java.nio.charset.StandardCharsets;
import java.util.*;
import java.util.concurrent.*;

/**
 * Sandbox stand-in for the Amazon SES SMTP interface: an SMTP peer on 127.0.0.1 that relays every
 * session line by line to a backend SMTP server (e.g. GreenMail, which stores the mail) while
 * answering accepted messages with SES-style {@code 250 Ok <message-id>} replies and letting tests
 * inject per-recipient RCPT failures, so bounce/retry handling can be exercised without AWS.
 */
public final class SesSmtpFront implements AutoCloseable {

    /** A message id handed out to a client, with the recipients the backend accepted, its SES tags and when. */
    public record Issued(String id, List<String> recipients, Map<String, String> tags, java.time.Instant at) {}

    private record Fault(int code, String text, int times) {}
    // Literal IPv4 (parsed, never resolved) so the bind cannot land on ::1 when the JVM prefers IPv6.
    private static final String LOCALHOST = "127.0.0.1";

    private final ServerSocket server;
    private final int backendPort;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "ses-smtp-front");
        t.setDaemon(true); // a forgotten close() must not keep the test JVM alive
        return t;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Map<String, Fault> faults = new ConcurrentHashMap<>();
    private final Map<String, Integer> attempts = new ConcurrentHashMap<>();
    private final List<Issued> issued = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
    /** While set, SES is "down": every session is refused with this 421 reply, as SMTP says a service outage is. */
    private volatile String outage;

    private volatile java.util.function.Consumer<Issued> onAccepted = i -> {};
    /** A test's hook, run after the backend accepted a message and before the client hears 250. */
    private volatile java.util.function.Consumer<Issued> beforeReply = i -> {};

    private SesSmtpFront(ServerSocket server, int backendPort) {
        this.server = server;
        this.backendPort = backendPort;
    }

    public static SesSmtpFront start(int listenPort, int backendPort) throws IOException {
        ServerSocket ss = new ServerSocket();
        ss.setReuseAddress(true); // tests restart on the same port quickly; avoid TIME_WAIT bind failures
        ss.bind(new InetSocketAddress(LOCALHOST, listenPort));
        SesSmtpFront front = new SesSmtpFront(ss, backendPort);
        front.pool.execute(front::acceptLoop);
        return front;
    }

    public int port() {
        return server.getLocalPort();
    }

    public List<Issued> issued() {
        return List.copyOf(issued);
    }

    public int attempts(String address) {
        return attempts.getOrDefault(key(address), 0);
    }

    /** The next {@code times} RCPT TO for {@code address} get {@code code text} without reaching the backend. */
    public void failRecipient(String address, int code, String text, int times) {
        if (times > 0) faults.put(key(address), new Fault(code, text, times));
        else faults.remove(key(address));
    }

    public void clearFaults() {
        faults.clear();
        outage = null;
    }

    /** Starts ({@code text} non-null) or ends (null) an outage: new sessions and new transactions get 421. */
    public void outage(String text) {
        outage = text;
    }

    /** Runs {@code hook} (or nothing, when null) between the backend's acceptance and the client's 250. */
    public void beforeReply(java.util.function.Consumer<Issued> hook) {
        this.beforeReply = hook == null ? i -> {} : hook;
    }

    /** Called (on the session thread: keep it quick) for every message the backend accepted. */
    public void onAccepted(java.util.function.Consumer<Issued> listener) {
        this.onAccepted = listener;
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        open.forEach(SesSmtpFront::closeQuietly);
        pool.shutdownNow();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket c = server.accept();
                open.add(c);
                pool.execute(() -> session(c));
            } catch (IOException e) {
                if (closed) return;
            } // close() unblocks accept() by failing it
        }
    }

    private void session(Socket client) {
        Socket backend = null;
        try (client) {
            InputStream cin = new BufferedInputStream(client.getInputStream());
            OutputStream cout = new BufferedOutputStream(client.getOutputStream());
            try {
                backend = new Socket(LOCALHOST, backendPort);
            } catch (IOException e) {
                send(cout, List.of("421 Backend unavailable")); // tell the client instead of dropping it silently
                return;
            }
            open.add(backend);
            if (outage != null) {
                send(cout, List.of("421 " + outage));
                return;
            }
            InputStream bin = new BufferedInputStream(backend.getInputStream());
            OutputStream bout = new BufferedOutputStream(backend.getOutputStream());
            List<String> greeting = readReply(bin);
            if (greeting == null) return;
            send(cout, greeting);
            List<String> rcpts = new ArrayList<>();
            for (String line; !closed && (line = readLine(cin)) != null; ) {
                String verb = (line.length() >= 4 ? line.substring(0, 4) : line).toUpperCase(Locale.ROOT);
                String addr = verb.equals("RCPT") ? stripAddress(line.substring(line.indexOf(':') + 1)) : null;
                if (addr != null) {
                    attempts.merge(key(addr), 1, Integer::sum);
                    Fault fault = takeFault(key(addr));
                    // Answered locally so the backend never sees the recipient, like an SES-side rejection.
                    if (fault != null) {
                        send(cout, List.of(fault.code() + " " + fault.text()));
                        continue;
                    }
                }
                // a pooled connection learns of the outage on its next transaction, and is closed like SES does
                if (verb.equals("MAIL") && outage != null) {
                    send(cout, List.of("421 " + outage));
                    return;
                }
                if (verb.equals("MAIL") || verb.equals("RSET")) rcpts.clear(); // a new transaction starts
                send(bout, List.of(line));
                List<String> reply = readReply(bin);
                if (reply == null) return;
                if (addr != null && reply.get(reply.size() - 1).startsWith("2")) rcpts.add(addr);
                if (verb.equals("EHLO")) reply = withoutStartTls(reply);
                send(cout, reply);
                if (verb.equals("QUIT")) return;
                if (verb.equals("DATA") && reply.get(reply.size() - 1).startsWith("354")) {
                    String body;
                    Map<String, String> tags = new LinkedHashMap<>();
                    boolean inHeaders = true;
                    do { // dot-stuffing is left intact: both peers speak SMTP, so bytes pass through as-is
                        if ((body = readLine(cin)) == null) return;
                        if (body.isEmpty()) inHeaders = false;
                        if (inHeaders && body.regionMatches(true, 0, "X-SES-MESSAGE-TAGS:", 0, 19))
                            tags = sesTags(body.substring(19));
                        bout.write((body + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    } while (!body.equals("."));
                    bout.flush();
                    List<String> fin = readReply(bin);
                    if (fin == null) return;
                    if (fin.get(fin.size() - 1).startsWith("2")) {
                        String id = String.format("0100%012x-%s-000000", System.currentTimeMillis(), UUID.randomUUID());
                        Issued accepted = new Issued(id, List.copyOf(rcpts), Map.copyOf(tags), java.time.Instant.now());
                        issued.add(accepted);
                        onAccepted.accept(accepted);
                        beforeReply.accept(accepted);
                        fin = List.of("250 Ok " + id);
                    }
                    rcpts.clear();
                    send(cout, fin);
                }
            }
        } catch (IOException ignored) { // peer vanished or close() was called: the session is simply over
        } finally {
            if (backend != null) {
                open.remove(backend);
                closeQuietly(backend);
            }
            open.remove(client);
        }
    }

    /** Atomically consumes one use of a fault so concurrent sessions never over-fire it. */
    private Fault takeFault(String key) {
        Fault[] hit = new Fault[1];
        faults.computeIfPresent(key, (k, f) -> {
            hit[0] = f;
            if (f.times() == Integer.MAX_VALUE) return f;
            return f.times() > 1 ? new Fault(f.code(), f.text(), f.times() - 1) : null;
        });
        return hit[0];
    }

    /** SES requires TLS upgrade in real life, but the sandbox relay cannot splice a TLS handshake. */
    private static List<String> withoutStartTls(List<String> reply) {
        List<String> out = new ArrayList<>();
        for (String l : reply) if (l.length() < 4 || !l.substring(4).trim().equalsIgnoreCase("STARTTLS")) out.add(l);
        for (int i = 0; i < out.size(); i++) { // dropping the last line would otherwise leave an unterminated reply
            String l = out.get(i);
            if (l.length() >= 4) out.set(i, l.substring(0, 3) + (i == out.size() - 1 ? ' ' : '-') + l.substring(4));
        }
        return out;
    }

    /** {@code name=value, name=value} as SES reads the X-SES-MESSAGE-TAGS header. */
    private static Map<String, String> sesTags(String header) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String pair : header.split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0)
                tags.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return tags;
    }

    private static String stripAddress(String arg) {
        String s = arg.trim();
        if (s.startsWith("<")) {
            int end = s.indexOf('>');
            return end < 0 ? s.substring(1) : s.substring(1, end);
        }
        int sp = s.indexOf(' ');
        return sp < 0 ? s : s.substring(0, sp);
    }

    private static String key(String address) {
        return stripAddress(address).toLowerCase(Locale.ROOT);
    }

    /** Reads a full reply; continuation lines are "NNN-", the last one "NNN ". Null on EOF. */
    private static List<String> readReply(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String l; (l = readLine(in)) != null; ) {
            lines.add(l);
            if (l.length() < 4 || l.charAt(3) != '-') return lines;
        }
        return null;
    }

    private static void send(OutputStream out, List<String> lines) throws IOException {
        for (String l : lines) out.write((l + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Byte-transparent (ISO-8859-1) line read so 8-bit message bodies reach the backend unchanged. */
    private static String readLine(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int c; (c = in.read()) != -1; ) {
            if (c == '\n') {
                int n = sb.length();
                if (n > 0 && sb.charAt(n - 1) == '\r') sb.setLength(n - 1);
                return sb.toString();
            }
            sb.append((char) c);
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
        } // best effort: the peer may already be gone
    }
}
