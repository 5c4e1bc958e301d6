package org.interdict.stack;

/** A failure to bring a part of the stack up, worded for the person who started it. */
public class StackException extends RuntimeException {

    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
