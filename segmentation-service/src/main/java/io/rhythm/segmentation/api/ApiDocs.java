package io.rhythm.segmentation.api;

/** Descriptions shared by the OpenAPI annotations of this service's resources. */
final class ApiDocs {

    static final String PROBLEM = "application/problem+json";
    static final String BAD_REQUEST = "Invalid input: problem+json with errors[] naming each field";
    static final String UNAUTHORIZED = "No or invalid bearer token";
    static final String FORBIDDEN = "The caller's role may not do this";
    static final String NOT_FOUND = "Does not exist or is outside the caller's portfolio";

    private ApiDocs() {
    }
}
