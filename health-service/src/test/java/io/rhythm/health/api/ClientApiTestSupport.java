package io.rhythm.health.api;

import java.util.UUID;

public final class ClientApiTestSupport {

    private ClientApiTestSupport() {
    }

    /** A valid client owned by cse and cam. */
    public static String client(String name) {
        return ClientApiTest.client(name, "cse", "cam", "hs-" + UUID.randomUUID());
    }
}
