package sc.fiji.stylegan2.model.direction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import sc.fiji.stylegan2.model.latent.Latents;

class LatentShiftTest {

    @Test
    void everyAmountGivesOneFrameAndTheNoiseMapsComeAlong() {
        Latents one =
                new Latents(1, 2, 1, new float[] {1, 2}, Map.of("n", new float[] {7, 8, 9, 10}));
        Latents frames = LatentShift.apply(one, new float[] {10, 20}, new double[] {0, 0.5});
        assertArrayEquals(new float[] {1, 2, 6, 12}, frames.ws());
        assertArrayEquals(new float[] {7, 8, 9, 10, 7, 8, 9, 10}, frames.noise().get("n"));
    }
}
