/**
 * Plain image arrays in the model's NCHW layout and the preprocessing that brings user images to a
 * model's size and range.
 */
package sc.fiji.stylegan2.model.image;
