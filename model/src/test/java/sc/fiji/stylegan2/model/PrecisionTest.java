package sc.fiji.stylegan2.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PrecisionTest {

    @Test
    void autoPicksFloat32OnACpuWithoutBf16Flags() {
        assertEquals(
                Precision.FP32, Precision.AUTO.resolve(Set.of("sse4_2", "avx2", "avx512f", "fma")));
    }

    @Test
    void autoPicksBf16WithAvx512Bf16() {
        assertEquals(Precision.BF16, Precision.AUTO.resolve(Set.of("avx512f", "avx512_bf16")));
    }

    @Test
    void autoPicksBf16WithAmx() {
        assertEquals(Precision.BF16, Precision.AUTO.resolve(Set.of("amx_tile", "amx_bf16")));
    }

    @Test
    void explicitChoicesIgnoreTheCpu() {
        assertEquals(Precision.FP32, Precision.FP32.resolve(Set.of("avx512_bf16")));
        assertEquals(Precision.BF16, Precision.BF16.resolve(Set.of()));
    }

    @Test
    void keysParseCaseInsensitively() {
        for (Precision p : Precision.values()) {
            assertEquals(p, Precision.parse(" " + p.key().toUpperCase() + " "));
        }
    }

    @Test
    void badKeyNamesTheValidOnes() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Precision.parse("fp16"));
        assertTrue(e.getMessage().contains("fp32, bf16 or auto"), e.getMessage());
    }

    @Test
    void fourHighestResolutionsRunInBf16AsTheOfficialNumFp16Res() {
        // fp16_resolution = max(2^(log2(res) + 1 - 4), 8): 256 → 32, 1024 → 128, 32 → 8.
        assertEquals(32, Precision.lowestBf16Resolution(256));
        assertEquals(128, Precision.lowestBf16Resolution(1024));
        assertEquals(8, Precision.lowestBf16Resolution(32));
        assertEquals(8, Precision.lowestBf16Resolution(8));
    }
}
