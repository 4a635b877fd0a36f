package dev.hearth.runtime.entity.codec;

/** Bytes that do not decode to the expected type, or a value that cannot be encoded. */
public final class CodecException extends RuntimeException {
    public CodecException(String message, Throwable cause) {
        super(message, cause);
    }
}
