package io.agentcalls.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Who may reach what beyond the organization API.
 *
 * @param adminToken bearer token for {@code /admin/v1}; blank turns the admin API off (404)
 * @param actuatorToken bearer token for every actuator endpoint but health; blank closes them (404)
 * @param publicApiDocs whether the OpenAPI document and Swagger UI are open to anyone; when false
 *     they take the admin token
 * @param maxSignedBody the largest body of a signed request (runner events), refused before it is
 *     buffered for the signature check
 */
@ConfigurationProperties("agentcalls.security")
public record SecurityProperties(
        String adminToken,
        String actuatorToken,
        @DefaultValue("true") boolean publicApiDocs,
        @DefaultValue("10MB") DataSize maxSignedBody) {

    public SecurityProperties {
        adminToken = adminToken == null ? "" : adminToken.strip();
        actuatorToken = actuatorToken == null ? "" : actuatorToken.strip();
    }

    boolean adminApiEnabled() {
        return !adminToken.isEmpty();
    }

    boolean actuatorTokenSet() {
        return !actuatorToken.isEmpty();
    }
}
