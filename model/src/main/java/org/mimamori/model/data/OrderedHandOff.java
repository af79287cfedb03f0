package org.mimamori.model.data;

import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Hands rows from the thread that splits a file into cells to one other thread that consumes them, in batches and
 * in file order, so reading a large file uses two cores and the consumer sees exactly the sequence of rows it would
 * see on one thread. A failure of the consumer is rethrown to the reading thread ({@link #accept} or
 * {@link #finish}); it takes precedence over a later failure of the reading itself ({@link #failureBefore}), because
 * on one thread the consumer's failure would have stopped the reading first.
 */
final class OrderedHandOff implements Consumer<String[]> {

    private static final int BATCH = 1024;
    private static final List<String[]> END = new ArrayList<>(0);

    private final BlockingQueue<List<String[]>> queue = new ArrayBlockingQueue<>(8);
    private final Consumer<String[]> sink;
    private final Thread worker;
    private volatile Throwable failure;
    private List<String[]> batch = new ArrayList<>(BATCH);

    OrderedHandOff(Consumer<String[]> sink, String name) {
        this.sink = sink;
        this.worker = new Thread(this::consume, name);
        worker.setDaemon(true);
        worker.start();
    }

    private void consume() {
        try {
            while (true) {
                List<String[]> rows = queue.take();
                if (rows == END) {
                    return;
                }
                for (String[] row : rows) {
                    sink.accept(row);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failure = e;
        }
    }

    @Override
    public void accept(String[] row) {
        batch.add(row);
        if (batch.size() == BATCH) {
            hand(batch);
            batch = new ArrayList<>(BATCH);
        }
    }

    private void hand(List<String[]> rows) {
        try {
            while (!queue.offer(rows, 50, TimeUnit.MILLISECONDS)) {
                rethrowFailure();
                if (!worker.isAlive()) {
                    throw new IllegalStateException("the row consumer stopped");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading", e);
        }
        rethrowFailure();
    }

    /** Hands the last rows, waits until every row is consumed, and rethrows the consumer's failure. */
    void finish() throws InterruptedIOException {
        if (worker.isAlive()) {
            if (failure == null) {
                hand(batch);
            }
            batch = new ArrayList<>(0);
            try {
                while (worker.isAlive() && !queue.offer(END, 50, TimeUnit.MILLISECONDS)) {
                    rethrowFailure();
                }
                worker.join();
            } catch (InterruptedException e) {
                worker.interrupt();
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading");
            }
        }
        rethrowFailure();
    }

    /**
     * After the reading failed: lets the consumer finish the rows before the failure and returns its own failure
     * if it had one (which then comes first), else null.
     */
    Throwable failureBefore() {
        try {
            finish();
        } catch (RuntimeException | Error | InterruptedIOException e) {
            return e;
        }
        return null;
    }

    private void rethrowFailure() {
        Throwable f = failure;
        if (f instanceof RuntimeException r) {
            throw r;
        }
        if (f instanceof Error e) {
            throw e;
        }
    }
}
