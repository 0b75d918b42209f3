package io.rhythm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Calls as a person (password grant, {@link RhythmApi#userToken}): the leader who creates cycles, builds, signs off
 * and freezes recipient lists and sends the invitations, or a CSE reading results. The token is fetched again after
 * a minute (tokens live five minutes).
 */
final class AdminSession {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final Duration CALL = Duration.ofSeconds(120);

    private final RhythmApi api;
    private final String user;
    private final String password;
    private volatile String token;
    private volatile long fetchedNanos;

    AdminSession(RhythmApi api, String user, String password) {
        this.api = api;
        this.user = user;
        this.password = password;
    }

    RhythmApi api() {
        return api;
    }

    String user() {
        return user;
    }

    synchronized String token() throws Exception {
        if (token == null || System.nanoTime() - fetchedNanos > 60_000_000_000L) {
            token = api.userToken(user, password);
            fetchedNanos = System.nanoTime();
        }
        return token;
    }

    HttpResponse<String> call(String method, String path, String body, Duration timeout) throws Exception {
        return api.callAs(token(), method, path, body, timeout);
    }

    /** The call's JSON answer; anything but 2xx fails with the status and the problem. */
    JsonNode ok(String method, String path, String body) throws Exception {
        HttpResponse<String> r = call(method, path, body, CALL);
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " as " + user + " answered " + r.statusCode() + ": "
                    + RhythmApi.abbreviate(r.body()));
        }
        return r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
    }

    /** A new cycle opening {@code openInDays} from today (UTC), closing 14 days later; returns its id. */
    String createCycle(String name, int openInDays) throws Exception {
        LocalDate open = LocalDate.now(ZoneOffset.UTC).plusDays(openInDays);
        String body = JSON.createObjectNode().put("name", name).put("openDate", open.toString())
                .put("closeDate", open.plusDays(14).toString()).toString();
        JsonNode cycle = ok("POST", "/api/v1/nps/cycles", body);
        Progress.log("created cycle '" + name + "' " + cycle.path("id").asText() + " (opens " + open + ")");
        return cycle.path("id").asText();
    }
}
