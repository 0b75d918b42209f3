package io.rhythm.segmentation.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SegmentTest {

    @ParameterizedTest
    @CsvSource({
            "MAINTAIN, MAINTAIN", "maintain, MAINTAIN", "Sleeping Giants, SLEEPING_GIANTS", "Sleeping Giant, SLEEPING_GIANTS",
            "sleeping-giants, SLEEPING_GIANTS", "Giant, GIANTS", "GIANTS, GIANTS", "Collaborate, COLLABORATE",
            "' Nurture ', NURTURE", "leverage, LEVERAGE"})
    void acceptsCanonicalDisplayAndSingularSpellings(String input, Segment expected) {
        assertThat(Segment.parse(input)).contains(expected);
    }

    @Test
    void rejectsUnknownNames() {
        assertThat(Segment.parse("Dormant")).isEmpty();
        assertThat(Segment.parse("")).isEmpty();
        assertThat(Segment.parse(null)).isEmpty();
    }

    @Test
    void maintainNurtureAndSleepingGiantsRequireASatisfactionActionPlan() {
        assertThat(Segment.values()).filteredOn(Segment::sapRequired)
                .containsExactlyInAnyOrder(Segment.MAINTAIN, Segment.NURTURE, Segment.SLEEPING_GIANTS);
    }
}
