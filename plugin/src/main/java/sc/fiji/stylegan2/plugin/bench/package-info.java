/**
 * Benchmarks of the plugin's own paths (through the ImageJ image building and TIFF writing that the
 * headless launcher uses), run with {@code ./stylegan2 --bench NAME}; each prints a Markdown table.
 */
package sc.fiji.stylegan2.plugin.bench;
