package io.rhythm.health.domain.supportbilling;

import io.rhythm.health.domain.supportbilling.AgedReceivables.Bucket;
import io.rhythm.health.domain.supportbilling.AgedReceivables.Outstanding;
import io.rhythm.platform.events.payload.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AgedReceivablesTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 12, 7);

    private static Outstanding owed(String amount, String currency, int daysPastDue) {
        return new Outstanding(new BigDecimal(amount), currency, AS_OF.minusDays(daysPastDue));
    }

    @Test
    void bucketsAreByDaysPastTheDueDateWithTheirEdges() {
        assertThat(Bucket.of(-5)).isEqualTo(Bucket.CURRENT);
        assertThat(Bucket.of(0)).as("due today: not yet overdue").isEqualTo(Bucket.CURRENT);
        assertThat(Bucket.of(1)).isEqualTo(Bucket.DAYS_1_30);
        assertThat(Bucket.of(30)).isEqualTo(Bucket.DAYS_1_30);
        assertThat(Bucket.of(31)).isEqualTo(Bucket.DAYS_31_60);
        assertThat(Bucket.of(60)).isEqualTo(Bucket.DAYS_31_60);
        assertThat(Bucket.of(90)).isEqualTo(Bucket.DAYS_61_90);
        assertThat(Bucket.of(91)).isEqualTo(Bucket.DAYS_90_PLUS);
        assertThat(Bucket.DAYS_90_PLUS.label()).isEqualTo("90+");
    }

    @Test
    void amountsAreSummedExactlyPerCurrencyAndRoundedOnce() {
        var totals = AgedReceivables.age(List.of(owed("0.10", "AUD", -3), owed("0.20", "AUD", 0), owed("1000.005", "AUD", 15),
                owed("250.00", "AUD", 95), owed("10.00", "NZD", 45)), AS_OF);
        assertThat(totals).extracting(AgedReceivables.CurrencyTotal::currency).containsExactly("AUD", "NZD");
        var aud = totals.get(0);
        assertThat(aud.outstanding()).isEqualTo(new Money("1250.30", "AUD")); // 1250.305 rounded once, half even
        assertThat(aud.overdue()).isEqualTo(new Money("1250.00", "AUD"));      // 1250.005
        assertThat(aud.invoices()).isEqualTo(4);
        assertThat(aud.overdueInvoices()).isEqualTo(2);
        assertThat(aud.oldestDaysPastDue()).isEqualTo(95);
        assertThat(aud.buckets()).extracting(b -> b.amount().amount()).containsExactly("0.30", "1000.00", "0.00", "0.00", "250.00");
        assertThat(aud.buckets()).extracting(AgedReceivables.BucketTotal::invoices).containsExactly(2, 1, 0, 0, 1);
        assertThat(totals.get(1).buckets().get(2).amount()).isEqualTo(new Money("10.00", "NZD"));
        assertThat(AgedReceivables.age(List.of(), AS_OF)).isEmpty();
    }
}
