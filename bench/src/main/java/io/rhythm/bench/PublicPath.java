package io.rhythm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * N responses through the public survey link, the way respondents give them:
 * <ol>
 *   <li>a fresh cycle; recipient lists built for just enough bench clients ({@code ?clientId=}, so no one else's
 *       contacts are surveyed), each signed off by the leader, then frozen;</li>
 *   <li>invitations sent ({@code POST …/invitations/send}); the links are read out of the mail sink as the e-mails
 *       arrive ({@link MailSink});</li>
 *   <li>{@code --threads} respondents at a time: each from its own loopback address opens its link
 *       ({@code GET /api/v1/surveys/respond/{token}}) and answers it ({@code POST}, score and maybe a comment) over one
 *       connection through the gateway. Latency = receipt of the {@code SurveyResponseSubmitted} (by cycle and
 *       contact) minus the moment the POST was written.</li>
 * </ol>
 */
final class PublicPath {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Setup(String cycleId, int clients, int recipients, int invited, double listSeconds, double sendSeconds, long mails,
                 long mailsWithoutToken, int sendCalls, String sendNote, Map<String, String> tokens) {
    }

    record Result(Setup setup, int respondents, Map<Integer, Integer> getStatuses, Map<Integer, Integer> postStatuses,
                  double answerSeconds, double wallSeconds, long events, long missing, Stats latency, Stats postLatency,
                  Stats getLatency, List<Integer> limitProbe, String failure) {

        int answered() {
            return postStatuses.getOrDefault(201, 0);
        }

        double answersPerSecond() {
            return answerSeconds > 0 ? answered() / answerSeconds : 0;
        }
    }

    private PublicPath() {
    }

    static Result run(NpsOptions o, AdminSession admin, NpsPortfolio portfolio, ResponseEvents events) throws Exception {
        List<Integer> probe = limitProbe(o);
        Setup setup = invite(o, admin, portfolio);
        return answer(o, portfolio, events, setup, probe);
    }

