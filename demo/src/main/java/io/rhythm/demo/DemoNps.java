package io.rhythm.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The demo's NPS answers, generated deterministically from the portfolio: who answered a cycle, their
 * score, comment and day. Seed 000's facts hold: SA Health's answers average 6.1 and range from 1 to 9,
 * and the comments carry the seed's themes ("legacy/outdated" product perception among them). Only
 * contacts with an e-mail address who have not unsubscribed answer (the others were never invited).
 */
public final class DemoNps {

    /** SA Health's ten answers: mean 6.1, minimum 1, maximum 9 (seed 000). */
    static final List<Integer> SA_HEALTH_SCORES = List.of(1, 4, 5, 6, 6, 7, 7, 8, 8, 9);

    /**
     * WA Health's answers, Q2 then Q4 2026: passives and detractors improving (mean 6.0), so that with any health score
     * from 60 up its satisfaction stays MODERATE: a Sleeping Giant (high spend, moderate satisfaction) whose renewal
     * the seed counts on ("improving accounts with higher probability; WA Health, GHA").
     */
    static final List<Integer> WA_HEALTH_Q2_SCORES = List.of(5, 6, 6);
    static final List<Integer> WA_HEALTH_Q4_SCORES = List.of(6, 7);

    public record Answer(String clientKey, String email, int score, String comment, int day) {
    }

    private static final String[] DETRACTOR = {
            "The product feels legacy and outdated next to newer systems; we have not seen a credible roadmap.",
            "Support tickets wait far too long for a resolution, and escalation rarely helps.",
            "The upgrade was painful and the rollout slipped by months.",
            "Too expensive for what we get; poor value for money at renewal.",
            "Frequent downtime, and the system is slow at peak times on the wards.",
            "Old-fashioned look and feel; clinicians call it clunky."};
    private static final String[] PASSIVE = {
            "Solid system, but the look and feel is old-fashioned.",
            "Support is fine, though response time varies a lot.",
            "Our account manager is good; training for new staff could be better.",
            "Works well once configured; the implementation took longer than planned.",
            "Reasonable value, but the licence model is hard to follow."};
    private static final String[] PROMOTER = {
            "Our account manager is proactive and keeps us informed.",
            "A great support team, very responsive when it matters.",
            "Reliable platform; the training and documentation are excellent.",
            "The business review each quarter is genuinely useful.",
            "Smooth go-live and a helpful professional services team."};

    private DemoNps() {
    }

    /** "NPS Q2 2026": 55 % of the reachable contacts answer; SA Health's and WA Health's answers are the seed's facts. */
    public static List<Answer> q2(DemoPortfolio.Portfolio portfolio) {
        return answers(portfolio, DemoLoader.DEFAULT_SEED, 0.55, 0, true);
    }

    /** "NPS Q4 2026": half the reachable contacts answer, a point better than in Q2. */
    public static List<Answer> q4(DemoPortfolio.Portfolio portfolio) {
        return answers(portfolio, DemoLoader.DEFAULT_SEED + 1, 0.5, 1, false);
    }

    /**
     * The answers of one cycle.
     *
     * @param responseRate share of the other clients' reachable contacts who answer
     * @param drift        added to every score (a later cycle a little better or worse), SA Health excepted in the first cycle
     */
    public static List<Answer> answers(DemoPortfolio.Portfolio portfolio, long seed, double responseRate, int drift, boolean seedFacts) {
        Random random = new Random(seed);
        List<Answer> answers = new ArrayList<>();
        for (DemoPortfolio.Client client : portfolio.clients()) {
            List<DemoPortfolio.Contact> reachable = portfolio.contacts().stream()
                    .filter(c -> c.clientKey().equals(client.key()) && c.email() != null && c.subscribed()).toList();
            if (client.name().equals("SA Health") && seedFacts) {
                List<Integer> scores = new ArrayList<>(SA_HEALTH_SCORES);
                Collections.shuffle(scores, random);
                for (int i = 0; i < scores.size() && i < reachable.size(); i++) {
                    answers.add(answer(client, reachable.get(i), scores.get(i), random, i == 0 ? DETRACTOR[0] : null));
                }
                continue;
            }
            if (client.name().equals("WA Health")) {
                List<Integer> scores = seedFacts ? WA_HEALTH_Q2_SCORES : WA_HEALTH_Q4_SCORES;
                for (int i = 0; i < scores.size() && i < reachable.size(); i++) {
                    answers.add(answer(client, reachable.get(i), scores.get(i), random, null));
                }
                continue;
            }
            for (DemoPortfolio.Contact contact : reachable) {
                if (random.nextDouble() < responseRate) {
                    answers.add(answer(client, contact, Math.max(0, Math.min(10, score(client.profile(), random) + drift)), random, null));
                }
            }
        }
        return answers;
    }

    private static Answer answer(DemoPortfolio.Client client, DemoPortfolio.Contact contact, int score, Random random, String comment) {
        String[] pool = score <= 6 ? DETRACTOR : score <= 8 ? PASSIVE : PROMOTER;
        String text = comment != null ? comment : random.nextInt(5) == 0 ? null : pool[random.nextInt(pool.length)];
        return new Answer(client.key(), contact.email(), score, text, random.nextInt(13));
    }

    private static int score(DemoPortfolio.Profile profile, Random random) {
        return switch (profile) {
            case HEALTHY -> 8 + random.nextInt(3);   // 8–10
            case STABLE -> 6 + random.nextInt(4);    // 6–9
            case AT_RISK -> 4 + random.nextInt(5);   // 4–8
            case CRITICAL -> 1 + random.nextInt(6);  // 1–6
        };
    }
}
