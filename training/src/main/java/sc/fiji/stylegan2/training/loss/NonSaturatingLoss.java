package sc.fiji.stylegan2.training.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/**
 * The non-saturating logistic GAN loss (Goodfellow et al. 2014, Sec. 3; StyleGAN2 Sec. 2 keeps it),
 * per image from the discriminator's logits l = D(x), with σ the logistic function:
 *
 * <pre>
 *   generator:             softplus(−D(G(z)))  = −log σ(D(G(z)))         (maximise the fakes' logits)
 *   discriminator, fakes:  softplus(D(G(z)))   = −log(1 − σ(D(G(z))))
 *   discriminator, reals:  softplus(−D(x))     = −log σ(D(x))
 * </pre>
 *
 * Official {@code loss_Gmain}, {@code loss_Dgen} and {@code loss_Dreal}.
 */
public final class NonSaturatingLoss {

    private NonSaturatingLoss() {}

    /** {@code softplus(−l)} per image: the generator's loss on its fakes' logits. */
    public static NDArray generator(NDArray fakeLogits) {
        return Activation.softPlus(fakeLogits.neg());
    }

    /** {@code softplus(l)} per image: the discriminator's loss on fakes. */
    public static NDArray discriminatorFake(NDArray fakeLogits) {
        return Activation.softPlus(fakeLogits);
    }

    /** {@code softplus(−l)} per image: the discriminator's loss on reals. */
    public static NDArray discriminatorReal(NDArray realLogits) {
        return Activation.softPlus(realLogits.neg());
    }
}
