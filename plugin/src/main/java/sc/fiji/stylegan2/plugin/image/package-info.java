/**
 * Images and tables as hosts show them: labelled ImgLib2 stacks, ImageJ 1.x stacks and hyperstacks,
 * TIFF writing, montages, reading targets, and statistics tables.
 */
package sc.fiji.stylegan2.plugin.image;
