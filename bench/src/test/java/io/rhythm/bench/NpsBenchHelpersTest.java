package io.rhythm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.EventSchemas;
import io.rhythm.platform.events.Json;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The NPS bench's pure helpers: no infrastructure, no timing. */
class NpsBenchHelpersTest {

    @Test
    void tokenIsReadFromAQuotedPrintableMailWithASoftLineBreakInTheLink() {
        String mime = "Content-Transfer-Encoding: quoted-printable\r\n\r\nAnswer here: http://127.0.0.1:8080/api/v1/surveys/respo=\r\n"
                + "nd/AbC_d-EfGhIjKlMnOpQrStUvWxYz0123456789ab\r\n\r\nThe link is personal";
        assertThat(MailSink.token(mime)).isEqualTo("AbC_d-EfGhIjKlMnOpQrStUvWxYz0123456789ab");
        assertThat(MailSink.token("no link in here")).isNull();
    }

    @Test
    void everyRespondentHasItsOwnLoopbackAddressOutside127001() throws Exception {
        Set<InetAddress> seen = new HashSet<>();
        for (int n = 0; n < 200_000; n++) {
            InetAddress a = LoopbackHttp.respondentAddress(n);
            assertThat(a.isLoopbackAddress()).isTrue();
            byte[] b = a.getAddress();
            assertThat(b[1] & 0xff).isBetween(1, 254);
            assertThat(b[2] & 0xff).isBetween(1, 250);
            assertThat(b[3] & 0xff).isBetween(1, 250);
            assertThat(seen.add(a)).as("address of respondent %d is new", n).isTrue();
        }
        assertThatThrownBy(() -> LoopbackHttp.respondentAddress(254 * 62_500)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void portfolioIdsAreStableAndItsEventsMatchTheirSchemas() {
        NpsPortfolio p = new NpsPortfolio(12, 3);
        assertThat(NpsPortfolio.clientId(0)).isEqualTo(NpsPortfolio.clientId(0)).isNotEqualTo(NpsPortfolio.clientId(1));
        assertThat(p.contactId(4)).isEqualTo(new NpsPortfolio(99, 3).contactId(4));
        assertThat(p.email(4)).isEqualTo("r00002-02@nps-bench.example");
        assertThat(p.clientOf(4)).isEqualTo(1);
        for (int i = 0; i < 12; i++) {
            assertThat(EventSchemas.problems(EventCatalogue.CLIENT_UPSERTED, Json.tree(p.client(i)))).isEmpty();
        }
        JsonNode contact = Json.tree(p.contact(4));
        assertThat(EventSchemas.problems(EventCatalogue.CONTACT_UPSERTED, contact)).isEmpty();
        assertThat(contact.path("clientId").asText()).isEqualTo(NpsPortfolio.clientId(1).toString());
    }

    @Test
    void answersCoverEveryCategoryAndCommentThreeInFive() {
        int[] categories = new int[3];
        int comments = 0;
        for (int n = 0; n < 10_000; n++) {
            int score = Answers.score(n);
            assertThat(score).isBetween(0, 10);
            String c = Answers.category(score);
            categories[c.equals("DETRACTOR") ? 0 : c.equals("PASSIVE") ? 1 : 2]++;
            comments += Answers.comment(n) == null ? 0 : 1;
        }
        assertThat(categories[0]).isGreaterThan(1_500);
        assertThat(categories[1]).isGreaterThan(1_500);
        assertThat(categories[2]).isGreaterThan(1_500);
        assertThat(comments).isEqualTo(6_000);
        assertThat(Answers.category(6)).isEqualTo("DETRACTOR");
        assertThat(Answers.category(7)).isEqualTo("PASSIVE");
        assertThat(Answers.category(8)).isEqualTo("PASSIVE");
        assertThat(Answers.category(9)).isEqualTo("PROMOTER");
    }

    @Test
    void optionsRefuseSizesThePortfolioCannotCoverAndNonLoopbackTargets() {
        assertThatThrownBy(() -> NpsOptions.parse(new String[] {"--phases", "import", "--clients", "10", "--contacts-per-client", "10",
                "--responses", "101"})).hasMessageContaining("needs as many contacts");
        assertThatThrownBy(() -> NpsOptions.parse(new String[] {"--phases", "get", "--gateway", "http://192.0.2.1:8080"}))
                .hasMessageContaining("not a loopback address");
        assertThatThrownBy(() -> NpsOptions.parse(new String[] {"--phases", "nope"})).hasMessageContaining("unknown phase");
        NpsOptions o = NpsOptions.parse(new String[] {"--phases", "import,public", "--responses", "1_000"});
        assertThat(o.responses).isEqualTo(1000);
        assertThat(o.runs("import")).isTrue();
        assertThat(o.runs("aggregate")).isFalse();
    }
}
