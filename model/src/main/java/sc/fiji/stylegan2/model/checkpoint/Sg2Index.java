package sc.fiji.stylegan2.model.checkpoint;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.Arrays;

/**
 * Typed reads of a {@code .sg2} index ({@code stylegan2.json}) that fail with a {@link
 * CheckpointFormatException} naming the file and the field, never with Gson's or Java's own
 * exceptions. A tensor entry is checked against the size of its network's data before its values
 * are allocated: no negative sizes or offsets, and no shape whose element count runs past the end
 * of the data.
 */
final class Sg2Index {

    /**
     * One checked entry of a network's tensor index: its values are {@code data[offset, offset +
     * numel)}.
     */
    record Tensor(String name, long[] shape, long offset, long numel) {}

    private Sg2Index() {}

    static JsonObject object(String f, JsonObject o, String key, String where)
            throws CheckpointFormatException {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonObject()) {
            throw missing(f, key, where, "an object");
        }
        return e.getAsJsonObject();
    }

    static JsonArray array(String f, JsonObject o, String key, String where)
            throws CheckpointFormatException {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonArray()) {
            throw missing(f, key, where, "a list");
        }
        return e.getAsJsonArray();
    }

    static int integer(String f, JsonObject o, String key, String where)
            throws CheckpointFormatException {
        long v = wholeNumber(f, o.get(key), key, where);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw Sg2Checkpoint.damaged(f, key + " in " + where + " is out of range");
        }
        return (int) v;
    }

    /**
     * Checks one tensor entry ({@code name}, {@code shape}, {@code offset}) of network {@code net}
     * whose data holds {@code floats} values.
     */
    static Tensor tensor(String f, String net, JsonElement e, long floats)
            throws CheckpointFormatException {
        String where = "the tensor index of " + net;
        if (!e.isJsonObject()) {
            throw Sg2Checkpoint.damaged(f, where + " has an entry that is not an object");
        }
        JsonObject t = e.getAsJsonObject();
        JsonElement n = t.get("name");
        if (n == null || !n.isJsonPrimitive() || !n.getAsJsonPrimitive().isString()) {
            throw missing(f, "name", where, "a text");
        }
        String name = n.getAsString();
        String tensor = net + "/" + name;
        JsonArray s = array(f, t, "shape", tensor);
        long[] shape = new long[s.size()];
        long numel = 1; // the product of the sizes, or Long.MAX_VALUE once it exceeds the data (no
        // overflow)
        boolean empty = false;
        for (int i = 0; i < shape.length; i++) {
            shape[i] = wholeNumber(f, s.get(i), "shape", tensor);
            if (shape[i] < 0) {
                throw Sg2Checkpoint.damaged(f, tensor + " has a negative size in its shape");
            }
            empty |= shape[i] == 0;
            numel =
                    shape[i] == 0
                            ? numel
                            : numel > floats / shape[i] ? Long.MAX_VALUE : numel * shape[i];
        }
        numel = empty ? 0 : numel;
        long offset = wholeNumber(f, t.get("offset"), "offset", tensor);
        if (offset < 0) {
            throw Sg2Checkpoint.damaged(f, tensor + " has a negative offset " + offset);
        }
        if (numel > floats - Math.min(offset, floats)) {
            throw Sg2Checkpoint.damaged(
                    f,
                    tensor
                            + " of shape "
                            + Arrays.toString(shape)
                            + " at offset "
                            + offset
                            + " runs past the end of the "
                            + floats
                            + " values of "
                            + net);
        }
        return new Tensor(name, shape, offset, numel);
    }

    private static long wholeNumber(String f, JsonElement e, String key, String where)
            throws CheckpointFormatException {
        if (e == null || !e.isJsonPrimitive() || !((JsonPrimitive) e).isNumber()) {
            throw missing(f, key, where, "a number");
        }
        double d = e.getAsDouble();
        if (d != Math.rint(d) || Math.abs(d) > 9.0e15) {
            throw Sg2Checkpoint.damaged(f, key + " in " + where + " is not a whole number");
        }
        return e.getAsLong();
    }

    private static CheckpointFormatException missing(
            String f, String key, String where, String kind) {
        return Sg2Checkpoint.damaged(f, where + " lacks " + key + " (" + kind + ")");
    }
}
