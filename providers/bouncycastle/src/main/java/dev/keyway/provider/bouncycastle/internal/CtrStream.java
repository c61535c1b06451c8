package dev.keyway.provider.bouncycastle.internal;

import dev.keyway.api.spi.BulkCipherAlgorithm.BulkCipher;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.CTRModeCipher;
import org.bouncycastle.crypto.modes.SICBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * One direction of an AES-CTR session: BC's SIC (counter) mode keyed once; with a full
 * 16-byte IV it increments the whole block as a 128-bit big-endian counter, as RFC 4344 §4
 * requires, and the counter runs on from packet to packet.
 */
final class CtrStream implements BulkCipher {
    private final CTRModeCipher ctr = SICBlockCipher.newInstance(AESEngine.newInstance());

    CtrStream(byte[] key, byte[] iv) {
        ctr.init(true, new ParametersWithIV(new KeyParameter(key), iv));
    }

    @Override
    public void update(byte[] buf, int off, int len) {
        ctr.processBytes(buf, off, len, buf, off);
    }
}
