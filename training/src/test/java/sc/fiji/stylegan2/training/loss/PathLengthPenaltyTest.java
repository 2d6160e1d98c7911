package sc.fiji.stylegan2.training.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sc.fiji.stylegan2.model.NoiseMode;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.network.Generator;
import sc.fiji.stylegan2.model.network.SynthesisOptions;
import sc.fiji.stylegan2.model.nn.ModconvStrategy;
import sc.fiji.stylegan2.training.Tiny;

class PathLengthPenaltyTest {

    // A linear "generator": img[n] = Σ_{k,j} ws[n,k,j] · B[k,j], ws [2, 2, 3], images [2, 1, 2, 2].
    private static final float[] WS = {1, 0, -1, 2, 1, 0, /* n = 1 */ 0.5f, 0.5f, 0, -1, 0, 1};
    private static final float[] B = {
        1, 0, 0, 1, /* */ 0, 2, 0, 0, /* */ 1, 1, 1, 1, /* */ 0, 0, 3, 0,
        /* */ -1, 0, 0, 0, /* */ 0, 1, -1, 0
    };
    private static final float[] Y = {0.5f, -0.5f, 1, 0, /* n = 1 */ 0, 2, -1, 1};

    /** ‖J_wᵀ y‖ by hand: (J_wᵀ y)[n,k,j] = Σ_p y[n,p] B[k,j,p]; length = sqrt(mean_k Σ_j g²). */
    private static double length(int n) {
        double sumK = 0;
        for (int k = 0; k < 2; k++) {
            for (int j = 0; j < 3; j++) {
                double g = 0;
                for (int p = 0; p < 4; p++) {
                    g += Y[n * 4 + p] * B[(k * 3 + j) * 4 + p];
                }
                sumK += g * g;
            }
        }
        return Math.sqrt(sumK / 2);
    }

    @Test
    void penaltyOfALinearGeneratorIsHandComputed() {
        double plMean0 = 0.5, decay = 0.25;
        double l0 = length(0), l1 = length(1);
        double a = plMean0 + decay * ((l0 + l1) / 2 - plMean0);
        try (NDManager m = NDManager.newBaseManager();
                GradientOp op = new GradientOp(m)) {
            PathLengthPenalty pl = new PathLengthPenalty(2, decay, plMean0, op);
            NDArray ws = m.create(WS, new Shape(2, 2, 3));
            ws.setRequiresGradient(true);
            float[] penalty;
            float[] loss;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray img =
                        ws.reshape(2, 6).matMul(m.create(B, new Shape(6, 4))).reshape(2, 1, 2, 2);
                NDArray p = pl.penalty(img, ws, m.create(Y, new Shape(2, 1, 2, 2)));
                penalty = p.toFloatArray();
                loss = pl.loss(p).toFloatArray();
            }
            float p0 = (float) ((l0 - a) * (l0 - a)), p1 = (float) ((l1 - a) * (l1 - a));
            assertArrayEquals(new float[] {p0, p1}, penalty, 1e-5f);
            assertArrayEquals(new float[] {2 * p0, 2 * p1}, loss, 1e-5f);
            assertEquals(a, pl.plMean(), 1e-6);
        }
    }

    @Test
    void noiseHasStandardDeviationOneOverSqrtOfThePixelCount() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray y = PathLengthPenalty.noise(m.zeros(new Shape(2, 1, 64, 64)));
            double std = Math.sqrt(y.square().mean().getFloat());
            assertEquals(1 / 64.0, std, 0.03 / 64);
        }
    }

    /**
     * The penalty's gradient w.r.t. the last toRGB weights (no activation follows them, so the
     * penalty is smooth in them) against finite differences, with the gradient through the running
     * mean included.
     */
    @Test
    void penaltyGradientOnGWeightsMatchesFiniteDifferences() {
        try (StyleGAN2Model model = Tiny.model(1, 6);
                GradientOp op = new GradientOp(model.manager())) {
            Generator g = model.trainingGenerator();
            NDManager m = model.manager();
            NDArray ws = g.mapping().forward(m.randomNormal(new Shape(2, 16)), 1, null);
            NDArray y = PathLengthPenalty.noise(m.zeros(Tiny.imageShape(2, 1)));
            SynthesisOptions constant =
                    SynthesisOptions.of(NoiseMode.CONST).withModconv(ModconvStrategy.UNFUSED);
            // A fresh penalty per evaluation keeps its running mean fixed.
            Tiny.Slopes s =
                    Tiny.slopesAlong(
                            Tiny.param(g, "synthesis.b8.torgb.weight"),
                            13,
                            ws,
                            x ->
                                    new PathLengthPenalty(2, 0.5, 0.1, op)
                                            .penalty(g.synthesis().forward(x, constant), x, y)
                                            .mean());
            assertEquals(
                    s.finiteDifferences(),
                    s.autograd(),
                    2e-3 * Math.abs(s.finiteDifferences()) + 1e-6);
        }
    }

    /**
     * The path-length phase's form ({@link ModconvStrategy#UNFUSED_POLYPHASE}, the FIR filter
     * folded into the upsampling convolution) gives the official form's penalty and second-order
     * gradients on every G weight, up to float rounding of the regrouped sums.
     */
    @Test
    void penaltyAndGradientsAreTheSameWithTheFilterFoldedIntoTheUpsampling() {
        try (StyleGAN2Model model = Tiny.model(3, 8);
                GradientOp op = new GradientOp(model.manager())) {
            Generator g = model.trainingGenerator();
            NDManager m = model.manager();
            NDArray ws = g.mapping().forward(m.randomNormal(new Shape(2, 16)), 1, null);
            ws.setRequiresGradient(true);
            NDArray y = PathLengthPenalty.noise(m.zeros(Tiny.imageShape(2, 3)));
            Map<String, NDArray> params = g.synthesis().namedParameters();
            params.values().forEach(p -> p.setRequiresGradient(true));
            List<float[]> penalties = new ArrayList<>();
            List<Map<String, float[]>> gradients = new ArrayList<>();
            for (ModconvStrategy form :
                    new ModconvStrategy[] {
                        ModconvStrategy.UNFUSED, ModconvStrategy.UNFUSED_POLYPHASE
                    }) {
                SynthesisOptions opt = SynthesisOptions.of(NoiseMode.CONST).withModconv(form);
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray penalty =
                            new PathLengthPenalty(2, 0.5, 0.1, op)
                                    .penalty(g.synthesis().forward(ws, opt), ws, y);
                    penalties.add(penalty.toFloatArray());
                    gc.backward(penalty.sum());
                }
                Map<String, float[]> grads = new LinkedHashMap<>();
                params.forEach((name, p) -> grads.put(name, p.getGradient().toFloatArray()));
                gradients.add(grads);
                Tiny.zeroGradients(g);
            }
            assertArrayEquals(penalties.get(0), penalties.get(1), 1e-5f * max(penalties.get(0)));
            int upsampling = 0;
            for (String name : params.keySet()) {
                float[] a = gradients.get(0).get(name), b = gradients.get(1).get(name);
                assertArrayEquals(a, b, 1e-4f * max(a) + 1e-9f, name);
                upsampling += name.endsWith("conv0.weight") && max(a) > 0 ? 1 : 0;
            }
            // The upsampling layers' own weights take second-order gradient.
            assertTrue(upsampling > 0);
        }
    }

    private static float max(float[] v) {
        float max = 0;
        for (float x : v) {
            max = Math.max(max, Math.abs(x));
        }
        return max;
    }
}
