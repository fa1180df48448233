package io.agentcalls.secrets;

import io.agentcalls.common.ServiceProperties;
import java.io.IOException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EncryptionProperties.class)
class SecretsConfiguration {

    @Bean
    EncryptionKeys encryptionKeys(EncryptionProperties properties, ServiceProperties service) throws IOException {
        return EncryptionKeys.load(properties, service.dataDir());
    }

    /**
     * The cipher exists only once the keys are known to open what the database holds, and the
     * current key is registered before anything can be encrypted under it.
     */
    @Bean
    @DependsOnDatabaseInitialization
    SecretCipher secretCipher(EncryptionKeys keys, KeyRegistry registry) {
        KeyCheck.requireKeysFor(registry.inUse(), keys);
        registry.register(keys.current());
        return keys.cipher();
    }
}
