package sc.fiji.stylegan2.model.project;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import sc.fiji.stylegan2.model.latent.Latents;

/**
 * The lowest-loss latents seen so far, per image: what the projector returns, also when it is
 * canceled.
 *
 * <p>Deviation: the official projector returns the last w. Keeping the best one costs a copy when
 * an image improves, and gives the same answer when the loss falls to the end (the usual case with
 * the ramped-down learning rate); it matters when the user stops early. While the w noise is on,
 * the recorded loss is that of {@code w + noise}, the one the optimiser measured; the last
 * evaluation is noise-free.
 */
final class BestLatents {

    private final float[] loss;
    private Latents best;

    BestLatents(int count) {
        this.loss = new float[count];
        Arrays.fill(loss, Float.POSITIVE_INFINITY);
    }

    /** Keeps the images of {@code current} whose loss beats their best so far. */
    void offer(float[] losses, ProjectionVariables current) {
        boolean any = false;
        for (int i = 0; i < loss.length; i++) {
            any |= losses[i] < loss[i];
        }
        if (!any) {
            return;
        }
        Latents now = current.latents();
        if (best == null) {
            best = now;
            System.arraycopy(losses, 0, loss, 0, loss.length);
            return;
        }
        float[] ws = best.ws().clone();
        Map<String, float[]> noise = new LinkedHashMap<>();
        best.noise().forEach((layer, v) -> noise.put(layer, v.clone()));
        int perW = now.numWs() * now.wDim();
        for (int i = 0; i < loss.length; i++) {
            if (losses[i] < loss[i]) {
                loss[i] = losses[i];
                System.arraycopy(now.ws(), i * perW, ws, i * perW, perW);
                int image = i;
                noise.forEach(
                        (layer, v) -> {
                            int size = v.length / loss.length;
                            System.arraycopy(
                                    now.noise().get(layer), image * size, v, image * size, size);
                        });
            }
        }
        best = new Latents(now.count(), now.numWs(), now.wDim(), ws, noise);
    }

    Latents latents() {
        return best;
    }

    float[] losses() {
        return loss.clone();
    }
}
