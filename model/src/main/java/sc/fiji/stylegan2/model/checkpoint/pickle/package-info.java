/**
 * The restricted pickle and zip reader behind the checkpoint formats: a safe unpickler that accepts
 * only the globals an NVlabs checkpoint uses, Python values, numpy dtypes, and Torch storages in
 * legacy and zip archives. No network knowledge here.
 */
package sc.fiji.stylegan2.model.checkpoint.pickle;
