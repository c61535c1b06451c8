package dev.keyway.integration.openssh;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How OpenSSH's {@code ssh} logs in to a Keyway server in the session matrix: with one of the
 * user keys {@code ssh-keygen} made, signing with one algorithm only ({@code
 * PubkeyAcceptedAlgorithms}, so an RSA key is signed rsa-sha2-256 or rsa-sha2-512 as chosen,
 * RFC 8332 §3.2), or with a password that an {@code SSH_ASKPASS} script types (RFC 4252 §8).
 */
enum OpenSshUserLogin {
    ED25519("id_ed25519", "ssh-ed25519"),
    ECDSA("id_ecdsa", "ecdsa-sha2-nistp256"),
    RSA_SHA256("id_rsa", "rsa-sha2-256"),
    RSA_SHA512("id_rsa", "rsa-sha2-512"),
    PASSWORD(null, null);

    /** The file name of the private key in the key directory; null for a password. */
    private final String keyFile;
    /** The only signature algorithm ssh may use for the key. */
    private final String signatureAlgorithm;

    OpenSshUserLogin(String keyFile, String signatureAlgorithm) {
        this.keyFile = keyFile;
        this.signatureAlgorithm = signatureAlgorithm;
    }

    /** The user keys to make: file name and {@code ssh-keygen -t}/{@code -b} arguments. */
    static Map<String, List<String>> keysToGenerate() {
        return Map.of("id_ed25519", List.of("-t", "ed25519"), "id_ecdsa", List.of("-t", "ecdsa", "-b", "256"),
                "id_rsa", List.of("-t", "rsa", "-b", "3072"));
    }

    /** The RFC 4252 method name: what ssh's "Authenticated to ... using" line names. */
    String method() {
        return keyFile == null ? "password" : "publickey";
    }

    /**
     * What the server's authenticator sees succeed: the method and, for a key, its type, which
     * for both RSA signature algorithms is {@code ssh-rsa} (RFC 8332 §3).
     */
    String serverSees() {
        if (keyFile == null) {
            return "password";
        }
        return "publickey " + (signatureAlgorithm.startsWith("rsa-sha2-") ? "ssh-rsa" : signatureAlgorithm);
    }

    /** The signature algorithm ssh signs with, or null for a password. */
    String signatureAlgorithm() {
        return signatureAlgorithm;
    }

    /**
     * The {@code -o} and {@code -i} arguments that make ssh try this one way and no other. For
     * a password, BatchMode must stay off (it would forbid the askpass prompt); one prompt is
     * allowed, so a wrong password ends the login at once.
     */
    List<String> sshArguments(Path keyDirectory) {
        List<String> args = new ArrayList<>();
        if (keyFile == null) {
            args.addAll(List.of("-o", "PreferredAuthentications=password", "-o", "PubkeyAuthentication=no",
                    "-o", "BatchMode=no", "-o", "NumberOfPasswordPrompts=1"));
        } else {
            args.addAll(List.of("-i", keyDirectory.resolve(keyFile).toString(),
                    "-o", "PreferredAuthentications=publickey", "-o", "PasswordAuthentication=no",
                    "-o", "KbdInteractiveAuthentication=no", "-o", "BatchMode=yes",
                    "-o", "PubkeyAcceptedAlgorithms=" + signatureAlgorithm));
        }
        args.addAll(List.of("-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none"));
        return args;
    }

    /**
     * The environment for the askpass prompt: {@code SSH_ASKPASS_REQUIRE=force} makes ssh run
     * the script even without a terminal, and DISPLAY is set for OpenSSH releases that still
     * look at it. Nothing for a key.
     */
    Map<String, String> environment(Path askpassScript) {
        return keyFile == null
                ? Map.of("SSH_ASKPASS", askpassScript.toString(), "SSH_ASKPASS_REQUIRE", "force", "DISPLAY", ":0")
                : Map.of();
    }
}
