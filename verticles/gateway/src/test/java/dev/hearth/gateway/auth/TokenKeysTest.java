package dev.hearth.gateway.auth;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(VertxExtension.class)
class TokenKeysTest {
    @TempDir
    Path dir;

    @Test
    void generatesAPemKeyPairWhenNeitherFileExists() throws Exception {
        Path privateKey = dir.resolve("keys/nested/token-private.pem");
        Path publicKey = dir.resolve("keys/nested/token-public.pem");

        TokenKeys keys = TokenKeys.loadOrGenerate(privateKey, publicKey);

        assertThat(Files.readString(privateKey)).isEqualTo(keys.privateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----\n");
        assertThat(Files.readString(publicKey)).isEqualTo(keys.publicKeyPem()).startsWith("-----BEGIN PUBLIC KEY-----\n");
        assertThat(Files.list(privateKey.getParent()).map(p -> p.getFileName().toString()))
                .as("no temporary files left behind")
                .allMatch(name -> name.startsWith("token-"));
    }

    @Test
    void onlyTheOwnerMayReadTheGeneratedPrivateKey() throws Exception {
        Path privateKey = dir.resolve("token-private.pem");
        TokenKeys.loadOrGenerate(privateKey, dir.resolve("token-public.pem"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateKey))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("token-public.pem"))))
                .isEqualTo("rw-r--r--");
    }

    @Test
    void reloadsTheSameKeysSoATokenIssuedBeforeARestartStillVerifies(Vertx vertx) throws Exception {
        Path privateKey = dir.resolve("token-private.pem");
        Path publicKey = dir.resolve("token-public.pem");
        TokenKeys firstStart = TokenKeys.loadOrGenerate(privateKey, publicKey);
        String token = TokenService.create(vertx, firstStart, Duration.ofMinutes(5)).issue(new PlayerIdentity(7, "Alice"));

        TokenKeys secondStart = TokenKeys.loadOrGenerate(privateKey, publicKey);

        assertThat(secondStart.privateKeyPem()).isEqualTo(firstStart.privateKeyPem());
        assertThat(secondStart.publicKeyPem()).isEqualTo(firstStart.publicKeyPem());
        TokenService afterRestart = TokenService.create(vertx, secondStart, Duration.ofMinutes(5));
        assertThat(afterRestart.verify(token).await(5, TimeUnit.SECONDS)).isEqualTo(new PlayerIdentity(7, "Alice"));
    }

    @Test
    void nodesStartingAtOnceAllEndUpWithTheSamePair() throws Exception {
        Path privateKey = dir.resolve("shared/token-private.pem");
        Path publicKey = dir.resolve("shared/token-public.pem");
        int nodes = 4;
        CountDownLatch startTogether = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        try {
            List<Callable<TokenKeys>> starts = IntStream.range(0, nodes).<Callable<TokenKeys>>mapToObj(i -> () -> {
                startTogether.await();
                return TokenKeys.loadOrGenerate(privateKey, publicKey);
            }).toList();
            List<Future<TokenKeys>> results = starts.stream().map(pool::submit).toList();
            startTogether.countDown();

            for (Future<TokenKeys> result : results) {
                TokenKeys keys = result.get(10, TimeUnit.SECONDS);
                assertThat(keys.privateKeyPem()).isEqualTo(Files.readString(privateKey));
                assertThat(keys.publicKeyPem()).isEqualTo(Files.readString(publicKey));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refusesToStartWhenOnlyThePrivateKeyExists() throws Exception {
        Path privateKey = dir.resolve("token-private.pem");
        Path publicKey = dir.resolve("token-public.pem");
        Files.writeString(privateKey, TokenKeys.generate().privateKeyPem());

        assertThatThrownBy(() -> TokenKeys.loadOrGenerate(privateKey, publicKey))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("incomplete")
                .hasMessageContaining(publicKey + " is missing");
        assertThat(publicKey).doesNotExist();
    }

    @Test
    void refusesToStartWhenOnlyThePublicKeyExists() throws Exception {
        Path privateKey = dir.resolve("token-private.pem");
        Path publicKey = dir.resolve("token-public.pem");
        Files.writeString(publicKey, TokenKeys.generate().publicKeyPem());

        assertThatThrownBy(() -> TokenKeys.loadOrGenerate(privateKey, publicKey))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(privateKey + " is missing");
        assertThat(privateKey).doesNotExist();
    }

    @Test
    void refusesAFileThatIsNotAKeyNamingTheFile() throws Exception {
        Path privateKey = dir.resolve("token-private.pem");
        Path publicKey = dir.resolve("token-public.pem");
        Files.writeString(privateKey, "not a key at all\n");
        Files.writeString(publicKey, TokenKeys.generate().publicKeyPem());

        assertThatThrownBy(() -> TokenKeys.loadOrGenerate(privateKey, publicKey))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(privateKey.toString())
                .hasMessageContaining("PRIVATE KEY");
    }

    @Test
    void refusesAKeyPathThatCannotBeRead() throws Exception {
        Path privateKey = dir.resolve("token-private.pem");
        Path publicKey = dir.resolve("token-public.pem");
        Files.createDirectory(privateKey);
        Files.writeString(publicKey, TokenKeys.generate().publicKeyPem());

        assertThatThrownBy(() -> TokenKeys.loadOrGenerate(privateKey, publicKey))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot read token key file " + privateKey);
    }

    @Test
    void refusesKeysFromTwoDifferentPairs() throws Exception {
        Path privateKey = dir.resolve("token-private.pem");
        Path publicKey = dir.resolve("token-public.pem");
        Files.writeString(privateKey, TokenKeys.generate().privateKeyPem());
        Files.writeString(publicKey, TokenKeys.generate().publicKeyPem());

        assertThatThrownBy(() -> TokenKeys.loadOrGenerate(privateKey, publicKey))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("do not belong together");
    }

    @Test
    void neverShowsThePrivateKeyInItsDescription() {
        TokenKeys keys = TokenKeys.generate();

        assertThat(keys.toString()).startsWith("TokenKeys[ES256 ").doesNotContain("PRIVATE");
    }
}
