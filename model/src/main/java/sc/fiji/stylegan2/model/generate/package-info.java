/**
 * Generation as the official {@code generate.py}: seeds to z exactly as numpy's RandomState,
 * truncation, noise modes, batching, the classes of conditional models ({@code generate.py
 * --class}), and the request and result types.
 */
package sc.fiji.stylegan2.model.generate;
