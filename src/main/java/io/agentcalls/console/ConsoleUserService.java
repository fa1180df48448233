package io.agentcalls.console;

import io.agentcalls.common.ApiException;
import io.agentcalls.common.Ids;
import io.agentcalls.common.Page;
import io.agentcalls.common.PageRequest;
import io.agentcalls.organization.OrganizationService;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people of an organization who use the console, and their sign-in. Failed sign-ins are counted
 * in the database per email and per client address, so guessing is throttled across every node.
 */
@Service
@EnableConfigurationProperties(ConsoleProperties.class)
public class ConsoleUserService {

    static final int MAX_EMAIL = 254;
    static final int MIN_PASSWORD = 8;
    /** bcrypt reads at most 72 bytes; a longer password would be silently cut, so it is refused. */
    static final int MAX_PASSWORD_BYTES = 72;

    private final ConsoleUserRepository repository;
    private final OrganizationService organizations;
    private final ConsoleProperties properties;
    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    /** Compared against when the email is unknown, so a wrong email costs the time of a wrong password. */
    private final String unknownUserHash = encoder.encode(Ids.randomToken(16));

    ConsoleUserService(
            ConsoleUserRepository repository, OrganizationService organizations, ConsoleProperties properties) {
        this.repository = repository;
        this.organizations = organizations;
        this.properties = properties;
    }

    public record NewUser(String email, String password, String role) {}

    /** What a sign-in came to; {@code user} only when signed in. */
    public record SignIn(Outcome outcome, ConsoleUser user) {
        public enum Outcome {
            SIGNED_IN,
            WRONG_CREDENTIALS,
            THROTTLED
        }
    }

    /** A new user of the organization; 404 for an unknown organization, 409 for an email in use. */
    @Transactional
    public ConsoleUserView createUser(String organizationId, NewUser user) {
        String email = normalisedEmail(user.email());
        Role role = checked(email, user.password(), user.role());
        if (!organizations.exists(organizationId)) {
            throw ApiException.notFound("Organization not found");
        }
        return repository
                .insert(organizationId, Ids.newId("usr"), email, encoder.encode(user.password()), role)
                .orElseThrow(() -> ApiException.conflict("A user with this email already exists"));
    }

    public Page<ConsoleUserView> listUsers(String organizationId, PageRequest page) {
        return Page.fromOverfetch(
                repository.list(organizationId, page.after(), page.fetchSize()), page.limit(), ConsoleUserView::id);
    }

    /**
     * Checks an email and password from the sign-in form. Refused without looking at the password
     * once the email or the address has too many recent failures.
     */
    @Transactional
    public SignIn signIn(String email, String password, String address) {
        String normalised = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        String emailSubject = "email:" + normalised;
        String addressSubject = "address:" + (address == null ? "" : address);
        if (repository.failures(emailSubject, properties.failureWindow()) >= properties.failuresPerEmail()
                || repository.failures(addressSubject, properties.failureWindow()) >= properties.failuresPerAddress()) {
            return new SignIn(SignIn.Outcome.THROTTLED, null);
        }
        Optional<ConsoleUserRepository.StoredUser> stored =
                normalised.length() > MAX_EMAIL ? Optional.empty() : repository.findActive(normalised);
        boolean matches = password != null
                && password.getBytes(StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES
                && encoder.matches(password, stored.map(u -> u.passwordHash()).orElse(unknownUserHash));
        if (stored.isEmpty() || !matches) {
            repository.recordFailure(emailSubject, properties.failureWindow());
            repository.recordFailure(addressSubject, properties.failureWindow());
            return new SignIn(SignIn.Outcome.WRONG_CREDENTIALS, null);
        }
        repository.forgetFailures(emailSubject);
        var user = stored.get();
        return new SignIn(
                SignIn.Outcome.SIGNED_IN, new ConsoleUser(user.organizationId(), user.id(), user.email(), user.role()));
    }

    /** Demo mode's published user: created, or enabled again with the published password. */
    @Transactional
    public void ensureDemoUser(String organizationId, String userId, String email, String password) {
        repository.upsertDemo(organizationId, userId, email, encoder.encode(password), Role.ADMIN);
    }

    /** Signs no one in any more for this organization (demo mode turned off). */
    @Transactional
    public int disableUsers(String organizationId) {
        return repository.disableAll(organizationId);
    }

    private static String normalisedEmail(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    private static Role checked(String email, String password, String role) {
        List<String> errors = new ArrayList<>();
        if (email == null
                || email.isEmpty()
                || email.length() > MAX_EMAIL
                || email.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))
                || email.indexOf('@') < 1
                || email.indexOf('@') != email.lastIndexOf('@')
                || email.endsWith("@")) {
            errors.add("email must be an email address of at most " + MAX_EMAIL + " characters");
        }
        if (password == null
                || password.codePointCount(0, password.length()) < MIN_PASSWORD
                || password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES
                || password.chars().anyMatch(c -> c == 0)) {
            errors.add("password must be " + MIN_PASSWORD + " characters or more and at most " + MAX_PASSWORD_BYTES
                    + " bytes, without NUL");
        }
        Optional<Role> parsed = Role.parse(role);
        if (parsed.isEmpty()) {
            errors.add("role must be one of admin, operator, viewer");
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return parsed.get();
    }
}
