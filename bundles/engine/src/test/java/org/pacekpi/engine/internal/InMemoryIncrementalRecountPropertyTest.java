package org.pacekpi.engine.internal;

import net.jqwik.api.PropertyDefaults;

/** The incremental recount property on the in-memory store: cheap, so many tries. */
@PropertyDefaults(tries = 400)
class InMemoryIncrementalRecountPropertyTest extends IncrementalRecountProperty {

    @Override
    protected EmptyStore emptyStore() {
        return new EmptyStore(new InMemoryPaceStore(), () -> { });
    }
}
