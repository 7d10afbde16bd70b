/**
 * The sandbox CRM: a small reference host for Pace. Nothing here is exported; other bundles see it only through the
 * host-api services it registers (Directory, ActivityHistory, RequestIdentity) and the events it posts.
 */
package org.pacekpi.sandbox.internal;
