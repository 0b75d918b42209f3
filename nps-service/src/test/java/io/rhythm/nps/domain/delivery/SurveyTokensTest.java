package io.rhythm.nps.domain.delivery;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SurveyTokensTest {

    private final SurveyTokens tokens = new SurveyTokens();

    @Test
    void tokensAre256RandomBitsInUrlSafeBase64WithoutPadding() {
        String token = tokens.newToken();
        assertThat(token).hasSize(SurveyTokens.TOKEN_LENGTH).matches("[A-Za-z0-9_-]+");
        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
        assertThat(SurveyTokens.isWellFormed(token)).isTrue();
    }

    @Test
    void tokensDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(tokens.newToken())).isTrue();
        }
    }

    @Test
    void theHashIsTheSha256OfTheTokensCharacters() {
        // FIPS 180-2 test vector
        assertThat(HexFormat.of().formatHex(SurveyTokens.hash("abc")))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        String token = tokens.newToken();
        assertThat(SurveyTokens.hash(token)).hasSize(SurveyTokens.HASH_BYTES).isEqualTo(SurveyTokens.hash(token))
                .isNotEqualTo(SurveyTokens.hash(tokens.newToken()));
        assertThatThrownBy(() -> SurveyTokens.hash(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void anythingThatCannotBeATokenIsRecognisedWithoutALookUp() {
        String token = tokens.newToken();
        assertThat(SurveyTokens.isWellFormed(null)).isFalse();
        assertThat(SurveyTokens.isWellFormed("")).isFalse();
        assertThat(SurveyTokens.isWellFormed("garbage")).isFalse();
        assertThat(SurveyTokens.isWellFormed(token.substring(1))).isFalse();
        assertThat(SurveyTokens.isWellFormed(token + "A")).isFalse();
        assertThat(SurveyTokens.isWellFormed(token.substring(1) + "=")).isFalse();
        assertThat(SurveyTokens.isWellFormed(token.substring(1) + "+")).isFalse();
        assertThat(SurveyTokens.isWellFormed(token.substring(1) + "/")).isFalse();
        assertThat(SurveyTokens.isWellFormed("A".repeat(SurveyTokens.TOKEN_LENGTH))).isTrue();
    }
}
