package dev.coachkit.adapters.storage.testing;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Binds S3Mock's extra plain-HTTP connector to the loopback interface: left alone it listens on
 * every interface, which would expose the test server to the network.
 */
@Configuration(proxyBeanMethods = false)
public class LoopbackHttpConnector {

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> loopbackOnly() {
        return factory -> factory.getAdditionalConnectors()
                .forEach(connector -> connector.setProperty("address", "127.0.0.1"));
    }
}
