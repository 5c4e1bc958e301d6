package org.interdict.commons.jackson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The mapper every service and the gateway read bodies with refuses what Jackson would otherwise coerce. */
class StrictJsonTest {

    enum Colour { RED, GREEN }

    record Sample(String name, Colour colour, Boolean member, Integer count, LocalDate day, Instant at,
            List<String> tags) {
    }

    private final ObjectMapper mapper = strict();

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        new StrictJson().customize(mapper);
        return mapper;
    }

    @Test
    void wellFormedValuesAreRead() throws Exception {
        Sample sample = mapper.readValue("""
                {"name": "CHON MA SAN\\tline\\nbreak \\uD83D\\uDEA2", "colour": "GREEN", "member": true, "count": 3,
                 "day": "2024-01-15", "at": "2024-03-01T00:00:00Z", "tags": ["a", "b"]}""", Sample.class);
        assertEquals("CHON MA SAN\tline\nbreak \uD83D\uDEA2", sample.name());
        assertEquals(Colour.GREEN, sample.colour());
        assertEquals(LocalDate.of(2024, 1, 15), sample.day());
        assertEquals(Instant.parse("2024-03-01T00:00:00Z"), sample.at());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"name\": 12}", "{\"name\": 3.14}", "{\"name\": true}", "{\"colour\": 1}", "{\"colour\": 1.0}",
            "{\"member\": 2}", "{\"member\": 0}", "{\"count\": 2.5}", "{\"day\": 20240115}", "{\"at\": 1e300}",
            "{\"at\": 1700000000}", "{\"tags\": [1]}"})
    void aValueOfTheWrongJsonTypeIsRefusedWithItsField(String body) {
        MismatchedInputException refused = assertThrows(MismatchedInputException.class,
                () -> mapper.readValue(body, Sample.class));
        String field = body.substring(2, body.indexOf('"', 2));
        assertEquals(field, refused.getPath().get(0).getFieldName(), refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"PROBE\u0000NAME", "\u001b[31mRED", "bell\u0007", "c1\u0085", "lone \ud800", "\udc00 low"})
    void controlCharactersAndUnpairedSurrogatesAreRefusedInEveryString(String text) throws Exception {
        String escaped = mapper.writeValueAsString(text);
        UnsafeTextException inName = assertThrows(UnsafeTextException.class,
                () -> mapper.readValue("{\"name\": " + escaped + "}", Sample.class));
        assertEquals("name", inName.getPath().get(0).getFieldName());
        UnsafeTextException inList = assertThrows(UnsafeTextException.class,
                () -> mapper.readValue("{\"tags\": [\"ok\", " + escaped + "]}", Sample.class));
        assertEquals("tags", inList.getPath().get(0).getFieldName());
    }

    @Test
    void aKeyGivenTwiceIsRefused() {
        JsonParseException refused = assertThrows(JsonParseException.class,
                () -> mapper.readValue("{\"name\": \"A\", \"name\": \"B\"}", Sample.class));
        assertEquals("Duplicate field 'name'", refused.getOriginalMessage());
    }

    @Test
    void nothingMayFollowTheDocument() {
        assertThrows(MismatchedInputException.class, () -> mapper.readValue("{\"name\": \"A\"} {}", Sample.class));
    }

    @Test
    void anOverflowingNumberIsRefusedWithItsField() {
        JsonMappingException refused = assertThrows(JsonMappingException.class,
                () -> mapper.readValue("{\"count\": 2147483648}", Sample.class));
        assertEquals("count", refused.getPath().get(0).getFieldName());
        assertInstanceOf(com.fasterxml.jackson.core.exc.InputCoercionException.class, refused.getCause());
    }
}
