package io.rhythm.calendar.api;

import java.time.Instant;

/** A new feed subscription: the URL (shown once; it is the credential) for a calendar app. */
public record FeedView(String url, String username, Instant createdAt) {
}
