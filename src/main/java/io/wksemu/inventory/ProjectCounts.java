package io.wksemu.inventory;

/** Counts of one project's stored rows. */
public record ProjectCounts(String projectId, long desktops, long sessions, long openSessions, long points) {
}
