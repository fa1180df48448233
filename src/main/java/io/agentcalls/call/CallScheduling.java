package io.agentcalls.call;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The stuck-call job runs on a schedule on every node. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class CallScheduling {}
