package sc.fiji.stylegan2.model.torch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Arithmetic with constants that stays correct under autograd.
 *
 * <p>DJL's {@code NDArray.mul(Number)}, {@code div(Number)} and {@code pow(Number)} (PyTorch engine
 * 0.35) wrap the number in a 0-dim tensor over a Java direct buffer ({@code torch::from_blob}, no
 * copy) and close it right after the operation. When the operation records a backward node, the
 * node keeps that tensor (a product saves the other factor, a power its exponent), but nothing
 * keeps the buffer: the JVM may free and reuse it before the backward pass reads it. The result is
 * a NaN gradient now and then (about one backward pass of the synthesis network in a thousand) and,
 * when the memory is reused by malloc, heap corruption. A constant made by {@code NDManager.full}
 * lives in libtorch's own memory, which the graph keeps alive by reference count. Use these
 * wherever the other operand may require a gradient; plain forward passes are not affected.
 */
public final class Scalars {

    private Scalars() {}

    /** {@code x · v}. */
    public static NDArray mul(NDArray x, double v) {
        try (NDArray c = constant(x, v)) {
            return x.mul(c);
        }
    }

    /** {@code x / v}. */
    public static NDArray div(NDArray x, double v) {
        try (NDArray c = constant(x, v)) {
            return x.div(c);
        }
    }

    /** {@code x ^ v}. */
    public static NDArray pow(NDArray x, double v) {
        try (NDArray c = constant(x, v)) {
            return x.pow(c);
        }
    }

    /** A 0-dim constant of x's type in libtorch-owned memory. */
    private static NDArray constant(NDArray x, double v) {
        return x.getManager().full(new Shape(), (float) v, x.getDataType());
    }
}
