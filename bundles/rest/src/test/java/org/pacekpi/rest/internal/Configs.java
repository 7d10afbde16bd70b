package org.pacekpi.rest.internal;

import java.lang.annotation.Annotation;

/** Configurations as DS would hand them to a component. */
final class Configs {

    private Configs() {
    }

    /** PID {@code org.pacekpi.targets} with {@code headsOfSalesWrite} set. */
    static TargetsConfig targets(boolean headsOfSalesWrite) {
        return new TargetsConfig() {
            @Override
            public boolean headsOfSalesWrite() {
                return headsOfSalesWrite;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return TargetsConfig.class;
            }
        };
    }
}
