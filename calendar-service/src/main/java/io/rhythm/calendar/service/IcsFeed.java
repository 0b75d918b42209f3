package io.rhythm.calendar.service;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;

import java.util.List;

/**
 * An iCalendar feed as the UTF-8 text of its parts in order (the VCALENDAR header, each component, the footer) and its
 * ETag: a digest of the name and of every component's UID and stamp, so the same ETag always means the same bytes.
 * <p>
 * The parts are immutable (each component's text is shared with {@link FeedCache} and with every other feed that shows
 * it) and are never concatenated to be sent: {@link #content()} is one read-only view over all of them, made once per
 * feed, which the HTTP layer writes as it is. A feed kept between reads therefore costs no allocation of its body per
 * request.
 */
public final class IcsFeed {

    private final String etag;
    private final List<byte[]> parts;
    private final ByteBuf content;
    private final int length;

    public IcsFeed(String etag, List<byte[]> parts) {
        this.etag = etag;
        this.parts = List.copyOf(parts);
        // a composite over the parts' arrays (no copy), never released: its bytes are the parts, freed with them by the GC
        this.content = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(Math.max(1, this.parts.size()), this.parts.toArray(byte[][]::new))
                .asReadOnly());
        this.length = content.readableBytes();
    }

    public String etag() {
        return etag;
    }

    public List<byte[]> parts() {
        return parts;
    }

    /** The length of the text in bytes. */
    public int length() {
        return length;
    }

    /**
     * The whole text as a Vert.x buffer for the response: a view of the parts (its own indexes, the same bytes), so each
     * request writes the kept parts without concatenating or copying them into a new body.
     */
    public Buffer content() {
        return Buffer.buffer(content.duplicate());
    }

    /** The whole text in one new array (tests, and callers that need the bytes themselves). */
    public byte[] body() {
        byte[] body = new byte[length];
        content.getBytes(content.readerIndex(), body);
        return body;
    }
}
