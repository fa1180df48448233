package io.agentcalls.webhook;

import java.net.InetAddress;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

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

    /** GETs for other features under the same egress rules (call recordings). */
    @Bean
    EgressDownloads egressDownloads(WebhookUrlPolicy urlPolicy, WebhookProperties properties) {
        return new EgressDownloads(urlPolicy, properties.timeout(), properties.maxConcurrency());
    }

    @Bean
    WebhookSender webhookSender(WebhookUrlPolicy urlPolicy, WebhookProperties properties) {
        return new WebhookSender(urlPolicy, properties.timeout(), properties.maxConcurrency());
    }

    /**
     * The workers that attempt deliveries, as many as {@code max-concurrency}: a Spring bean, so its
     * size and activity show in the {@code executor} metrics. The poller stops handing it work when it
     * stops (the executor itself pauses only after the web server has stopped); attempts still under
     * way when the context closes are interrupted (their lease expires and they are attempted again).
     */
    @Bean
    ThreadPoolTaskExecutor webhookDeliveryExecutor(WebhookProperties properties) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("webhook-delivery-");
        executor.setDaemon(true);
        executor.setCorePoolSize(properties.maxConcurrency());
        executor.setMaxPoolSize(properties.maxConcurrency());
        executor.setAcceptTasksAfterContextClose(true);
        executor.setPhase(WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE - 1);
        return executor;
    }

    @Bean
    RetrySchedule webhookRetrySchedule(WebhookProperties properties) {
        return new RetrySchedule(properties.backoffScale());
    }
}
