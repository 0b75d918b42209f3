package io.rhythm.health.domain.scoring;

/**
 * How much one component's contribution moved between two scores.
 *
 * @param component             which component
 * @param previousValue         its value in the earlier score, {@code null} if no data (or not in that model)
 * @param currentValue          its value in the later score, {@code null} if no data (or not in that model)
 * @param previousContribution  points it contributed to the earlier score
 * @param currentContribution   points it contributes to the later score
 * @param change                {@code currentContribution - previousContribution}, one decimal
 */
public record ComponentChange(Component component, Double previousValue, Double currentValue,
                              double previousContribution, double currentContribution, double change) {
}
