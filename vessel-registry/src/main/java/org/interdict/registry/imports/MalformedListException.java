package org.interdict.registry.imports;

/** The file is not a list of the expected format: the import is refused with a 400 and nothing changes. */
public class MalformedListException extends Exception {

    public MalformedListException(String message) {
        super(message);
    }

    public MalformedListException(String message, Throwable cause) {
        super(message, cause);
    }
}
