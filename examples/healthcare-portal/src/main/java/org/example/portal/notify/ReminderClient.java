package org.example.portal.notify;

import java.io.IOException;
import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.Random;
import org.example.portal.config.PortalConfig;

/**
 * Sends appointment reminders through the external SMS gateway. The legacy send path talks to the
 * gateway's old plain-HTTP endpoint through an outbound relay whose password is in the code.
 */
public class ReminderClient {

    private static final URI GATEWAY = URI.create("https://api.sms-gateway.example/v2/messages");
    private static final URI LOCAL_HEALTH = URI.create("http://localhost:8081/health");
    private static final long BASE_BACKOFF_MS = 200;
    private static final int MAX_ATTEMPTS = 3;

    private final Properties config = PortalConfig.load();
    private final Random jitter = new Random();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Sends one reminder, retrying with jittered exponential back-off. */
    public boolean scheduleReminder(String phone, String text) {
        String apiKey = PortalConfig.resolve(config.getProperty("sms.api.key"));
        if (apiKey == null) {
            return false;
        }
        HttpRequest request = HttpRequest.newBuilder(GATEWAY)
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(phone, text)))
                .build();
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            try {
                HttpResponse<Void> reply = http.send(request, HttpResponse.BodyHandlers.discarding());
                if (reply.statusCode() / 100 == 2) {
                    return true;
                }
                Thread.sleep(backoffMillis(attempt));
            } catch (IOException e) {
                sleepQuietly(backoffMillis(attempt));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** Legacy path: plain HTTP, so the patient's phone number and visit travel in clear text. */
    public boolean sendLegacy(String phone, String text) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://legacy.sms-gateway.example/v1/send")); // BUG: java/cleartext-http
        HttpRequest request = builder.POST(HttpRequest.BodyPublishers.ofString(form(phone, text))).build();
        HttpClient relayed = HttpClient.newBuilder()
                .proxy(ProxySelector.of(new InetSocketAddress("relay.clinic.internal", 3128)))
                .authenticator(legacyRelayAuthenticator())
                .build();
        return relayed.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() / 100 == 2;
    }

    /** Whether the local notification sidecar is up; plain HTTP to localhost is fine. */
    public boolean sidecarHealthy() {
        try {
            HttpRequest request = HttpRequest.newBuilder(LOCAL_HEALTH).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Legacy relay credentials, written into the code. */
    private static Authenticator legacyRelayAuthenticator() {
        return new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication("portal-relay", "Relay!2023".toCharArray()); // BUG: java/hardcoded-password
            }
        };
    }

    /** Safe twin: relay credentials from the environment. */
    static Authenticator relayAuthenticator() {
        return new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                String password = System.getenv("SMS_RELAY_PASSWORD");
                if (password == null) {
                    return null;
                }
                return new PasswordAuthentication("portal-relay", password.toCharArray());
            }
        };
    }

    /** Retry delay: Random is fine here, it only spreads retries out. */
    long backoffMillis(int attempt) {
        return BASE_BACKOFF_MS * (1L << attempt) + jitter.nextInt(250);
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String form(String phone, String text) {
        String sender = config.getProperty("sms.gateway.sender", "Clinic");
        return "from=" + URLEncoder.encode(sender, StandardCharsets.UTF_8)
                + "&to=" + URLEncoder.encode(phone, StandardCharsets.UTF_8)
                + "&text=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
