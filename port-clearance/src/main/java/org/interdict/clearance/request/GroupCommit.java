package org.interdict.clearance.request;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

import org.interdict.commons.database.DatabaseUnavailable;

/**
 * Writes items handed over by many threads in as few transactions as the database's pace calls for. One writer
 * thread takes everything waiting, up to a maximum, and writes it in one transaction: a lone item goes at once, and
 * under load a batch grows by itself while the previous one commits. There is no waiting window. Items are written in
 * the order they were handed over, batch after batch.
 *
 * <p>A batch that fails because the database is out of reach fails every member alike. One that fails for another
 * reason is tried again member by member, each alone, so that one bad item cannot fail its neighbours.</p>
 */
final class GroupCommit<T> {

    /** Writes items in one transaction: all of them or none. */
    interface Writer<T> {
        void write(List<T> items);
    }

    /** Not taken: the queue is full or the writer has stopped. Passes; the caller may try again shortly. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private record Pending<T>(T item, CompletableFuture<Void> written) {
    }

    /** How often an idle writer looks whether it was told to stop. */
    private static final long IDLE_CHECK_MILLIS = 100;

    private final BlockingQueue<Pending<T>> queue;
    private final int maxBatch;
    private final Writer<T> writer;
    private final IntConsumer committed;
    private final Thread thread;
    private boolean closed; // guarded by this: no item is queued once it is set, so the writer can drain and stop

    private GroupCommit(String name, int maxBatch, int capacity, Writer<T> writer, IntConsumer committed) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.maxBatch = maxBatch;
        this.writer = writer;
        this.committed = committed;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
    }

    /**
     * @param maxBatch  the most items in one transaction; 1 writes each in its own
     * @param capacity  the most items waiting; more are refused
     * @param committed told the size of each committed batch
     */
    static <T> GroupCommit<T> start(String name, int maxBatch, int capacity, Writer<T> writer, IntConsumer committed) {
        GroupCommit<T> commit = new GroupCommit<>(name, maxBatch, capacity, writer, committed);
        commit.thread.start();
        return commit;
    }

    /**
     * Hands the item to the writer.
     *
     * @return completes once the item is committed, or fails with the reason it was not
     * @throws Refused when the queue is full or the writer has stopped
     */
    CompletableFuture<Void> submit(T item) {
        Pending<T> pending = new Pending<>(item, new CompletableFuture<>());
        synchronized (this) {
            if (closed) {
                throw new Refused("The service is stopping");
            }
            if (!queue.offer(pending)) {
                throw new Refused("Too many decisions are waiting to be kept");
            }
        }
        return pending.written();
    }

    /** Items waiting for the writer, not counting the batch it is writing. */
    int queued() {
        return queue.size();
    }

    /**
     * Takes no more items and lets the writer write those waiting; whatever is still waiting after {@code timeout}
     * (the database hangs) is refused rather than left hanging.
     */
    void close(Duration timeout) throws InterruptedException {
        synchronized (this) {
            closed = true;
        }
        thread.join(timeout.toMillis());
        refuseWaiting(new ArrayList<>());
    }

    private void run() {
        List<Pending<T>> batch = new ArrayList<>(maxBatch);
        try {
            while (!stopped()) {
                Pending<T> first = queue.poll(IDLE_CHECK_MILLIS, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, maxBatch - 1);
                    write(batch);
                    batch.clear();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // whatever ended the loop, no caller may wait for a writer that is gone
            synchronized (this) {
                closed = true;
            }
            refuseWaiting(batch);
        }
    }

    private synchronized boolean stopped() {
        return closed && queue.isEmpty();
    }

    private void write(List<Pending<T>> batch) {
        try {
            writer.write(batch.stream().map(Pending::item).toList());
        } catch (Exception | Error e) { // even an Error: a writer that died would leave every later caller waiting
            if (batch.size() == 1 || DatabaseUnavailable.isCause(e)) {
                batch.forEach(pending -> pending.written().completeExceptionally(e));
            } else {
                batch.forEach(pending -> write(List.of(pending)));
            }
            return;
        }
        committed.accept(batch.size());
        batch.forEach(pending -> pending.written().complete(null));
    }

    /** Refuses the items taken and those still waiting. */
    private void refuseWaiting(List<Pending<T>> taken) {
        queue.drainTo(taken);
        Refused stopping = new Refused("The service is stopping");
        taken.forEach(pending -> pending.written().completeExceptionally(stopping));
    }
}
