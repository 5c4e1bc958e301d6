package org.interdict.commons.jackson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/** Text refused by {@link StrictValues}: the problem says why, without echoing the text. */
public class UnsafeTextException extends InvalidFormatException {

    public static final String REASON = "must not contain control characters or unpaired surrogates";

    UnsafeTextException(JsonParser parser, String value) {
        super(parser, REASON, value, String.class);
    }
}
