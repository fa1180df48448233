package io.agentcalls.initiation.dispatch;

import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RecoveryProperties.class)
class DispatchConfiguration {

    /**
     * The threads that send batches to the runner, shared by all initiations (each bounds its own
     * batches in flight): as many as are asked for, idle ones let go after a minute. A Spring bean,
     * so its size and activity show in the {@code executor} metrics (name {@code batchDispatch}).
     * A stopping node lets batches under way finish and still runs those of initiations in flight:
     * the executor pauses only once the web server has stopped, after its graceful shutdown.
     */
    @Bean
    ThreadPoolTaskExecutor batchDispatchExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("batch-dispatch-");
        executor.setDaemon(true);
        executor.setCorePoolSize(0);
        executor.setMaxPoolSize(Integer.MAX_VALUE);
        executor.setQueueCapacity(0);
        executor.setKeepAliveSeconds((int) Duration.ofMinutes(1).toSeconds());
        executor.setAcceptTasksAfterContextClose(true);
        executor.setPhase(WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE - 1);
        executor.setWaitForTasksToCompleteOnShutdown(true);
        return executor;
    }
}
