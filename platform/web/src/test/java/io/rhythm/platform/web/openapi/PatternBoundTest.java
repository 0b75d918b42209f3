package io.rhythm.platform.web.openapi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The longest match of a pattern-only field, written as its maxLength (issue 10, requirement 3). */
class PatternBoundTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = ';', value = {
            "FY(20)?\\d{2}; 6",
            "FY\\d{2}(\\d{2})?; 6",
            "[0-9a-f]{64}; 64",
            "UPDATE|REVIEW; 6",
            "NPS_CYCLE|ACCOUNT_PLAN; 12",
            "PORTFOLIO|REGION|CSE|SEGMENT; 9",
            "Q[1-4]|ALL; 3",
            "[1-6]\\.[1-4]; 3",
            "^[A-Z]{3}$; 3",
            "[A-Z][A-Z0-9_]{1,63}; 64",
            "[a-z][a-z0-9_-]{0,29}; 30",
            "(?:ab){2,5}c?; 11",
            "[\\]x]{2}; 2",
            "[a-z&&[^q]]{4}; 4",
            "\\QA|B\\E; 3",
            "x(?=y)y; 2",
            "\\bword\\b; 4",
            "a{3}+; 3",
    })
    void aBoundedPatternGivesItsLongestMatch(String regex, int longest) {
        assertThat(PatternBound.longestMatch(regex)).hasValue(longest);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[a-z0-9-]+", "[A-Z_]+", "a*", "x{2,}", "(a|b+)c", "(a)\\1", "(ab", "a)", "*a", "[abc", "a{2"})
    void anUnboundedOrUnreadablePatternGivesNothing(String regex) {
        assertThat(PatternBound.longestMatch(regex)).isEmpty();
    }

    @Test
    void theBoundIsReallyTheLongestAcceptedString() {
        assertThat(Pattern.matches("FY(20)?\\d{2}", "FY2027")).isTrue();
        assertThat(Pattern.matches("[A-Z][A-Z0-9_]{1,63}", "A" + "B".repeat(63))).isTrue();
        assertThat(Pattern.matches("[A-Z][A-Z0-9_]{1,63}", "A" + "B".repeat(64))).isFalse();
    }

    @Test
    void nothingGivesNothing() {
        assertThat(PatternBound.longestMatch(null)).isEmpty();
    }
}