    /**
     * The rate limit as one address sees it: 12 GETs of an unknown link from 127.254.250.250 — 404 while within
     * {@code rhythm.nps.respond.rate-limit.requests} a window, 429 after.
     */
    static List<Integer> limitProbe(NpsOptions o) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        InetAddress address = InetAddress.getByAddress(new byte[] {127, (byte) 254, (byte) 250, (byte) 250});
        String garbage = "bench-probe-" + Long.toHexString(System.nanoTime()) + "-not-a-survey-token";
        try (LoopbackHttp http = new LoopbackHttp(address, o.gateway)) {
            for (int i = 0; i < 12; i++) {
                statuses.add(http.send("GET", "/api/v1/surveys/respond/" + garbage, null).status());
            }
        }
        Progress.log("rate-limit probe from one address (12 GETs of an unknown link): " + statuses);
        return statuses;
    }

    private static Setup invite(NpsOptions o, AdminSession admin, NpsPortfolio portfolio) throws Exception {
        String cycleId = admin.createCycle("NPS bench public " + NpsBench.RUN_STAMP, 20);
        int clients = (o.publicResponses + portfolio.contactsPerClient - 1) / portfolio.contactsPerClient;
        String base = "/api/v1/nps/cycles/" + cycleId + "/recipients";
        long t0 = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger recipients = new AtomicInteger();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Progress progress = new Progress("recipient lists");
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < Math.min(4, o.threads); w++) {
            Thread t = new Thread(() -> {
                int i;
                while (failure.get() == null && (i = next.getAndIncrement()) < clients) {
                    try {
                        String client = NpsPortfolio.clientId(i).toString();
                        JsonNode built = admin.ok("POST", base + "/build?clientId=" + client, null);
                        for (JsonNode list : built) {
                            for (JsonNode r : list.path("recipients")) {
                                if (r.path("included").asBoolean()) {
                                    recipients.incrementAndGet();
                                }
                            }
                        }
                        admin.ok("POST", base + "/" + client + "/sign-off", null);
                        int n = i + 1;
                        progress.tick(() -> String.format(Locale.ROOT, "%,d of %,d clients built and signed off", n, clients));
                    } catch (Exception e) {
                        failure.compareAndSet(null, e);
                    }
                }
            }, "lists-" + w);
            t.start();
            workers.add(t);
        }
        for (Thread t : workers) {
            t.join();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        JsonNode frozen = admin.ok("POST", base + "/freeze", null);
        double listSeconds = (System.nanoTime() - t0) / 1e9;
        Progress.log(String.format(Locale.ROOT, "recipient lists: %,d clients, %,d included recipients, built, signed off and "
                + "frozen in %.1f s (%s not signed off)", clients, recipients.get(), listSeconds, frozen.path("notSignedOff").size()));
        if (recipients.get() < o.publicResponses) {
            throw new IllegalStateException("only " + recipients.get() + " included recipients for " + o.publicResponses
                    + " respondents: are the bench contacts known to nps-service (phase setup)?");
        }

        try (MailSink sink = new MailSink(o.mailApi, NpsPortfolio.EMAIL_DOMAIN)) {
            while (sink.drainOnce() > 0) {
                // mails of an earlier, interrupted run: read and dropped before this run's are sent
            }
            sink.tokens().clear();
            sink.start();
            long s0 = System.nanoTime();
            int invited = 0;
            int calls = 0;
            StringBuilder note = new StringBuilder();
            Progress sendProgress = new Progress("invitations");
            while (true) {
                calls++;
                HttpResponse<String> r = admin.call("POST", "/api/v1/nps/cycles/" + cycleId + "/invitations/send", null,
                        AdminSession.CALL);
                if (r.statusCode() == 200) {
                    int n = JSON.readTree(r.body()).path("invited").asInt();
                    invited += n;
                    if (n == 0 || sink.tokens().size() >= recipients.get()) {
                        break;
                    }
                } else if (r.statusCode() == 504 || r.statusCode() == 502) {
                    // The gateway gave up after its timeout; nps-service goes on sending. Wait until the mails stop,
                    // then send again: that call invites whoever is left (nobody is invited twice).
                    if (note.isEmpty()) {
                        note.append("the send call outlived the gateway's timeout (").append(r.statusCode())
                                .append("); nps-service went on sending, and the run called send again once the mails stopped");
                    }
                    while (sink.quietNanos() < 15_000_000_000L && System.nanoTime() - s0 < o.phaseTimeout.toNanos()) {
                        sendProgress.tick(() -> String.format(Locale.ROOT, "%,d links read from the mail sink", sink.tokens().size()));
                        Thread.sleep(500);
                    }
                } else {
                    throw new IllegalStateException("POST …/invitations/send answered " + r.statusCode() + ": " + RhythmApi.abbreviate(r.body()));
                }
                if (System.nanoTime() - s0 > o.phaseTimeout.toNanos() || calls > 20) {
                    throw new IllegalStateException("invitations not all sent within " + o.phaseTimeout);
                }
            }
            // the last e-mails may still be on their way into the sink
            while (sink.tokens().size() < recipients.get() && sink.quietNanos() < 10_000_000_000L) {
                Thread.sleep(200);
            }
            double sendSeconds = (System.nanoTime() - s0) / 1e9;
            Progress.log(String.format(Locale.ROOT, "invitations: %,d e-mails read from the sink (%,d without a link), %,d links, in %.1f s",
                    sink.messages(), sink.withoutToken(), sink.tokens().size(), sendSeconds));
            if (sink.failure() != null) {
                Progress.log("mail sink reader had an error: " + sink.failure());
            }
            return new Setup(cycleId, clients, recipients.get(), invited, listSeconds, sendSeconds, sink.messages(), sink.withoutToken(),
                    calls, note.toString(), Map.copyOf(sink.tokens()));
        }
    }

    private static Result answer(NpsOptions o, NpsPortfolio portfolio, ResponseEvents events, Setup setup, List<Integer> probe)
            throws Exception {
        int n = o.publicResponses;
        Map<String, String> tokens = setup.tokens();
        String[] responseIds = new String[n];
        String[] keys = new String[n];
        long[] postStart = new long[n];
        long[] postNanos = new long[n];
        long[] getNanos = new long[n];
        Map<Integer, Integer> getStatuses = new ConcurrentHashMap<>();
        Map<Integer, Integer> postStatuses = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        AtomicLong done = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Progress progress = new Progress("respondents");
        long t0 = System.nanoTime();
        long stopAt = o.submitDeadline(t0);
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < o.threads; w++) {
            Thread t = new Thread(() -> {
                int k;
                while (failure.get() == null && System.nanoTime() < stopAt && (k = next.getAndIncrement()) < n) {
                    String token = tokens.get(portfolio.email(k));
                    if (token == null) {
                        getStatuses.merge(-1, 1, Integer::sum); // no link for this contact
                        continue;
                    }
                    try (LoopbackHttp http = new LoopbackHttp(LoopbackHttp.respondentAddress(k), o.gateway)) {
                        String path = "/api/v1/surveys/respond/" + token;
                        long g0 = System.nanoTime();
                        LoopbackHttp.Response question = http.send("GET", path, null);
                        getNanos[k] = System.nanoTime() - g0;
                        getStatuses.merge(question.status(), 1, Integer::sum);
                        ObjectNode answer = JSON.createObjectNode().put("score", Answers.score(k));
                        String comment = Answers.comment(k);
                        if (comment != null) {
                            answer.put("comment", comment);
                        }
                        String body = answer.toString();
                        long p0 = System.nanoTime();
                        LoopbackHttp.Response receipt = http.send("POST", path, body);
                        postNanos[k] = System.nanoTime() - p0;
                        postStart[k] = p0;
                        postStatuses.merge(receipt.status(), 1, Integer::sum);
                        if (receipt.status() == 201) {
                            responseIds[k] = JSON.readTree(receipt.body()).path("responseId").asText();
                            keys[k] = ResponseEvents.key(setup.cycleId(), portfolio.contactId(k));
                        }
                        long d = done.incrementAndGet();
                        progress.tick(() -> String.format(Locale.ROOT, "%,d of %,d answered (%s)", d, n,
                                Progress.rate(d / ((System.nanoTime() - t0) / 1e9))));
                    } catch (Exception e) {
                        failure.compareAndSet(null, e);
                    }
                }
            }, "respondent-" + w);
            t.start();
            workers.add(t);
        }
        for (Thread t : workers) {
            t.join();
        }
        long answersEnd = System.nanoTime();
        List<String> ids = new ArrayList<>();
        for (String key : keys) {
            if (key != null) {
                ids.add(key);
            }
        }
        Progress.log(String.format(Locale.ROOT, "public link: %,d answered in %.1f s (GET %s, POST %s); waiting for the events",
                ids.size(), (answersEnd - t0) / 1e9, new TreeMap<>(getStatuses), new TreeMap<>(postStatuses)));
        long missing = events.await(ids, o.idleTimeout, o.phaseTimeout, "public");
        long[] latency = new long[n];
        long[] posts = new long[n];
        long[] gets = new long[n];
        int matched = 0;
        int answered = 0;
        long lastEvent = 0;
        for (int k = 0; k < n; k++) {
            if (responseIds[k] == null) {
                continue;
            }
            posts[answered] = postNanos[k];
            gets[answered] = getNanos[k];
            answered++;
            Long at = events.receivedAt(keys[k]);
            if (at != null) {
                latency[matched++] = at - postStart[k];
                lastEvent = Math.max(lastEvent, at);
            }
        }
        String problem = failure.get() == null ? null : failure.get().toString();
        if (problem == null && next.get() < n) {
            problem = String.format(Locale.ROOT, "stopped after the submit budget of %d s: %,d of %,d respondents answered", o.submitBudget.toSeconds(),
                    answered, n);
        }
        return new Result(setup, n, new TreeMap<>(getStatuses), new TreeMap<>(postStatuses), (answersEnd - t0) / 1e9,
                lastEvent == 0 ? 0 : (lastEvent - t0) / 1e9, matched, missing, new Stats(latency, matched), new Stats(posts, answered),
                new Stats(gets, answered), probe, problem);
    }
}
