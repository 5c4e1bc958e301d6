package org.interdict.registry.imports;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.interdict.commons.problem.ProblemException;

/** Counts what is read and refuses (413) a body that goes past the limit, even one sent without a length. */
final class SizeLimitedInputStream extends FilterInputStream {

    private final long limit;
    private long read;

    SizeLimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    boolean exceeded() {
        return read > limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b != -1) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) {
        read += n;
        if (exceeded()) {
            throw BodyLimits.tooLarge(limit);
        }
    }
}
