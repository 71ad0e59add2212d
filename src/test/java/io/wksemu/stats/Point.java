package io.wksemu.stats;

import java.time.LocalDate;
import java.util.List;

/** A desktop's use of one day, as the index tests write their points. */
record Point(String resourceId, LocalDate day, int usageSeconds) {

    /** The points as the source an index is built from. */
    static DesktopIndex.Points source(List<Point> points) {
        return sink -> points.forEach(p -> sink.accept(p.resourceId(), p.day().toEpochDay(), p.usageSeconds()));
    }
}
