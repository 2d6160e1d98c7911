package sc.fiji.stylegan2.plugin.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The plan Install GPU Support shows, per platform. */
class GpuSupportTest {

    private static final Path CACHE = Path.of("/cache/pytorch");

    @Test
    void linuxPlanNamesTheCu128BuildItsSizeAndDjlsCacheFolder() {
        assertCudaPlan("linux-x86_64");
    }

    @Test
    void windowsPlanNamesTheCu128BuildItsSizeAndDjlsCacheFolder() {
        assertCudaPlan("win-x86_64");
    }

    @Test
    void macPlanSaysThereIsNoCudaBuild() {
        GpuSupport.Plan plan = GpuSupport.plan("osx-aarch64", CACHE);
        assertFalse(plan.cudaBuild());
        assertTrue(plan.text().contains("no CUDA build"), plan.text());
        assertTrue(plan.text().contains("osx-aarch64"), plan.text());
    }

    @Test
    void linuxOnArmHasNoCudaBuild() {
        assertFalse(GpuSupport.plan("linux-aarch64", CACHE).cudaBuild());
    }

    @Test
    void classifierFollowsDjlsNames() {
        assertEquals("linux-x86_64", GpuSupport.classifier("Linux", "amd64"));
        assertEquals("win-x86_64", GpuSupport.classifier("Windows 11", "amd64"));
        assertEquals("osx-aarch64", GpuSupport.classifier("Mac OS X", "aarch64"));
    }

    private static void assertCudaPlan(String classifier) {
        GpuSupport.Plan plan = GpuSupport.plan(classifier, CACHE);
        Path folder =
                CACHE.resolve(GpuSupport.VERSION + "-" + GpuSupport.FLAVOR + "-" + classifier);
        assertTrue(plan.cudaBuild());
        assertEquals(folder, plan.folder());
        for (String part :
                new String[] {
                    folder.toString(),
                    GpuSupport.VERSION,
                    GpuSupport.FLAVOR,
                    GpuSupport.APPROXIMATE_SIZE,
                    classifier
                }) {
            assertTrue(plan.text().contains(part), part + " in " + plan.text());
        }
    }
}
