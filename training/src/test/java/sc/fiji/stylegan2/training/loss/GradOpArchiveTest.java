package sc.fiji.stylegan2.training.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import sc.fiji.stylegan2.model.torch.TorchScriptArchive;

class GradOpArchiveTest {

    @Test
    void archiveIsTheSameBytesEveryTime() {
        assertArrayEquals(GradOpArchive.bytes(), GradOpArchive.bytes());
    }

    @Test
    void archiveHoldsSourceAndPicklesUnderOneFolder() throws IOException {
        List<String> names = new ArrayList<>();
        String source = null;
        try (ZipInputStream zip =
                new ZipInputStream(new ByteArrayInputStream(GradOpArchive.bytes()))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                names.add(e.getName());
                if (e.getName().endsWith(".py")) {
                    source = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertEquals(
                List.of(
                        "gradop/data.pkl",
                        "gradop/code/__torch__.py",
                        "gradop/constants.pkl",
                        "gradop/version",
                        "gradop/byteorder"),
                names);
        assertTrue(
                source.contains("torch.autograd.grad([torch.sum(y)], [x], None, None, True)"),
                source);
    }

    @Test
    void pickledModuleIsTheTorchScriptObjectLayout() {
        byte[] expected = {
            (byte) 0x80,
            2,
            'c',
            '_',
            '_',
            't',
            'o',
            'r',
            'c',
            'h',
            '_',
            '_',
            '\n',
            'G',
            'r',
            'a',
            'd',
            'O',
            'p',
            '\n',
            ')',
            (byte) 0x81,
            '}',
            '(',
            'X',
            8,
            0,
            0,
            0,
            't',
            'r',
            'a',
            'i',
            'n',
            'i',
            'n',
            'g',
            (byte) 0x88,
            'u',
            'b',
            '.'
        };
        assertArrayEquals(expected, TorchScriptArchive.modulePickle("GradOp"));
        assertArrayEquals(
                new byte[] {(byte) 0x80, 2, ')', '.'}, TorchScriptArchive.constantsPickle());
    }

    @Test
    void gradientOfACubeIsThreeSquares() {
        try (NDManager m = NDManager.newBaseManager();
                GradientOp op = new GradientOp(m)) {
            NDArray x = m.create(new float[] {-2, 0.5f, 3}).reshape(3, 1);
            x.setRequiresGradient(true);
            float[] g;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                g = op.gradient(x.pow(3), x).toFloatArray();
            }
            assertArrayEquals(new float[] {12, 0.75f, 27}, g, 1e-5f);
        }
    }

    @Test
    void gradientCanBeDifferentiatedAgain() {
        // d/dx Σ ∂(x³)/∂x = d/dx Σ 3x² = 6x
        try (NDManager m = NDManager.newBaseManager();
                GradientOp op = new GradientOp(m)) {
            NDArray x = m.create(new float[] {-2, 0.5f, 3});
            x.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(op.gradient(x.pow(3), x).sum());
            }
            assertArrayEquals(new float[] {-12, 3, 18}, x.getGradient().toFloatArray(), 1e-5f);
        }
    }
}
