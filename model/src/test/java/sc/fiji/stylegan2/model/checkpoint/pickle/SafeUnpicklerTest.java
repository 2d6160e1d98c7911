package sc.fiji.stylegan2.model.checkpoint.pickle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sc.fiji.stylegan2.model.checkpoint.CheckpointFormatException;
import sc.fiji.stylegan2.model.checkpoint.PickleBytes;

class SafeUnpicklerTest {

    private static Object load(Map<String, Object> globals, byte[] pickle)
            throws CheckpointFormatException {
        CountingInputStream in =
                new CountingInputStream(new ByteArrayInputStream(pickle), pickle.length);
        return new SafeUnpickler("test.pkl", globals, null).loadFrom(in);
    }

    /** A legacy torch.save blob of one FloatStorage holding 0, 1, ..., n-1. */
    private static byte[] storageBlob(int n) {
        PickleBytes p =
                PickleBytes.legacyTorchPreamble()
                        .proto(2)
                        .mark()
                        .str("storage")
                        .global("torch", "FloatStorage")
                        .str("k")
                        .str("cpu")
                        .integer(n)
                        .none()
                        .tuple()
                        .op('Q')
                        .stop()
                        .proto(2)
                        .op(']')
                        .str("k")
                        .op('a')
                        .stop()
                        .le(n, 8);
        for (int i = 0; i < n; i++) {
            p.le(Float.floatToIntBits(i), 4);
        }
        return p.toBytes();
    }

    @Test
    void storageBlobsAreDroppedFromTheMemoOnceLoaded() throws CheckpointFormatException {
        int n = 1 << 15; // 128 KiB of data: large enough to be released
        byte[] pickle =
                new PickleBytes()
                        .proto(4)
                        .global("torch.storage", "_load_from_bytes")
                        .bytes(storageBlob(n))
                        .op(0x94) // memo 0: the blob
                        .op(0x85)
                        .op(0x94) // memo 1: the argument tuple
                        .reduce()
                        .op('h')
                        .raw(0)
                        .op('h')
                        .raw(1)
                        .op(0x87) // (storage, memo 0, memo 1)
                        .stop()
                        .toBytes();

        Object[] result =
                (Object[])
                        load(
                                Map.of(
                                        "torch.storage._load_from_bytes",
                                        LegacyTorchBlob.loadFromBytes("test.pkl")),
                                pickle);

        TorchStorage storage = assertInstanceOf(TorchStorage.class, result[0]);
        assertEquals(n - 1, storage.values()[n - 1]);
        assertSame(SafeUnpickler.CONSUMED, result[1]);
        assertSame(SafeUnpickler.CONSUMED, ((Object[]) result[2])[0]);
    }

    @Test
    void dictsKeepInsertionOrderAcrossSetitems() throws CheckpointFormatException {
        PickleBytes p = new PickleBytes().proto(2).op('}').mark();
        List<String> keys =
                List.of("zeta", "alpha", "mid", "beta", "omega", "a1", "b2", "c3", "d4", "e5");
        for (String k : keys) {
            p.str(k).none();
        }
        Map<?, ?> dict = (Map<?, ?>) load(Map.of(), p.op('u').stop().toBytes());
        assertEquals(keys, List.copyOf(dict.keySet()));
    }

    @Test
    void callingSomethingThatIsNotAWhitelistedCallableIsAnError() {
        byte[] pickle = new PickleBytes().proto(2).str("os").op(')').reduce().stop().toBytes();
        CheckpointFormatException e =
                assertThrows(CheckpointFormatException.class, () -> load(Map.of(), pickle));
        assertTrue(
                e.getMessage()
                        .startsWith(
                                "test.pkl is damaged or not a StyleGAN2 checkpoint: it calls a str"),
                e.getMessage());
    }

    @Test
    void stackUnderflowBecomesAFormatErrorWithThePosition() {
        byte[] pickle = new PickleBytes().proto(2).reduce().stop().toBytes();
        CheckpointFormatException e =
                assertThrows(CheckpointFormatException.class, () -> load(Map.of(), pickle));
        assertTrue(e.getMessage().contains("cannot be read at byte 3"), e.getMessage());
    }
}
