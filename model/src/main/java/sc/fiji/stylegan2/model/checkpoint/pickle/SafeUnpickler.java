package sc.fiji.stylegan2.model.checkpoint.pickle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.PickleUtils;
import net.razorvine.pickle.Unpickler;
import sc.fiji.stylegan2.model.checkpoint.CheckpointFormatException;

/**
 * A pickle reader that constructs nothing but a fixed set of Python globals, each mapped to a Java
 * value, and that reads length-prefixed values only when the file holds that many bytes.
 *
 * <p>razorvine's {@link Unpickler} decodes the plain opcodes (numbers, strings, tuples, lists,
 * memo). This subclass takes over every opcode that names a global or calls, builds or persistently
 * loads an object, so that no global outside the whitelist is ever looked up, least of all
 * razorvine's process-wide constructor registry. Dicts are insertion-ordered {@link
 * LinkedHashMap}s, as in Python.
 */
public final class SafeUnpickler extends Unpickler {

    /**
     * A whitelisted Python callable (a function or a class) that REDUCE, NEWOBJ, OBJ or INST may
     * call.
     */
    @FunctionalInterface
    interface PyCallable {
        Object call(Object[] args) throws IOException;
    }

    /**
     * A callable that consumes the large bytes objects it is passed: once it returns, the unpickler
     * drops its own references to them (in the memo and in the argument tuple), so that their
     * memory can be reclaimed while reading goes on. A later reference to such bytes reads as
     * {@link #CONSUMED}.
     */
    @FunctionalInterface
    interface BytesConsumer extends PyCallable {}

    /** What the memo holds in place of bytes a {@link BytesConsumer} consumed. */
    static final Object CONSUMED =
            new Object() {
                @Override
                public String toString() {
                    return "bytes already consumed";
                }
            };

    /** A constructed object that accepts the BUILD opcode (Python's {@code __setstate__}). */
    interface Buildable {
        void build(Object state) throws IOException;
    }

    /** Turns a persistent id (a tuple in torch files) into the object it stands for. */
    @FunctionalInterface
    interface PersistentLoader {
        Object load(Object pid) throws IOException;
    }

    private static final short GLOBAL = 'c';
    private static final short STACK_GLOBAL = 0x93;
    private static final short INST = 'i';
    private static final short OBJ = 'o';
    private static final short REDUCE = 'R';
    private static final short NEWOBJ = 0x81;
    private static final short NEWOBJ_EX = 0x92;
    private static final short BUILD = 'b';
    private static final short PERSID = 'P';
    private static final short BINPERSID = 'Q';
    private static final short EMPTY_DICT = '}';
    private static final short DICT = 'd';
    private static final short SETITEMS = 'u';
    private static final short BINSTRING = 'T';
    private static final short BINBYTES = 'B';
    private static final short BINUNICODE = 'X';
    private static final short BINBYTES8 = 0x8e;
    private static final short BINUNICODE8 = 0x8d;
    private static final short BYTEARRAY8 = 0x96;
    private static final short LONG4 = 0x8b;
    private static final short PUT = 'p';
    private static final short BINPUT = 'q';
    private static final short LONG_BINPUT = 'r';
    private static final short MEMOIZE = 0x94;

    /**
     * Bytes objects at least this large are tracked in the memo so that a {@link BytesConsumer} can
     * drop them.
     */
    private static final int CONSUMABLE_BYTES = 1 << 16;

    private final String source;
    private final Map<String, Object> globals;
    private final PersistentLoader persistentLoader;
    private final Map<byte[], Integer> memoizedBytes = new IdentityHashMap<>();
    private CountingInputStream in;

    /**
     * @param source the file's name, for messages
     * @param globals the whitelist: qualified name ({@code module.name}) to the value the global
     *     stands for, a {@link PyCallable} when the pickle may call it
     * @param persistentLoader resolves persistent ids, or null when the pickle must have none
     */
    public SafeUnpickler(
            String source, Map<String, Object> globals, PersistentLoader persistentLoader) {
        this.source = source;
        this.globals = globals;
        this.persistentLoader = persistentLoader;
    }

    /**
     * Reads one pickle from the stream's current position up to its STOP opcode.
     *
     * @return the unpickled object
     * @throws CheckpointFormatException for anything but a well-formed pickle of whitelisted
     *     objects
     */
    public Object loadFrom(CountingInputStream input) throws CheckpointFormatException {
        in = input;
        memoizedBytes.clear();
        try {
            return load(input);
        } catch (CheckpointFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw failure(e);
        }
    }

    private CheckpointFormatException failure(Exception e) {
        if (in.remaining() == 0) {
            return truncated(in.position());
        }
        String detail =
                e instanceof PickleException || e instanceof IOException
                        ? String.valueOf(e.getMessage())
                        : "invalid pickle structure";
        return new CheckpointFormatException(
                source
                        + " is damaged or not a StyleGAN2 checkpoint: its pickle "
                        + "cannot be read at byte "
                        + in.position()
                        + " ("
                        + detail
                        + ")",
                e);
    }

