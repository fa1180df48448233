package io.agentcalls;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.support.ApiTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The service's own thread pools are Spring executors, and their metrics say how busy they are. */
class ExecutorMetricsApiTest extends ApiTest {

    @ParameterizedTest
    @ValueSource(
            strings = {"batchDispatchExecutor", "webhookDeliveryExecutor", "taskScheduler", "applicationTaskExecutor"})
    void everyPoolReportsItsSize(String executor) {
        Response metric = get("/actuator/metrics/executor.pool.max?tag=name:" + executor, ACTUATOR_TOKEN);

        assertThat(metric.status()).as(metric.raw()).isEqualTo(200);
        assertThat(metric.body().at("/measurements/0/value").asDouble()).isPositive();
    }
}
