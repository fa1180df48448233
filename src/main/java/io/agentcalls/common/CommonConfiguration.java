package io.agentcalls.common;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ServiceProperties.class, LeaseProperties.class, RetentionProperties.class})
class CommonConfiguration {}
