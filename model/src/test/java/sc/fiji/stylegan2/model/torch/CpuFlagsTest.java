package sc.fiji.stylegan2.model.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CpuFlagsTest {

    @Test
    void readsTheFlagsLineOfTheFirstProcessor() {
        String cpuinfo =
                "processor\t: 0\nmodel name\t: AMD EPYC\nflags\t\t: fpu avx2 avx512_bf16\n"
                        + "bugs\t\t: sysret_ss_attrs\n\nprocessor\t: 1\nflags\t\t: fpu\n";
        assertEquals(Set.of("fpu", "avx2", "avx512_bf16"), CpuFlags.parse(cpuinfo));
    }

    @Test
    void noFlagsLineGivesTheEmptySet() {
        assertEquals(Set.of(), CpuFlags.parse("processor\t: 0\nFeatures\t: neon\n"));
    }
}
