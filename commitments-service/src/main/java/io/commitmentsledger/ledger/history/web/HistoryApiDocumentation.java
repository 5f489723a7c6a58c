package io.commitmentsledger.ledger.history.web;

import static io.commitmentsledger.ledger.web.ApiDocumentation.HTTP_PROTOCOL;
import static io.commitmentsledger.ledger.web.ApiDocumentation.problem;
import static io.commitmentsledger.ledger.web.ApiDocumentation.slug;

import io.commitmentsledger.ledger.history.RecordedEvent;
import io.commitmentsledger.ledger.web.ApiDocumentation;
import io.commitmentsledger.ledger.web.LedgerAccess;
import io.commitmentsledger.ledger.web.ProblemType;
import io.commitmentsledger.web.openapi.Problems;
import io.commitmentsledger.web.openapi.RecordSchemas;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;

/** Documents the history reads as they answer: their statuses, the history's ETag, and the fields always present. */
@Configuration(proxyBeanMethods = false)
class HistoryApiDocumentation {

    @Bean
    OperationCustomizer historyResponsesInOpenApi() {
        return (operation, handler) -> {
            if (handler.getBeanType() != EventHistoryController.class) {
                return operation;
            }
            if (handler.getMethod().getName().equals("events")) {
                ApiResponse history = Problems.success(operation, 200, "The commitment's events, in sequence order");
                history.addHeaderObject(
                        HttpHeaders.ETAG,
                        ApiDocumentation.etag("The commitment's version: its newest event's sequence"));
                problem(operation, 400, "The commitment id is not a valid id", slug(ProblemType.INVALID_REQUEST));
                problem(operation, 404, "No such commitment has been agreed", slug(ProblemType.COMMITMENT_NOT_FOUND));
            } else {
                Problems.success(operation, 200, "The event recorded at that global position");
                problem(operation, 400, "The global position is not a number", HTTP_PROTOCOL);
                problem(operation, 404, "No event is recorded there", slug(HistoryProblems.EVENT_NOT_FOUND));
            }
            ApiDocumentation.anyEndpoint(operation, LedgerAccess.READ_RULES);
            return operation;
        };
    }

    @Bean
    OpenApiCustomizer historySchemasInOpenApi() {
        return api -> RecordSchemas.responses(api, RecordedEvent.class, EventHistoryController.History.class);
    }
}
