package org.pacekpi.engine.internal.osgi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.pacekpi.api.dto.RebuildResult;
import org.pacekpi.engine.internal.CountingSettings;
import org.pacekpi.engine.internal.InMemoryDirectory;
import org.pacekpi.engine.internal.InMemoryHistory;
import org.pacekpi.engine.internal.InMemoryPaceStore;
import org.pacekpi.engine.internal.IngestPipeline;
import org.pacekpi.engine.internal.RebuildMarker;
import org.pacekpi.host.activity.Activity;
import org.pacekpi.host.activity.ActivityChange;
import org.pacekpi.host.activity.ActivityKind;
import org.pacekpi.host.activity.ActivityTopics;
import org.pacekpi.host.activity.Counterpart;
import org.pacekpi.host.activity.Outcome;

/** The EventAdmin side of ingest: the handler never blocks and never throws, whatever the store does. */
class IngestComponentTest {

    private final InMemoryPaceStore store = new InMemoryPaceStore();
    private final InMemoryHistory host = new InMemoryHistory();
    private final InMemoryDirectory directory = new InMemoryDirectory().manager("ann", "UTC");
    private IngestComponent component;

    @AfterEach
    void deactivate() {
        if (component != null) {
            component.deactivate();
        }
    }

    private static ConditionFactory eventually() {
        return await().atMost(10, TimeUnit.SECONDS).pollInterval(5, TimeUnit.MILLISECONDS);
    }

    /** Activates the component as SCR would and waits for its start-up catch-up. */
    private IngestComponent activate(int queueCapacity) {
        component = new IngestComponent(store, host, directory, CountingSettings.DEFAULTS,
                config(queueCapacity, 3600), RebuildMarker.inMemory());
        eventually().until(() -> component.pipeline().completedCatchUps() >= 1);
        return component;
    }

    private ActivityChange logCall(String id) {
        return host.create(Activity.builder().id(id).occurredAt(Instant.parse("2026-11-25T10:00:00Z"))
                .actorId("ann").kind(ActivityKind.CALL).outcome(Outcome.CONNECTED)
                .counterpart(Counterpart.contact("client-" + id)));
    }

    private static Event event(ActivityChange change) {
        return new Event(change.type().topic(), Map.of(ActivityTopics.PROPERTY_ACTIVITY, change.activity(),
                ActivityTopics.PROPERTY_ID, change.activity().id(),
                ActivityTopics.PROPERTY_SEQUENCE, change.sequence()));
    }

    @Test
    void handleEventReturnsAtOnceWhileTheStoreIsBlocked() {
        activate(5);
        InMemoryPaceStore.BlockingHook blocking = new InMemoryPaceStore.BlockingHook();
        store.hook(blocking);
        component.handleEvent(event(logCall("first")));
        eventually().until(() -> blocking.entered.getCount() == 0);

        // The writer is stuck in the store; EventAdmin's thread must not be.
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            for (int i = 0; i < 100; i++) {
                component.handleEvent(event(logCall("c" + i)));
            }
        });
        assertThat(component.status().queued()).isEqualTo(5);
        assertThat(component.pipeline().dropped()).isEqualTo(95);

        blocking.release.countDown();
        eventually().until(() -> store.appliedSequence() == 101);
        assertThat(store.touches("ann")).isEqualTo(101);
        assertThat(component.status().hostSequence()).isEqualTo(101);
        assertThat(component.status().lastError()).isNull();
    }

    @Test
    void deactivationStopsAWriterStuckInTheStoreAndTheNextActivationRecoversTheChange() {
        activate(10);
        InMemoryPaceStore.BlockingHook blocking = new InMemoryPaceStore.BlockingHook();
        store.hook(blocking);
        component.handleEvent(event(logCall("c1")));
        eventually().until(() -> blocking.entered.getCount() == 0);

        assertTimeoutPreemptively(Duration.ofSeconds(10), component::deactivate);
        component = null;
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().equals(IngestPipeline.WRITER_THREAD_NAME) && t.isAlive());
        assertThat(store.touches("ann")).isZero();

        store.hook((activities, cursor) -> { });
        activate(10);
        eventually().until(() -> store.touches("ann") == 1);
        assertThat(store.appliedSequence()).isEqualTo(1);
    }

    @Test
    void rebuildServiceRecountsTheLogAndReturnsWhenDone() {
        activate(10);
        for (int i = 0; i < 5; i++) {
            component.handleEvent(event(logCall("c" + i)));
        }
        await().atMost(10, TimeUnit.SECONDS).until(() -> store.touches("ann") == 5);

        RebuildResult result = component.rebuild();

        assertThat(result.activities()).isEqualTo(5);
        assertThat(result.appliedSequence()).isEqualTo(store.appliedSequence());
        assertThat(store.touches("ann")).isEqualTo(5);
        assertThat(store.aggregatesMatchLog()).isTrue();
    }

    @Test
    void malformedEventsAreRejectedNotThrown() {
        activate(10);
        ActivityChange change = logCall("c1");

        assertThatCode(() -> {
            component.handleEvent(new Event(ActivityTopics.CREATED, Map.of()));
            component.handleEvent(new Event(ActivityTopics.UPDATED, Map.of(ActivityTopics.PROPERTY_ACTIVITY, 42)));
            component.handleEvent(new Event("crm/activity/MERGED",
                    Map.of(ActivityTopics.PROPERTY_ACTIVITY, change.activity())));
        }).doesNotThrowAnyException();

        assertThat(component.pipeline().rejected()).isEqualTo(3);
        assertThat(component.status().queued()).isZero();
    }

    @Test
    void invalidConfigurationNamesTheProperty() {
        assertThatThrownBy(() -> new IngestComponent(store, host, directory, CountingSettings.DEFAULTS, config(0, 5),
                RebuildMarker.inMemory()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("org.pacekpi.ingest: queueCapacity must be greater than 0, was 0");
        assertThatThrownBy(() -> new IngestComponent(store, host, directory, CountingSettings.DEFAULTS,
                config(10, -5), RebuildMarker.inMemory()))
                .hasMessage("org.pacekpi.ingest: catchUpIntervalSeconds must be greater than 0, was -5");
    }

    /** The configuration as SCR would build it from etc/org.pacekpi.ingest.cfg. */
    private static IngestConfig config(int queueCapacity, int catchUpIntervalSeconds) {
        return new IngestConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return IngestConfig.class;
            }

            @Override
            public int queueCapacity() {
                return queueCapacity;
            }

            @Override
            public int batchSize() {
                return 500;
            }

            @Override
            public int catchUpIntervalSeconds() {
                return catchUpIntervalSeconds;
            }

            @Override
            public int historyPageSize() {
                return 1000;
            }

            @Override
            public int historyBatchSize() {
                return 1000;
            }

            @Override
            public int rebuildPageSize() {
                return 2;
            }
        };
    }
}
