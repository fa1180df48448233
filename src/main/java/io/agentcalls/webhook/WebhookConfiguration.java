package io.agentcalls.webhook;

import java.net.InetAddress;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookConfiguration {

    @Bean
    WebhookUrlPolicy webhookUrlPolicy(WebhookProperties properties) {
        return new WebhookUrlPolicy(
                properties.allowHttp(),
                AllowedPorts.of(properties.allowedPorts(), properties.allowHttp()),
                InetAddress::getAllByName);
    }

    @Bean
    WebhookSender webhookSender(WebhookUrlPolicy urlPolicy, WebhookProperties properties) {
        return new WebhookSender(urlPolicy, properties.timeout(), properties.maxConcurrency());
    }

    @Bean
    RetrySchedule webhookRetrySchedule(WebhookProperties properties) {
        return new RetrySchedule(properties.backoffScale());
    }
}
