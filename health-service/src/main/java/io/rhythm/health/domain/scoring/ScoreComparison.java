package io.rhythm.health.domain.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The change between two scores of a client and the components that drove it (issue 4: "the
 * change since the previous score and the previous month, with the components that drove it").
 *
 * <p>Drivers are the components whose contribution changed, sorted by the absolute size of the
 * change (largest first; ties in {@link Component} order). Because each score's contributions add
 * up exactly to it, the drivers' changes add up exactly to {@code delta}. A component's
 * contribution also moves when only its weight moved (another component lost or regained data,
 * a different lifecycle stage, or a different model version — see {@code modelChanged}).
 *
 * @param previousScore the earlier score
 * @param previousBand  its band
 * @param currentScore  the later score
 * @param currentBand   its band
 * @param delta         {@code currentScore - previousScore}, one decimal (negative = decline)
 * @param modelChanged  true when the two scores come from different model versions
 * @param drivers       the components whose contribution or value changed, largest contribution change first
 */
public record ScoreComparison(double previousScore, Band previousBand, double currentScore, Band currentBand,
                              double delta, boolean modelChanged, List<ComponentChange> drivers) {

    private static final Comparator<ComponentChange> LARGEST_CHANGE_FIRST =
            Comparator.comparingDouble((ComponentChange change) -> -Math.abs(change.change()))
                    .thenComparing(ComponentChange::component);

    public ScoreComparison {
        drivers = List.copyOf(drivers);
    }

    /** Compares an earlier score with a later one. */
    public static ScoreComparison between(HealthScore previous, HealthScore current) {
        List<ComponentChange> drivers = new ArrayList<>();
        for (Component component : Component.values()) {
            int before = Tenths.of(previous.contributionOf(component));
            int after = Tenths.of(current.contributionOf(component));
            Double valueBefore = valueOf(previous, component);
            Double valueAfter = valueOf(current, component);
            // a component whose value changed drives the change even if its points did not move
            // (e.g. support appearing at 0 shifts the weights of the others)
            if (before != after || !java.util.Objects.equals(valueBefore, valueAfter)) {
                drivers.add(new ComponentChange(component, valueBefore, valueAfter,
                        Tenths.toPoints(before), Tenths.toPoints(after), Tenths.toPoints(after - before)));
            }
        }
        drivers.sort(LARGEST_CHANGE_FIRST);
        int delta = Tenths.of(current.score()) - Tenths.of(previous.score());
        return new ScoreComparison(previous.score(), previous.band(), current.score(), current.band(),
                Tenths.toPoints(delta), previous.modelVersion() != current.modelVersion(), drivers);
    }

    private static Double valueOf(HealthScore score, Component component) {
        return score.component(component).map(ComponentScore::value).orElse(null);
    }
}
