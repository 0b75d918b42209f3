package io.rhythm.nps.service;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The validation report's order: by client name (case-insensitive), a client without a name last, then by id. */
class RecipientListOrderTest {

    private static RecipientLists.ClientList list(String id, String name) {
        return new RecipientLists.ClientList(id, name, "cse", "cam", null, null, null, null, 0, 0, Map.of(), List.of());
    }

    @Test
    void aClientWithoutANameSortsLastInsteadOfFailing() {
        List<RecipientLists.ClientList> lists = new ArrayList<>(List.of(list("3", null), list("2", "wa Health"),
                list("1", "SA Health"), list("0", null), list("4", "SA Health")));

        lists.sort(RecipientLists.ClientList.BY_CLIENT_NAME);

        assertThat(lists).extracting(RecipientLists.ClientList::clientId).containsExactly("1", "4", "2", "0", "3");
    }
}
