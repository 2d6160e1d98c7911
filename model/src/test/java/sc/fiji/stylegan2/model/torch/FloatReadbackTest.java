package sc.fiji.stylegan2.model.torch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Reading a tensor back into part of a Java array, in one copy. */
class FloatReadbackTest {

    @Test
    void valuesLandAtTheOffsetAndTheRestIsUntouched() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.arange(0f, 6f).reshape(new Shape(2, 3));
            float[] dest = new float[10];
            Arrays.fill(dest, -1);
            FloatReadback.into(x, dest, 3);
            float[] expected = new float[10];
            Arrays.fill(expected, -1);
            System.arraycopy(x.toFloatArray(), 0, expected, 3, 6);
            // exact: both sides are copies of the same floats, no arithmetic in between
            assertArrayEquals(expected, dest, 0f);
        }
    }

    @Test
    void aNonContiguousTensorIsReadInCOrder() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray transposed = m.arange(0f, 6f).reshape(new Shape(2, 3)).transpose();
            float[] dest = new float[6];
            FloatReadback.into(transposed, dest, 0);
            // exact: the same tensor read back twice, a copy each, no arithmetic
            assertArrayEquals(transposed.toFloatArray(), dest, 0f);
        }
    }

    @Test
    void aTensorThatDoesNotFitIsRefused() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.arange(0f, 6f);
            assertThrows(
                    IllegalArgumentException.class, () -> FloatReadback.into(x, new float[8], 3));
        }
    }

    @Test
    void aTensorOfAnotherTypeIsRefused() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.arange(0f, 6f).toType(DataType.FLOAT64, false);
            assertThrows(
                    IllegalArgumentException.class, () -> FloatReadback.into(x, new float[6], 0));
        }
    }
}
