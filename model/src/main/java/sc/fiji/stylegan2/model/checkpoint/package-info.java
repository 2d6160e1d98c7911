/**
 * Reading and writing models: the official NVlabs {@code .pkl} snapshots and {@code .pt} state
 * dicts (through a safe unpickler that builds no Python objects), and this project's {@code .sg2}
 * files. Format parsing below the level of networks lives in {@code checkpoint.pickle}.
 */
package sc.fiji.stylegan2.model.checkpoint;
