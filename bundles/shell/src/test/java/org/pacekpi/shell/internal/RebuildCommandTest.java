package org.pacekpi.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.pacekpi.api.dto.RebuildResult;
import org.pacekpi.api.store.StoreException;

class RebuildCommandTest {

    private final Output output = new Output();

    @Test
    void rebuildsAndSaysHowManyActivitiesInHowLong() {
        AtomicInteger rebuilds = new AtomicInteger();
        RebuildCommand command = new RebuildCommand();
        command.rebuild = () -> {
            // the announcement is out before the (long) rebuild starts
            assertThat(output.lines()).containsExactly("Rebuilding every aggregate from the activity log...");
            rebuilds.incrementAndGet();
            return new RebuildResult(12_345, 2_500, 77);
        };
        command.out = output.stream;

        assertThat(command.execute()).isNull();

        assertThat(rebuilds).hasValue(1);
        assertThat(output.lines()).containsExactly("Rebuilding every aggregate from the activity log...",
                "Rebuilt: 12345 activities recounted in 2.5 s; every change up to history sequence 77 is applied.");
    }

    @Test
    void aFailingRebuildIsNotHidden() {
        RebuildCommand command = new RebuildCommand();
        command.rebuild = () -> {
            throw new StoreException("simulated by RebuildCommandTest: database unreachable");
        };
        command.out = output.stream;
        assertThatThrownBy(command::execute).isInstanceOf(StoreException.class);
        assertThat(output.text()).doesNotContain("Rebuilt");
    }
}
