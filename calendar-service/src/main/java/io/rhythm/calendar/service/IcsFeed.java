package io.rhythm.calendar.service;

import java.util.List;

/**
 * An iCalendar feed as the UTF-8 text of its parts in order (the VCALENDAR header, each component, the footer) and its
 * ETag: a digest of the name and of every component's UID and stamp, so the same ETag always means the same bytes.
 */
public record IcsFeed(String etag, List<byte[]> parts) {

    public IcsFeed {
        parts = List.copyOf(parts);
    }

    /** The whole text (concatenated once, when the feed is sent). */
    public byte[] body() {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] body = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, body, at, part.length);
            at += part.length;
        }
        return body;
    }
}
