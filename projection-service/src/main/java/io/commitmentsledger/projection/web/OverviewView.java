package io.commitmentsledger.projection.web;

import io.commitmentsledger.projection.store.ReadModelQueries.AreaCount;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A partnership's commitments counted by area and status, with how many are overdue, for the API and the pages. */
@Schema(name = "PartnershipOverview")
record OverviewView(String partnershipId, long commitments, long overdue, List<AreaView> areas) {

    @Schema(name = "AreaOverview")
    record AreaView(String area, long commitments, long overdue, Map<String, Long> byStatus) {}

    /** One entry per area, in the order of {@code counts} (by area, then status). */
    static OverviewView of(String partnershipId, List<AreaCount> counts) {
        Map<String, AreaView> areas = new LinkedHashMap<>();
        for (AreaCount count : counts) {
            AreaView area = areas.getOrDefault(count.area(), new AreaView(count.area(), 0, 0, new LinkedHashMap<>()));
            area.byStatus().put(count.status(), count.commitments());
            areas.put(
                    count.area(),
                    new AreaView(
                            count.area(),
                            area.commitments() + count.commitments(),
                            area.overdue() + count.overdue(),
                            area.byStatus()));
        }
        return new OverviewView(
                partnershipId,
                areas.values().stream().mapToLong(AreaView::commitments).sum(),
                areas.values().stream().mapToLong(AreaView::overdue).sum(),
                List.copyOf(areas.values()));
    }
}
