package sc.fiji.stylegan2.plugin.command;

import org.scijava.plugin.Parameter;

/**
 * Base of the commands that generate with the model: the {@code condition} key, the class of a
 * conditional model's images (official {@code c_dim > 0}; {@code generate.py --class}). A
 * conditional model given no condition, and an unconditional model given one, fail with a message
 * naming the key and the model's classes ({@link sc.fiji.stylegan2.model.generate.ClassLabels}).
 */
public abstract class ConditionCommand extends NetworkCommand {

    @Parameter(
            label = "Condition (class)",
            required = false,
            persist =
                    false, // a remembered class would be refused by the next, unconditional, model
            description = Descriptions.CONDITION)
    protected String condition = "";
}
