package io.rhythm.demo;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static io.rhythm.demo.MiniJson.obj;
import static io.rhythm.demo.MiniJson.str;
import static io.rhythm.demo.MiniJson.write;

/**
 * Segmentation (issue 11): segments are computed by segmentation-service from the health scores, NPS answers and
 * revenue the demo already loaded (the inputs are shaped so that every one of the six segments has a client, see
 * {@code DemoSegmentsTest}); this loader waits until every demo client is assigned, then activates the seed's
 * Segmentation Model Review (18 May – 12 June 2026: the default model's settings as a new version, dated 12 June, the
 * day it finalised the segmentation) so that every client counts as in its segment from then and the Activity Register
 * shows a year of held activities against the cadences from that day on; then the AVP's override of SA Health. It
 * prints the segments, the concentration and the Activity Register by CSE.
 */
final class DemoSegmentsLoader {

    static final List<String> SEGMENTS = List.of("MAINTAIN", "LEVERAGE", "NURTURE", "COLLABORATE", "SLEEPING_GIANTS", "GIANTS");
    /** The AVP's override: SA Health treated as Nurture from the finalised segmentation of 12 June 2026 (seed 000). */
    static final String OVERRIDE_SEGMENT = "NURTURE";
    static final LocalDate OVERRIDE_FROM = LocalDate.of(2026, 6, 12);
    /** Seed 000's Segmentation Model Review (18 May – 12 June 2026): finalised segmentation on 12 June. */
    static final LocalDate REVIEW_FINALISED = LocalDate.of(2026, 6, 12);
    static final String REVIEW_MODEL = "APAC 2026 - Segmentation Model Review (finalised 12 June 2026)";
    static final String OVERRIDE_REASON = "NPS volatility: 6.1 average, range 1-9 (NPS Q2 2026) on 21 % of maintenance revenue. "
            + "The model puts satisfaction just above the low band; the AVP treats SA Health as Nurture (protect revenue, "
            + "expansion after satisfaction improves) with a stakeholder-specific Satisfaction Action Plan until the renewal";

    private final DemoLoader api;
    private final Map<String, String> ids;

    DemoSegmentsLoader(DemoLoader api, Map<String, String> ids) {
        this.api = api;
        this.ids = ids;
    }

    /** Waits (up to two minutes) until every demo client has a segment; then the AVP's override of SA Health, once. */
    void load(LocalDate today) throws IOException, InterruptedException {
        String avp = api.as("avp");
        Map<String, Long> counts = Map.of();
        for (int attempt = 0; attempt < 120; attempt++) {
            List<Map<String, Object>> assignments = api.all("/api/v1/segments/assignments", avp);
            counts = assignments.stream().filter(a -> ids.containsValue(str(a, "clientId")))
                    .collect(Collectors.groupingBy(a -> str(a, "segment"), TreeMap::new, Collectors.counting()));
            long assigned = counts.entrySet().stream().filter(e -> SEGMENTS.contains(e.getKey())).mapToLong(Map.Entry::getValue).sum();
            if (assigned == ids.size()) {
                break;
            }
            Thread.sleep(1_000);
        }
        activateReview(avp);
        String saHealth = ids.get("sa-health");
        Map<String, Object> current = api.get("/api/v1/segments/clients/" + saHealth, avp);
        if (!OVERRIDE_SEGMENT.equals(str(current, "override", "segment"))) {
            api.send("POST", "/api/v1/segments/assignments", avp, write(obj("clientId", saHealth, "segment", OVERRIDE_SEGMENT,
                    "reason", OVERRIDE_REASON, "effectiveFrom", OVERRIDE_FROM, "expiresOn", LocalDate.of(2027, 6, 30))),
                    "demo-override-sa-health-" + OVERRIDE_SEGMENT.toLowerCase());
            System.out.printf("  override  SA Health in Nurture by the AVP from %s until its renewal on 2027-06-30%n", OVERRIDE_FROM);
        }
    }

    /**
     * Once: the review's model (the active model's settings under the review's name) as a new version, activated dated
     * 12 June 2026, then waits (up to two minutes) for its re-segmentation. A load before that day activates it undated.
     */
    private void activateReview(String avp) throws IOException, InterruptedException {
        List<Map<String, Object>> models = MiniJson.list(MiniJson.parse(api.send("GET", "/api/v1/segments/models", avp, null, null)));
        if (models.stream().anyMatch(m -> REVIEW_MODEL.equals(str(m, "model", "name")))) {
            return;
        }
        Map<String, Object> active = models.stream().filter(m -> "ACTIVE".equals(str(m, "status"))).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> document = new java.util.LinkedHashMap<>((Map<String, Object>) active.get("model"));
        document.put("name", REVIEW_MODEL);
        String version = str(MiniJson.object(api.send("POST", "/api/v1/segments/models", avp, write(document), null)), "version");
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        String job = str(MiniJson.object(api.send("POST", "/api/v1/segments/models/" + version + "/activate"
                + (REVIEW_FINALISED.isAfter(today) ? "" : "?effectiveFrom=" + REVIEW_FINALISED), avp, null, null)), "id");
        String status = "RUNNING";
        for (int attempt = 0; attempt < 120 && "RUNNING".equals(status); attempt++) {
            Thread.sleep(1_000);
            status = str(api.get("/api/v1/segments/jobs/" + job, avp), "status");
        }
        System.out.printf("  model     version %s \"%s\" active, re-segmentation dated %s: %s%n", version, REVIEW_MODEL,
                REVIEW_FINALISED, status);
    }

    /** Segments per count (a missing segment is said out loud), concentration and register compliance by CSE. */
    void printSummary(LocalDate today) throws IOException, InterruptedException {
        String avp = api.as("avp");
        List<Map<String, Object>> assignments = api.all("/api/v1/segments/assignments", avp);
        Map<String, Long> counts = assignments.stream()
                .collect(Collectors.groupingBy(a -> str(a, "segment"), TreeMap::new, Collectors.counting()));
        List<String> missing = SEGMENTS.stream().filter(s -> !counts.containsKey(s)).toList();
        long overrides = assignments.stream().filter(a -> a.get("override") != null).count();
        System.out.printf("  segments  %s; %d override(s)%s%n", counts, overrides,
                missing.isEmpty() ? "; all six present" : "; MISSING " + missing);
        Map<String, Object> c = api.get("/api/v1/segments/concentration?top=4", avp);
        String saShare = MiniJson.list(c, "ranked").stream().filter(r -> "SA Health".equals(str(r, "clientName")))
                .map(r -> str(r, "sharePercent")).findFirst().orElse("?");
        System.out.printf("  concentration top-4 %s %%, largest %s %% (SA Health %s %%), HHI %s%n", str(c, "topSharePercent"),
                str(c, "largestSharePercent"), saShare, str(c, "hhiPoints"));
        // every client is in its segment since the review's 12 June 2026: the register counts the cadences from then
        for (LocalDate asOf : List.of(today)) {
            Map<String, Object> register = api.get("/api/v1/activity-register/compliance?groupBy=cse&asOf=" + asOf, avp);
            System.out.printf("  register  %s: %s%n", asOf, MiniJson.list(register, "groups").stream()
                    .map(g -> String.format("%s %s compliant/%s due soon/%s overdue", str(g, "key"), str(g, "counts", "compliant"),
                            str(g, "counts", "dueSoon"), str(g, "counts", "overdue"))).collect(Collectors.joining("; ")));
        }
    }
}
