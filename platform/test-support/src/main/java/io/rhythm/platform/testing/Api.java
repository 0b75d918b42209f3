package io.rhythm.platform.testing;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;

/** REST-assured requests as a demo user, as the integration client, or without a token. */
public final class Api {

    private Api() {
    }

    public static RequestSpecification as(String username) {
        return given().header("Authorization", Tokens.bearer(username)).contentType(ContentType.JSON);
    }

    public static RequestSpecification asIntegration() {
        return given().header("Authorization", "Bearer " + Tokens.integration()).contentType(ContentType.JSON);
    }

    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON);
    }
}
