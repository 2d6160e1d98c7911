package sc.fiji.stylegan2.model.direction;

import java.util.LinkedHashMap;
import java.util.Map;
import sc.fiji.stylegan2.model.latent.Latents;

/**
 * Moves latents along one shift Δ {@code [num_ws, w_dim]} by several amounts: {@code w' = w + a Δ}
 * for every latent and every amount a, input-major (the frames of one latent are consecutive). A
 * latent's noise maps come along to every one of its frames. Condition Transition's class_mean (a =
 * t, Δ the class-mean difference) and Apply Direction (a = strength, Δ = the direction on the
 * chosen ws rows, zero elsewhere) both are this.
 */
public final class LatentShift {

    private LatentShift() {}

    /**
     * @param delta Δ, {@code num_ws * w_dim} values
     * @param amounts the amounts a, one frame each
     * @throws IllegalArgumentException when Δ does not fit the latents
     */
    public static Latents apply(Latents latents, float[] delta, double[] amounts) {
        int per = latents.numWs() * latents.wDim();
        if (delta.length != per) {
            throw new IllegalArgumentException(
                    "a shift of " + delta.length + " values for latents of " + per);
        }
        int n = latents.count() * amounts.length;
        float[] ws = new float[n * per];
        for (int i = 0; i < latents.count(); i++) {
            for (int j = 0; j < amounts.length; j++) {
                int out = (i * amounts.length + j) * per;
                for (int k = 0; k < per; k++) {
                    // w' = w + a Δ
                    ws[out + k] = (float) (latents.ws()[i * per + k] + amounts[j] * delta[k]);
                }
            }
        }
        Map<String, float[]> noise = new LinkedHashMap<>();
        latents.noise()
                .forEach(
                        (layer, maps) -> {
                            int r2 = maps.length / latents.count();
                            float[] repeated = new float[n * r2];
                            for (int f = 0; f < n; f++) {
                                System.arraycopy(
                                        maps, (f / amounts.length) * r2, repeated, f * r2, r2);
                            }
                            noise.put(layer, repeated);
                        });
        return new Latents(n, latents.numWs(), latents.wDim(), ws, noise);
    }

    /**
     * The shift Δ of a direction d {@code [w_dim]} on some ws indices: Δ[l] = d for l in {@code
     * layers}, 0 elsewhere ({@code [num_ws * w_dim]}).
     */
    public static float[] onLayers(float[] direction, int[] layers, int numWs) {
        int wDim = direction.length;
        float[] delta = new float[numWs * wDim];
        for (int l : layers) {
            System.arraycopy(direction, 0, delta, l * wDim, wDim);
        }
        return delta;
    }
}
