package io.commitmentsledger.projection.web;

import io.commitmentsledger.projection.rebuild.RebuildAlreadyRunning;
import io.commitmentsledger.projection.rebuild.RebuildStatus;
import io.commitmentsledger.projection.rebuild.Rebuilder;
import io.commitmentsledger.web.problems.ContainerProblems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The admin operation that rebuilds every projection from the start of the topic. */
@RestController
@RequestMapping(path = "/api/v1/admin/rebuilds", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Administration", description = "Rebuilding the read model from the start of the topic")
class RebuildController {

    private static final URI CURRENT = URI.create("/api/v1/admin/rebuilds/current");

    private final Rebuilder rebuilder;

    RebuildController(Rebuilder rebuilder) {
        this.rebuilder = rebuilder;
    }

    @PostMapping
    @Operation(
            summary = "Rebuild every projection from the start of the topic",
            description = "Fills a new generation while the current one keeps answering, then switches atomically."
                    + " 202 with Location of the progress; 409 while a rebuild runs.")
    ResponseEntity<RebuildStatus> start() {
        return ResponseEntity.accepted().location(CURRENT).body(rebuilder.start());
    }

    @GetMapping("/current")
    @Operation(summary = "Progress of the current or last rebuild: events done, events per second, time left")
    RebuildStatus current() {
        return rebuilder.status().orElseThrow(NoRebuildYet::new);
    }

    /** The rebuild resources have their own 404: nothing is wrong with any commitment. */
    static final class NoRebuildYet extends RuntimeException {
        NoRebuildYet() {
            super("no rebuild has run since the service started");
        }
    }

    @ExceptionHandler
    ProblemDetail noRebuildYet(NoRebuildYet e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setType(URI.create(ContainerProblems.BASE + "rebuild-not-found"));
        problem.setTitle("No rebuild");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail alreadyRunning(RebuildAlreadyRunning e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setType(URI.create(ContainerProblems.BASE + "rebuild-in-progress"));
        problem.setTitle("Rebuild in progress");
        return problem;
    }
}
