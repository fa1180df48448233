package io.agentcalls;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class AgentcallsApplication {
    public static void main(String[] args) {
        SpringApplication.run(AgentcallsApplication.class, args);
    }
}
