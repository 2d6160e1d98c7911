package sc.fiji.stylegan2.training.loop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.network.Generator;
import sc.fiji.stylegan2.training.Tiny;

class GeneratorEmaTest {

    @Test
    void betaIsHalfToTheBatchOverTheHalfLifeInImages() {
        GeneratorEma ema = new GeneratorEma(10, null);
        assertEquals(Math.pow(0.5, 32 / 10_000.0), ema.beta(1_000_000, 32), 1e-15);
        assertEquals(
                Math.pow(0.5, 32 / 10_000.0),
                ema.beta(0, 32),
                1e-15,
                "no ramp-up: the same from the start");
    }

    @Test
    void rampUpShortensTheHalfLifeEarlyOn() {
        GeneratorEma ema = new GeneratorEma(2.5, 0.05);
        assertEquals(
                Math.pow(0.5, 8 / 50.0),
                ema.beta(1000, 8),
                1e-15); // min(2500, 1000 · 0.05) = 50 images
        assertEquals(Math.pow(0.5, 8 / 2500.0), ema.beta(1_000_000, 8), 1e-15); // min(2500, 50000)
        assertEquals(0, ema.beta(0, 8), "the first minibatch copies G");
    }

    @Test
    void updateLerpsParametersAndCopiesWAvg() {
        try (StyleGAN2Model a = Tiny.model(1, 1);
                StyleGAN2Model b = Tiny.model(1, 2)) {
            Generator g = a.trainingGenerator();
            Generator gEma = b.generator();
            g.mapping().wAvg().set(new float[16]);
            g.mapping().wAvg().addi(3);
            float[] theta = Tiny.param(g, "mapping.fc0.weight").toFloatArray();
            float[] emaBefore = Tiny.param(gEma, "mapping.fc0.weight").toFloatArray();
            try (EmaUpdate update = new EmaUpdate(g, gEma, b.manager())) {
                update.apply(0.75);
            }
            float[] expected = new float[theta.length];
            for (int i = 0; i < theta.length; i++) {
                expected[i] = theta[i] + 0.75f * (emaBefore[i] - theta[i]); // lerp(θ, θ_ema, β)
            }
            assertArrayEquals(
                    expected,
                    Tiny.param(gEma, "mapping.fc0.weight").toFloatArray(),
                    1e-4f); // values ~100: ulp 1e-5
            float[] threes = new float[16];
            java.util.Arrays.fill(threes, 3);
            assertArrayEquals(threes, gEma.mapping().wAvg().toFloatArray());
            assertEquals(new Shape(16), gEma.mapping().wAvg().getShape());
        }
    }
}
