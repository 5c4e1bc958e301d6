package org.interdict.commons.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One page of a list, as every list of the platform answers: {@code {"items": [...], "next": <cursor or null>}}.
 *
 * @param next an opaque cursor for the following page, null on the last one
 */
public record Page<T>(List<T> items, @JsonInclude(JsonInclude.Include.ALWAYS) String next) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 1000;

    public static <T> Page<T> last(List<T> items) {
        return new Page<>(items, null);
    }
}
