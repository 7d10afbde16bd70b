package org.pacekpi.engine.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.pacekpi.api.dto.RebuildResult;
import org.pacekpi.host.activity.ActivityChange;

/**
 * The bounded hand-over between the EventAdmin thread and the ingest writer. A plain {@code BlockingQueue} is not
 * enough because the writer waits for three things at once: live changes, a request to catch up from the history
 * (made when a change had to be dropped), and requests to rebuild. Offering never waits for space: a full queue
 * refuses the change.
 */
final class ChangeQueue {

    /**
     * What the writer got from one wait.
     *
     * @param changes          live changes, oldest first, at most the requested number
     * @param catchUpRequested true if a catch-up was requested since the last wait
     */
    record Work(List<ActivityChange> changes, boolean catchUpRequested) {
    }

    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition workArrived = lock.newCondition();
    private final ArrayDeque<ActivityChange> changes = new ArrayDeque<>();
    private final List<CompletableFuture<RebuildResult>> rebuildRequests = new ArrayList<>();
    private boolean catchUpRequested;
    private boolean closed;

    ChangeQueue(int capacity) {
        this.capacity = capacity;
    }

    /**
     * Adds a change if there is room. When the queue is full the change is refused and a catch-up is requested, since
     * the history holds every change and will bring the refused one back.
     */
    boolean offer(ActivityChange change) {
        lock.lock();
        try {
            if (changes.size() >= capacity) {
                catchUpRequested = true;
                workArrived.signal();
                return false;
            }
            changes.addLast(change);
            workArrived.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Asks the writer to read the history as soon as it can. */
    void requestCatchUp() {
        lock.lock();
        try {
            catchUpRequested = true;
            workArrived.signal();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Asks the writer to rebuild; the future completes when a rebuild that started after this request ends.
     *
     * @return false if the queue is closed (the writer is stopping)
     */
    boolean requestRebuild(CompletableFuture<RebuildResult> result) {
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            rebuildRequests.add(result);
            workArrived.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Takes every pending rebuild request; one rebuild answers them all. */
    List<CompletableFuture<RebuildResult>> takeRebuildRequests() {
        lock.lock();
        try {
            List<CompletableFuture<RebuildResult>> taken = List.copyOf(rebuildRequests);
            rebuildRequests.clear();
            return taken;
        } finally {
            lock.unlock();
        }
    }

    /** Wakes the writer for good, so that it notices it must stop without being interrupted. */
    void close() {
        lock.lock();
        try {
            closed = true;
            workArrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until there are changes, a catch-up or rebuild is requested, the queue is closed or the timeout passes,
     * then takes up to {@code max} changes and the catch-up request (rebuild requests stay for
     * {@link #takeRebuildRequests()}).
     */
    Work take(int max, long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (changes.isEmpty() && !catchUpRequested && rebuildRequests.isEmpty() && !closed && nanos > 0) {
                nanos = workArrived.awaitNanos(nanos);
            }
            List<ActivityChange> batch = new ArrayList<>(Math.min(max, changes.size()));
            while (batch.size() < max && !changes.isEmpty()) {
                batch.add(changes.pollFirst());
            }
            boolean catchUp = catchUpRequested;
            catchUpRequested = false;
            return new Work(batch, catchUp);
        } finally {
            lock.unlock();
        }
    }

    /** Changes waiting. */
    int size() {
        lock.lock();
        try {
            return changes.size();
        } finally {
            lock.unlock();
        }
    }
}
