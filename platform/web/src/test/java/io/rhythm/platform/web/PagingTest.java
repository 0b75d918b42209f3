package io.rhythm.platform.web;

import io.rhythm.platform.web.paging.Cursor;
import io.rhythm.platform.web.paging.Page;
import io.rhythm.platform.web.paging.PageRequest;
import io.rhythm.platform.web.problem.ApiException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PagingTest {

    @Test
    void cursorRoundTripsAndIsOpaque() {
        UUID id = UUID.randomUUID();
        Cursor cursor = new Cursor("2026-10-07", id.toString());
        String encoded = cursor.encode();
        assertThat(encoded).doesNotContain("2026").matches("[A-Za-z0-9_-]+");
        Cursor decoded = Cursor.decode(encoded);
        assertThat(decoded).isEqualTo(cursor);
        assertThat(decoded.sortDate()).isEqualTo(LocalDate.of(2026, 10, 7));
        assertThat(decoded.uuid()).isEqualTo(id);
    }

    @Test
    void foreignOrTamperedCursorsAreA400OnTheCursorField() {
        for (String bad : List.of("garbage!", "Zm9v", new Cursor("x", "").encode())) {
            assertThatThrownBy(() -> Cursor.decode(bad)).isInstanceOf(ApiException.class)
                    .satisfies(e -> assertThat(((ApiException) e).errors()).singleElement()
                            .satisfies(f -> assertThat(f.field()).isEqualTo("cursor")));
        }
        assertThatThrownBy(() -> new Cursor("not a date", "id").sortDate()).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> new Cursor("a", "not-a-uuid").uuid()).isInstanceOf(ApiException.class);
    }

    @Test
    void limitDefaultsTo50AndStaysWithin1To200() {
        assertThat(PageRequest.of(null, null).limit()).isEqualTo(50);
        assertThat(PageRequest.of(200, "").limit()).isEqualTo(200);
        assertThatThrownBy(() -> PageRequest.of(0, null)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> PageRequest.of(201, null)).isInstanceOf(ApiException.class);
    }

    @Test
    void aPageKeepsTheLimitAndPointsPastItsLastItem() {
        PageRequest request = PageRequest.of(2, null);
        Page<String> page = Page.of(List.of("a", "b", "c"), request, s -> new Cursor(s, s), String::toUpperCase);
        assertThat(page.items()).containsExactly("A", "B");
        assertThat(Cursor.decode(page.nextCursor()).sortValue()).isEqualTo("b");
        assertThat(Page.of(List.of("a", "b"), request, s -> new Cursor(s, s), s -> s).nextCursor()).isNull();
    }
}
