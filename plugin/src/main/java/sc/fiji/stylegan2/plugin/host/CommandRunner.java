package sc.fiji.stylegan2.plugin.host;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.scijava.Cancelable;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.display.DisplayPostprocessor;
import org.scijava.event.EventHandler;
import org.scijava.event.EventService;
import org.scijava.event.EventSubscriber;
import org.scijava.module.Module;
import org.scijava.module.ModuleService;
import org.scijava.module.event.ModuleErroredEvent;
import org.scijava.module.process.LoadInputsPreprocessor;
import org.scijava.module.process.PostprocessorPlugin;
import org.scijava.module.process.PreprocessorPlugin;
import org.scijava.module.process.SaveInputsPreprocessor;
import org.scijava.plugin.PluginService;

/**
 * Runs a SciJava command without a user interface and reports how it ended.
 *
 * <p>The command runs through {@link ModuleService} with SciJava's standard pre- and
 * post-processing (service injection, initializers, input checks), minus three steps that belong to
 * interactive use: it neither loads nor saves remembered input values (a headless run must not
 * depend on, or change, what Fiji's dialogs remember; every input is given explicitly instead) and
 * does not display outputs (the caller prints or saves them). Errors thrown by the command are
 * taken here instead of being logged with a stack trace.
 */
public final class CommandRunner {

    /**
     * How a run ended: finished, canceled by the command (with its reason), or failed with an
     * exception.
     */
    public record Outcome(Module module, String cancelReason, Throwable error) {

        /** True when the command ran to the end. */
        public boolean finished() {
            return cancelReason == null && error == null;
        }
    }

    private final Context context;

    public CommandRunner(Context context) {
        this.context = context;
    }

    /** Runs the command with the given inputs (keyed by parameter name) and waits for it. */
    public Outcome run(CommandInfo info, Map<String, Object> inputs) throws InterruptedException {
        return run(create(info), inputs);
    }

    /**
     * A new instance of the command, for callers that watch it while it runs (e.g. to cancel it).
     */
    public Module create(CommandInfo info) {
        return context.service(ModuleService.class).createModule(info);
    }

    /** Runs a module made by {@link #create} with the given inputs and waits for it. */
    public Outcome run(Module module, Map<String, Object> inputs) throws InterruptedException {
        ModuleService modules = context.service(ModuleService.class);
        ErrorCatcher catcher = new ErrorCatcher(module);
        EventService events = context.service(EventService.class);
        List<EventSubscriber<?>> subscriptions = events.subscribe(catcher);
        try {
            modules.run(module, preprocessors(), postprocessors(), inputs).get();
        } catch (ExecutionException e) {
            return new Outcome(module, null, catcher.error != null ? catcher.error : e.getCause());
        } finally {
            events.unsubscribe(subscriptions);
        }
        if (catcher.error != null) {
            return new Outcome(module, null, catcher.error);
        }
        if (module instanceof Cancelable cancelable && cancelable.isCanceled()) {
            String reason = cancelable.getCancelReason();
            return new Outcome(
                    module, reason == null || reason.isBlank() ? "canceled" : reason, null);
        }
        return new Outcome(module, null, null);
    }

    private List<PreprocessorPlugin> preprocessors() {
        return context
                .service(PluginService.class)
                .createInstancesOfType(PreprocessorPlugin.class)
                .stream()
                .filter(
                        p ->
                                !(p instanceof LoadInputsPreprocessor)
                                        && !(p instanceof SaveInputsPreprocessor))
                .collect(Collectors.toList());
    }

    private List<PostprocessorPlugin> postprocessors() {
        return context
                .service(PluginService.class)
                .createInstancesOfType(PostprocessorPlugin.class)
                .stream()
                .filter(p -> !(p instanceof DisplayPostprocessor))
                .collect(Collectors.toList());
    }

    /** Takes the error event of one module so that SciJava does not log it. */
    private static final class ErrorCatcher {
        private final Module module;
        private volatile Throwable error;

        ErrorCatcher(Module module) {
            this.module = module;
        }

        @EventHandler
        void onEvent(ModuleErroredEvent event) {
            if (event.getModule() == module) {
                event.consume();
                error = event.getException();
            }
        }
    }
}
