package org.pacekpi.engine.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Remembers across restarts that a rebuild began and has not finished. A rebuild that does not finish leaves the
 * previous counting as it was, complete but made under the rules of before (a rebuild is usually asked for because
 * the rules changed), so the next start must rebuild again before anything else.
 */
public interface RebuildMarker {

    /** True if a rebuild began and did not finish. */
    boolean isMarked();

    /** Notes that a rebuild begins; throws if that cannot be remembered. */
    void mark();

    /** Notes that the rebuild finished. */
    void clear();

    /** A marker in a file (in Pace's bundle data folder): present while a rebuild runs. */
    static RebuildMarker file(Path file) {
        Objects.requireNonNull(file, "file");
        return new RebuildMarker() {
            @Override
            public boolean isMarked() {
                return Files.exists(file);
            }

            @Override
            public void mark() {
                try {
                    Files.createDirectories(file.toAbsolutePath().getParent());
                    Files.writeString(file, "rebuild started " + Instant.now() + "\n");
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write the rebuild marker " + file
                            + "; the rebuild does not start without it", e);
                }
            }

            @Override
            public void clear() {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot delete the rebuild marker " + file
                            + "; the next start would rebuild again", e);
                }
            }
        };
    }

    /** A marker in memory, which a restart forgets: for tests and for running without a data folder. */
    static RebuildMarker inMemory() {
        AtomicBoolean marked = new AtomicBoolean();
        return new RebuildMarker() {
            @Override
            public boolean isMarked() {
                return marked.get();
            }

            @Override
            public void mark() {
                marked.set(true);
            }

            @Override
            public void clear() {
                marked.set(false);
            }
        };
    }
}
