package sc.fiji.stylegan2.model.torch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValueUtils;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The process's TorchScript modules that stand in for a single operation ({@link
 * TorchScriptArchive}: bfloat16 convolutions, the clamped bias_act), each written and loaded once
 * per class name and kept for the life of the process, shared by all threads.
 */
public final class ScriptModules {

    private static final Map<String, PtSymbolBlock> MODULES = new ConcurrentHashMap<>();
    private static final NDManager MANAGER = NDManager.newBaseManager();

    private ScriptModules() {}

    /**
     * The module of class {@code className}, loaded from {@code source} (given the class name) the
     * first time it is asked for. The class name must determine the source.
     */
    public static PtSymbolBlock get(String className, UnaryOperator<String> source) {
        return MODULES.computeIfAbsent(
                className,
                n ->
                        TorchScriptArchive.load(
                                MANAGER, TorchScriptArchive.write(n, source.apply(n))));
    }

    /**
     * The module's {@code forward} on {@code inputs}, in training mode (its ops join the callers'
     * autograd graph), returning its one tensor.
     */
    public static NDArray forward(PtSymbolBlock module, NDArray... inputs) {
        return IValueUtils.forward(module, new NDList(inputs), true).singletonOrThrow();
    }
}
