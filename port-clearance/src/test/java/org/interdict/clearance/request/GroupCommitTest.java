package org.interdict.clearance.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.hibernate.exception.JDBCConnectionException;
import org.interdict.stack.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The group commit's policy, without a database: a writer that holds its first batch until told, so that the items
 * handed over meanwhile wait together, as they do while a commit runs.
 */
class GroupCommitTest {

    private final CountDownLatch firstTaken = new CountDownLatch(1);
    private final CountDownLatch releaseFirst = new CountDownLatch(1);
    private final List<List<String>> attempts = new CopyOnWriteArrayList<>();
    private final List<Integer> committed = new CopyOnWriteArrayList<>();
    private GroupCommit<String> commit;

    @AfterEach
    void stop() throws InterruptedException {
        releaseFirst.countDown();
        commit.close(Duration.ofSeconds(10));
    }

    /** Starts a group commit whose writer holds the first batch, then fails a batch when {@code failure} says so. */
    private void start(int maxBatch, int capacity, Function<List<String>, RuntimeException> failure) {
        commit = GroupCommit.start("test-journal", maxBatch, capacity, items -> {
            attempts.add(items);
            if (attempts.size() == 1) {
                firstTaken.countDown();
                await(releaseFirst);
            }
            RuntimeException failed = failure.apply(items);
            if (failed != null) {
                throw failed;
            }
        }, committed::add);
    }

    /** Hands over {@code first}, then the others while the writer holds it. */
    private List<CompletableFuture<Void>> submitWhileTheFirstIsWritten(String first, String... others) {
        List<CompletableFuture<Void>> written = new ArrayList<>();
        written.add(commit.submit(first));
        await(firstTaken);
        for (String other : others) {
            written.add(commit.submit(other));
        }
        assertEquals(others.length, commit.queued());
        return written;
    }

    @Test
    void aLoneItemGoesAtOnceAndThoseThatWaitMeanwhileGoTogetherInTheirOrder() {
        start(500, 100, items -> null);
        List<CompletableFuture<Void>> written = submitWhileTheFirstIsWritten("a", "b", "c", "d");
        releaseFirst.countDown();
        written.forEach(CompletableFuture::join);
        assertEquals(List.of(List.of("a"), List.of("b", "c", "d")), attempts);
        assertEquals(List.of(1, 3), committed);
    }

    @Test
    void noBatchExceedsTheMaximum() {
        start(2, 100, items -> null);
        List<CompletableFuture<Void>> written = submitWhileTheFirstIsWritten("a", "b", "c", "d");
        releaseFirst.countDown();
        written.forEach(CompletableFuture::join);
        assertEquals(List.of(List.of("a"), List.of("b", "c"), List.of("d")), attempts);
    }

    @Test
    void aMaximumOfOneWritesEachItemInItsOwnTransaction() {
        start(1, 100, items -> null);
        List<CompletableFuture<Void>> written = submitWhileTheFirstIsWritten("a", "b", "c");
        releaseFirst.countDown();
        written.forEach(CompletableFuture::join);
        assertEquals(List.of(List.of("a"), List.of("b"), List.of("c")), attempts);
        assertEquals(List.of(1, 1, 1), committed);
    }

    @Test
    void anUnreachableDatabaseFailsEveryMemberAlikeAndNothingIsTriedAgain() {
        JDBCConnectionException down = new JDBCConnectionException("Connection refused", new SQLException());
        start(500, 100, items -> down);
        List<CompletableFuture<Void>> written = submitWhileTheFirstIsWritten("a", "b", "c");
        releaseFirst.countDown();
        for (CompletableFuture<Void> future : written) {
            assertSame(down, assertThrows(CompletionException.class, future::join).getCause());
        }
        assertEquals(List.of(List.of("a"), List.of("b", "c")), attempts);
        assertEquals(List.of(), committed);
    }

    @Test
    void aBadItemFailsAloneAndItsNeighboursAreWrittenOneByOneInOrder() {
        start(500, 100, items -> items.contains("bad") ? new IllegalStateException("violates a constraint") : null);
        List<CompletableFuture<Void>> written = submitWhileTheFirstIsWritten("a", "b", "bad", "c");
        releaseFirst.countDown();
        written.get(0).join();
        written.get(1).join();
        written.get(3).join();
        assertInstanceOf(IllegalStateException.class,
                assertThrows(CompletionException.class, written.get(2)::join).getCause());
        assertEquals(List.of(List.of("a"), List.of("b", "bad", "c"), List.of("b"), List.of("bad"), List.of("c")),
                attempts);
        assertEquals(List.of(1, 1, 1), committed);
    }

    @Test
    void aFullQueueRefusesRatherThanGrow() {
        start(500, 2, items -> null);
        submitWhileTheFirstIsWritten("a", "b", "c");
        assertThrows(GroupCommit.Refused.class, () -> commit.submit("d"));
    }

    @Test
    void stoppingWritesWhatWaitsAndTakesNothingMore() throws Exception {
        start(500, 100, items -> null);
        List<CompletableFuture<Void>> accepted = new CopyOnWriteArrayList<>(submitWhileTheFirstIsWritten("a", "b"));
        CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> {
            try {
                commit.close(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Await.until("the commit refuses new items", () -> {
            try {
                accepted.add(commit.submit("late"));
                return false;
            } catch (GroupCommit.Refused e) {
                return true;
            }
        });
        releaseFirst.countDown();
        stopped.get(30, TimeUnit.SECONDS);
        for (CompletableFuture<Void> future : accepted) {
            assertTrue(future.isDone() && !future.isCompletedExceptionally(), "an item accepted was not written");
        }
    }

    @Test
    void stoppingRefusesWhatTheDatabaseNeverTookRatherThanLeaveItHanging() throws InterruptedException {
        start(500, 100, items -> null);
        List<CompletableFuture<Void>> written = submitWhileTheFirstIsWritten("a", "b");
        commit.close(Duration.ofMillis(100));
        assertInstanceOf(GroupCommit.Refused.class,
                assertThrows(CompletionException.class, written.get(1)::join).getCause());
        assertThrows(GroupCommit.Refused.class, () -> commit.submit("c"));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, TimeUnit.SECONDS), "waited too long");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
