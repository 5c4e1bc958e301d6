package org.interdict.registry.imports;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV one record at a time from a stream: commas between fields, fields optionally in double quotes
 * (which may hold commas, line breaks and doubled quotes), records ending in CRLF or LF.
 */
final class CsvReader {

    private final Reader in;
    private int line = 1;

    CsvReader(Reader in) {
        this.in = in;
    }

    /** The line the next record starts on. */
    int line() {
        return line;
    }

    /** The next record's fields, or null at the end of the file. */
    List<String> next() throws IOException, MalformedListException {
        int c = in.read();
        if (c == -1) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean closed = false;
        int start = line;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    throw new MalformedListException("A quoted field that starts on line " + start + " never ends");
                }
                if (c == '"') {
                    int following = in.read();
                    if (following != '"') {
                        quoted = false;
                        closed = true;
                        c = following;
                        continue;
                    }
                } else if (c == '\n') {
                    line++;
                }
                field.append((char) c);
            } else if (c == -1 || c == '\n') {
                if (c == '\n') {
                    line++;
                }
                fields.add(field.toString());
                return fields;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                closed = false;
            } else if (c == '"' && field.length() == 0 && !closed) {
                quoted = true;
            } else if (c != '\r') {
                if (closed || c == '"') {
                    throw new MalformedListException("A stray quote on line " + line);
                }
                field.append((char) c);
            }
            c = in.read();
        }
    }
}
