package sc.fiji.stylegan2.model.torch;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Arithmetic on a tensor the caller owns (a fresh result nobody else holds): in place when no
 * gradient is being recorded, which saves an allocation and a pass over memory per op at inference;
 * a new tensor otherwise, since autograd may need the original.
 */
public final class Owned {

    private Owned() {}

    public static NDArray mul(NDArray owned, NDArray b) {
        return JniUtils.isGradMode() ? owned.mul(b) : owned.muli(b);
    }

    public static NDArray mul(NDArray owned, double b) {
        // Under autograd the constant must live in libtorch memory (see Scalars); in place it is
        // not recorded.
        return JniUtils.isGradMode() ? Scalars.mul(owned, b) : owned.muli(b);
    }

    public static NDArray add(NDArray owned, NDArray b) {
        return JniUtils.isGradMode() ? owned.add(b) : owned.addi(b);
    }
}
