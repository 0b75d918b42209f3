package io.rhythm.platform.events;

/** An event that cannot be understood: missing attributes, unparseable or schema-invalid data. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
