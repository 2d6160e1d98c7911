package sc.fiji.stylegan2.model.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sc.fiji.stylegan2.model.latent.Latents;

class LatentInterpolationTest {

    @Test
    void slerpOfOrthogonalUnitVectorsStaysOnTheCircle() {
        float[] a = {1, 0}, b = {0, 1};
        float[] mid = LatentInterpolation.slerp(a, b, 0.5);
        assertArrayEquals(new float[] {(float) Math.sqrt(0.5), (float) Math.sqrt(0.5)}, mid, 1e-6f);
        float[] third = LatentInterpolation.slerp(a, b, 1.0 / 3);
        assertArrayEquals(
                new float[] {(float) Math.cos(Math.PI / 6), (float) Math.sin(Math.PI / 6)},
                third,
                1e-6f);
    }

    @Test
    void slerpEndsAtBothVectorsAndInterpolatesTheLength() {
        float[] a = {3, 0, 0}, b = {0, 0, 5};
        assertArrayEquals(a, LatentInterpolation.slerp(a, b, 0), 1e-6f);
        assertArrayEquals(b, LatentInterpolation.slerp(a, b, 1), 1e-6f);
        assertEquals(4, LatentInterpolation.norm(LatentInterpolation.slerp(a, b, 0.5)), 1e-6);
    }

    @Test
    void slerpOfParallelVectorsDoesNotDivideByZero() {
        assertArrayEquals(
                new float[] {1.5f, 0},
                LatentInterpolation.slerp(new float[] {1, 0}, new float[] {2, 0}, 0.5),
                1e-6f);
    }

    @Test
    void lerpIsAStraightLine() {
        assertArrayEquals(
                new float[] {2.5f, -1},
                LatentInterpolation.lerp(new float[] {0, 0}, new float[] {10, -4}, 0.25));
    }

    @Test
    void pathHasEverySeedAndTheFramesBetweenEachPair() {
        List<InterpolationPath.Frame> path =
                InterpolationPath.of(List.of("seed=3", "seed=7", "seed=9"), 3);
        assertEquals(2 * 4 + 1, path.size());
        assertEquals("seed=3", path.get(0).label());
        assertEquals("seed=3>7 t=0.250", path.get(1).label());
        assertEquals("seed=7", path.get(4).label());
        assertEquals("seed=7>9 t=0.750", path.get(7).label());
        assertEquals("seed=9", path.get(8).label());
        assertEquals(0.5, path.get(6).t(), 1e-12);
    }

    @Test
    void framesBetweenALatentFileAndASeedNameBoth() {
        List<InterpolationPath.Frame> path =
                InterpolationPath.of(List.of("cell_w.npz[0]", "seed=7"), 1);
        assertEquals(
                List.of("cell_w.npz[0]", "cell_w.npz[0]>seed=7 t=0.500", "seed=7"),
                path.stream().map(InterpolationPath.Frame::label).toList());
    }

    @Test
    void latentPathLerpsWsAndNoiseMapsAndKeepsTheKeysExactly() {
        // Two keys, num_ws 1, w_dim 2, one 1x1 noise map each.
        Latents keys =
                new Latents(
                        2,
                        1,
                        2,
                        new float[] {1, 0, 0.1f, 3},
                        Map.of("synthesis.b4.conv1", new float[] {0.3f, -0.7f}));
        Latents frames =
                InterpolationPath.interpolate(InterpolationPath.of(List.of("a", "b"), 3), keys);
        assertEquals(5, frames.count());
        assertArrayEquals(
                new float[] {1, 0, 0.775f, 0.75f, 0.55f, 1.5f, 0.325f, 2.25f, 0.1f, 3},
                frames.ws(),
                1e-6f);
        float[] noise = frames.noise().get("synthesis.b4.conv1");
        assertArrayEquals(new float[] {0.3f, 0.05f, -0.2f, -0.45f, -0.7f}, noise, 1e-6f);
        assertEquals(0.1f, frames.ws()[8], 0f);
        assertEquals(-0.7f, noise[4], 0f);
    }

    @Test
    void pathInterpolatesKeysInTheChosenSpace() {
        List<InterpolationPath.Frame> path = InterpolationPath.of(List.of("seed=0", "seed=1"), 1);
        float[][] keys = {{1, 0}, {0, 1}};
        assertArrayEquals(
                new float[] {1, 0, 0.5f, 0.5f, 0, 1},
                InterpolationPath.interpolate(path, keys, LatentSpace.W),
                1e-6f);
        float s = (float) Math.sqrt(0.5);
        assertArrayEquals(
                new float[] {1, 0, s, s, 0, 1},
                InterpolationPath.interpolate(path, keys, LatentSpace.Z),
                1e-6f);
    }

    @Test
    void aPathNeedsTwoKeysAndAFrameBetween() {
        assertThrows(
                IllegalArgumentException.class, () -> InterpolationPath.of(List.of("seed=1"), 4));
        assertThrows(
                IllegalArgumentException.class,
                () -> InterpolationPath.of(List.of("seed=1", "seed=2"), 0));
        assertThrows(IllegalArgumentException.class, () -> LatentSpace.parse("space", "x"));
    }
}
