package dev.keyway.provider.userauth;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.auth.InteractivePrompt;
import dev.keyway.api.auth.InteractivePrompter;
import dev.keyway.api.auth.InteractiveRound;
import dev.keyway.api.auth.KeyboardInteractiveAuthenticator;
import dev.keyway.api.auth.KeyboardInteractiveDialogue;
import dev.keyway.api.auth.PasswordAuthenticator;
import dev.keyway.api.auth.PasswordSource;
import dev.keyway.api.auth.PublicKeyAuthenticator;
import dev.keyway.api.auth.UserAuthMethod;
import dev.keyway.api.auth.UserKeyPairs;
import dev.keyway.api.spi.SignatureAlgorithm;
import dev.keyway.conformance.GeneratedKeys;
import dev.keyway.conformance.UserAuthFixture;
import dev.keyway.provider.jca.JcaAlgorithmProvider;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The credentials the user authentication suite runs the standard methods with: one user,
 * "carol", whose server-side checks know her and nobody else, and treat strangers like a
 * wrong answer (as the authenticator interfaces ask).
 */
final class MethodFixtures {
    static final String USER = "carol";
    static final AlgorithmRegistry REGISTRY = AlgorithmRegistry.builder()
            .add(new JcaAlgorithmProvider()).add(new UserAuthAlgorithmProvider()).build();

    private MethodFixtures() {
    }

    static UserAuthMethod method(String name) {
        return REGISTRY.userAuthMethod(name).orElseThrow();
    }

    static UserAuthFixture none() {
        return UserAuthFixture.withoutSecret(USER, Map.of(), Map.of());
    }

    static UserAuthFixture password() {
        PasswordAuthenticator check = (user, pw) -> USER.equals(user) && "hunter2".equals(new String(pw));
        return UserAuthFixture.withSecret(USER,
                Map.of(PasswordSource.class, PasswordSource.once("hunter2".toCharArray())),
                Map.of(PasswordSource.class, PasswordSource.once("hunter3".toCharArray())),
                Map.of(PasswordAuthenticator.class, check));
    }

    static UserAuthFixture keyboardInteractive() {
        InteractiveRound round = new InteractiveRound("", "", List.of(new InteractivePrompt("Code: ", false)));
        KeyboardInteractiveAuthenticator check = (user, submethods) -> new KeyboardInteractiveDialogue() {
            @Override
            public Step begin() {
                return new Step.Ask(round);
            }

            @Override
            public Step respond(List<char[]> responses) {
                boolean right = USER.equals(user) && responses.size() == 1 && "424242".equals(new String(responses.get(0)));
                return right ? new Step.Accept() : new Step.Reject();
            }
        };
        return UserAuthFixture.withSecret(USER,
                Map.of(InteractivePrompter.class, answering("424242")),
                Map.of(InteractivePrompter.class, answering("000000")),
                Map.of(KeyboardInteractiveAuthenticator.class, check));
    }

    private static InteractivePrompter answering(String code) {
        return (user, round) -> Optional.of(round.prompts().stream().map(p -> code.toCharArray()).toList());
    }

    /** Carol's key and a key she does not have, both of the signature algorithm's key type. */
    static UserAuthFixture publicKey(String signatureAlgorithm) {
        SignatureAlgorithm alg = REGISTRY.signature(signatureAlgorithm).orElseThrow();
        KeyPair hers = GeneratedKeys.of("jca", alg, 0);
        KeyPair other = GeneratedKeys.of("jca", alg, 1);
        PublicKeyAuthenticator check = (user, key) -> USER.equals(user)
                && Arrays.equals(key.getEncoded(), hers.getPublic().getEncoded());
        return UserAuthFixture.withSecret(USER,
                Map.of(UserKeyPairs.class, UserKeyPairs.of(hers)),
                Map.of(UserKeyPairs.class, UserKeyPairs.of(other)),
                Map.of(PublicKeyAuthenticator.class, check));
    }
}
