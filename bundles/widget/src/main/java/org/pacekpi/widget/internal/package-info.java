/**
 * The Pace dashboard widget: the static files of {@code <pace-kpi-widget>} served at {@code /pace/ui/}, and its
 * registration on the host's dashboard-widget whiteboard. Not exported.
 */
package org.pacekpi.widget.internal;
