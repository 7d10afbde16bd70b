package org.pacekpi.host.directory;

/** What a user may do and see in Pace. */
public enum Role {
    /** CRM administrator: sees everyone, configures Pace. */
    ADMIN,
    /** Head of sales: sees the managers of the teams they head. */
    HEAD,
    /** Sales manager: sees their own numbers. */
    MANAGER
}
