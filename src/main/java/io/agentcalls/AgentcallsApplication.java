package io.agentcalls;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** agentcalls: outbound AI-agent call campaigns. Background work (recovery, deliveries) is scheduled. */
@SpringBootApplication
@EnableScheduling
public class AgentcallsApplication {
    public static void main(String[] args) {
        SpringApplication.run(AgentcallsApplication.class, args);
    }
}
