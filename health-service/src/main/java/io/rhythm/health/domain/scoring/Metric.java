package io.rhythm.health.domain.scoring;

/**
 * One named input of a component: how its raw value is normalised and how much it weighs
 * within its component. The weights of a component's metrics sum to 1.0 (fractions) or 100
 * (percent); each must be greater than 0.
 *
 * <p>Keys are unique across a model, because the scorer receives inputs as one flat map
 * ({@code "usage.active_users_pct" → 64.0}).
 *
 * @param key           the input's name in the map given to {@link HealthScorer#score}
 * @param description   what the raw value is, for people
 * @param unit          unit of the raw value ("%", "days", "tickets", "0–10", …)
 * @param normalisation how the raw value becomes 0–100
 * @param weight        weight within the component
 */
public record Metric(String key, String description, String unit, Normalisation normalisation, double weight) {
}