    private CheckpointFormatException truncated(long end) {
        return new CheckpointFormatException(
                source
                        + " is truncated or damaged (ends at byte "
                        + end
                        + " of a pickle). Copy or download the file again.");
    }

    @Override
    protected Object dispatch(short opcode) throws PickleException, IOException {
        if (dispatchObject(opcode) || dispatchData(opcode)) {
            return NO_RETURN_VALUE;
        }
        return super.dispatch(opcode);
    }

    /** The opcodes that look up globals, call them, set state or load persistent ids. */
    private boolean dispatchObject(short opcode) throws IOException {
        switch (opcode) {
            case GLOBAL -> stack.add(resolve(readLine(), readLine()));
            case STACK_GLOBAL -> {
                Object name = stack.pop();
                Object module = stack.pop();
                if (!(module instanceof String m) || !(name instanceof String n)) {
                    throw damaged("STACK_GLOBAL without a module and a name");
                }
                stack.add(resolve(m, n));
            }
            case INST -> {
                Object callable = resolve(readLine(), readLine());
                stack.add(call(callable, stack.pop_all_since_marker().toArray()));
            }
            case OBJ -> {
                List<Object> items = stack.pop_all_since_marker();
                if (items.isEmpty()) {
                    throw damaged("OBJ without a class");
                }
                stack.add(call(items.get(0), items.subList(1, items.size()).toArray()));
            }
            case REDUCE, NEWOBJ -> {
                Object args = stack.pop();
                stack.add(call(stack.pop(), tuple(args)));
            }
            case NEWOBJ_EX -> {
                Object kwargs = stack.pop();
                Object args = stack.pop();
                if (!(kwargs instanceof Map<?, ?> k) || !k.isEmpty()) {
                    throw damaged("NEWOBJ_EX with keyword arguments");
                }
                stack.add(call(stack.pop(), tuple(args)));
            }
            case BUILD -> build();
            case PERSID -> stack.add(persistent(readLine()));
            case BINPERSID -> stack.add(persistent(stack.pop()));
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The opcodes that make ordered dicts, read length-prefixed values or fill the memo. */
    private boolean dispatchData(short opcode) throws IOException {
        switch (opcode) {
            case EMPTY_DICT -> stack.add(new LinkedHashMap<>());
            case DICT -> {
                Map<Object, Object> dict = new LinkedHashMap<>();
                putPairs(dict, stack.pop_all_since_marker());
                stack.add(dict);
            }
            case SETITEMS -> {
                List<Object> pairs = stack.pop_all_since_marker();
                putPairs(asMap(stack.peek()), pairs);
            }
            case BINSTRING -> stack.add(PickleUtils.rawStringFromBytes(readSized(readUnsigned(4))));
            case BINBYTES -> stack.add(readSized(readUnsigned(4)));
            case BINBYTES8, BYTEARRAY8 -> stack.add(readSized(readUnsigned(8)));
            case BINUNICODE ->
                    stack.add(new String(readSized(readUnsigned(4)), StandardCharsets.UTF_8));
            case BINUNICODE8 ->
                    stack.add(new String(readSized(readUnsigned(8)), StandardCharsets.UTF_8));
            case LONG4 -> stack.add(PickleUtils.decode_long(readSized(readUnsigned(4))));
            case PUT -> memoize(parseMemoKey(readLine()));
            case BINPUT -> memoize((int) readUnsigned(1));
            case LONG_BINPUT -> memoize((int) readUnsigned(4));
            case MEMOIZE -> memoize(memo.size());
            default -> {
                return false;
            }
        }
        return true;
    }

    @Override
    protected Object persistentLoad(Object pid) {
        throw new PickleException("persistent ids are handled in dispatch");
    }

    private Object resolve(String module, String name) throws CheckpointFormatException {
        String qualified = module + "." + name;
        if (!globals.containsKey(qualified)) {
            throw refused(qualified);
        }
        return globals.get(qualified);
    }

    private CheckpointFormatException refused(String qualified) {
        String hint =
                qualified.startsWith("dnnlib.tflib")
                        ? " It is a TensorFlow StyleGAN pickle: convert it with legacy.py from NVlabs"
                                + " stylegan2-ada-pytorch first."
                        : " Only snapshots written by NVlabs stylegan2-ada-pytorch (.pkl) and torch.save state dicts"
                                + " (.pt) can be opened.";
        return new CheckpointFormatException(
                source
                        + " is not a StyleGAN2 checkpoint: it asks for Python object '"
                        + qualified
                        + "', which this reader will not construct."
                        + hint);
    }

    private Object call(Object callable, Object[] args) throws IOException {
        if (!(callable instanceof PyCallable c)) {
            throw damaged("it calls " + describe(callable) + ", which is not callable");
        }
        Object result = c.call(args);
        if (c instanceof BytesConsumer) {
            consume(args);
        }
        return result;
    }

    /**
     * Drops the unpickler's references to the large bytes in {@code args}: from the memo, and from
     * the argument tuple itself, which the memo may hold too.
     */
    private void consume(Object[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof byte[] b && b.length >= CONSUMABLE_BYTES) {
                Integer key = memoizedBytes.remove(b);
                if (key != null && memo.get(key) == b) {
                    memo.put(key, CONSUMED);
                }
                args[i] = CONSUMED;
            }
        }
    }

    private void memoize(int key) {
        Object top = stack.peek();
        memo.put(key, top);
        if (top instanceof byte[] b && b.length >= CONSUMABLE_BYTES) {
            memoizedBytes.put(b, key);
        }
    }

    private int parseMemoKey(String line) throws CheckpointFormatException {
        try {
            return Integer.parseInt(line.strip());
        } catch (NumberFormatException e) {
            throw damaged("memo key '" + line + "' is not a number");
        }
    }

    private void build() throws IOException {
        Object state = stack.pop();
        Object target = stack.peek();
        if (!(target instanceof Buildable b)) {
            throw damaged(
                    "it sets the state of "
                            + describe(target)
                            + ", which this reader does not support");
        }
        b.build(state);
    }

    private Object persistent(Object pid) throws IOException {
        if (persistentLoader == null) {
            throw damaged("it refers to external data (persistent id " + describe(pid) + ")");
        }
        return persistentLoader.load(pid);
    }

    private Object[] tuple(Object args) throws CheckpointFormatException {
        if (!(args instanceof Object[] a)) {
            throw damaged("call arguments are " + describe(args) + ", not a tuple");
        }
        return a;
    }

    private Map<Object, Object> asMap(Object target) throws CheckpointFormatException {
        if (!(target instanceof Map<?, ?>)) {
            throw damaged("it sets items of " + describe(target) + ", which is not a dict");
        }
        @SuppressWarnings("unchecked")
        Map<Object, Object> map = (Map<Object, Object>) target;
        return map;
    }

    private void putPairs(Map<Object, Object> dict, List<Object> pairs)
            throws CheckpointFormatException {
        if (pairs.size() % 2 != 0) {
            throw damaged("a dict has a key without a value");
        }
        for (int i = 0; i < pairs.size(); i += 2) {
            dict.put(pairs.get(i), pairs.get(i + 1));
        }
    }

    private String readLine() throws IOException {
        return PickleUtils.readline(in);
    }

    private long readUnsigned(int size) throws IOException {
        byte[] b = readSized(size);
        long value = 0;
        for (int i = size - 1; i >= 0; i--) {
            value = (value << 8) | (b[i] & 0xff);
        }
        return value;
    }

    /** Reads {@code n} bytes, refusing a length the file cannot hold before allocating anything. */
    private byte[] readSized(long n) throws IOException {
        if (n < 0 || n > in.remaining()) {
            throw truncated(in.length());
        }
        if (n > TorchStorage.MAX_ELEMENTS) {
            throw damaged(
                    "it holds a single value of " + n + " bytes, more than this reader supports");
        }
        byte[] bytes = new byte[(int) n];
        if (in.readNBytes(bytes, 0, bytes.length) < n) {
            throw truncated(in.position());
        }
        return bytes;
    }

    private CheckpointFormatException damaged(String what) {
        return new CheckpointFormatException(
                source
                        + " is damaged or not a StyleGAN2 checkpoint: "
                        + what
                        + " (at byte "
                        + in.position()
                        + ")");
    }

    /** A short description of an unpickled value's type in Python's words, for messages. */
    public static String describe(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof PersistentModule m) {
            return "a " + m.className() + " module";
        }
        if (value instanceof Number) {
            return value instanceof Double || value instanceof Float ? "a float" : "an int";
        }
        return value instanceof Object[]
                ? "a tuple"
                : value instanceof String
                        ? "a str"
                        : value instanceof Boolean
                                ? "a bool"
                                : value instanceof byte[]
                                        ? "a bytes object"
                                        : value instanceof Map
                                                ? "a dict"
                                                : value instanceof List
                                                        ? "a list"
                                                        : value instanceof Set
                                                                ? "a set"
                                                                : value instanceof TensorRef
                                                                        ? "a tensor"
                                                                        : value
                                                                                        instanceof
                                                                                        TorchStorage
                                                                                ? "a tensor storage"
                                                                                : value
                                                                                                instanceof
                                                                                                StorageType
                                                                                                        t
                                                                                        ? "the class "
                                                                                                + t
                                                                                                        .qualifiedName()
                                                                                        : value
                                                                                                        instanceof
                                                                                                        PyCallable
                                                                                                ? "a Python function or class"
                                                                                                : value
                                                                                                                == CONSUMED
                                                                                                        ? "bytes already consumed"
                                                                                                        : "a "
                                                                                                                + value.getClass()
                                                                                                                        .getSimpleName();
    }
}
