package io.commitmentsledger.web.problems;

import jakarta.servlet.DispatcherType;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * Answers what the servlet container refuses itself with problem+json: {@link ProblemErrorController} on the error
 * path (ordered before Spring Boot's error configuration, so its {@code BasicErrorController} steps aside), and
 * {@link ProblemErrorReportValve} where Tomcat's HTML error report would be. Tomcat adds its report valve when the host
 * starts, unless one of the host's configured class is already there, and Spring Boot adds one of its own while it
 * builds the context: just before the host starts, both are replaced, whatever order the customizers ran in. And
 * {@link MediaTypeHeaders} answers, or sets aside, the {@code Accept} and {@code Content-Type} headers Spring MVC would
 * fail on.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ContainerProblemsAutoConfiguration {

    @Bean
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    /** Settles unusable {@code Accept} and {@code Content-Type} headers before anything reads them. */
    @Bean
    FilterRegistrationBean<MediaTypeHeaders> mediaTypeHeaders() {
        FilterRegistrationBean<MediaTypeHeaders> registration = new FilterRegistrationBean<>(new MediaTypeHeaders());
        registration.setOrder(MediaTypeHeaders.ORDER);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            StandardHost host = (StandardHost) context.getParent();
            host.addLifecycleListener(event -> {
                if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                    replaceErrorReports(host);
                }
            });
        });
    }

    private static void replaceErrorReports(StandardHost host) {
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve) {
                host.getPipeline().removeValve(valve);
            }
        }
        host.getPipeline().addValve(new ProblemErrorReportValve());
        host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
    }
}
