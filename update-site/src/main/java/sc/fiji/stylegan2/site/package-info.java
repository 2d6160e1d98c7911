/**
 * The plugin's ImageJ update site, built by Maven at {@code package} into {@code
 * update-site/target/site/}: the updater's checksum ({@link
 * sc.fiji.stylegan2.site.UpdaterChecksum}), its index ({@link sc.fiji.stylegan2.site.DbXml}), which
 * jars go where and which Fiji already ships ({@link sc.fiji.stylegan2.site.SitePlan}, {@link
 * sc.fiji.stylegan2.site.FijiVersions}), and the build itself ({@link
 * sc.fiji.stylegan2.site.SiteBuilder}). Installing without the updater: {@code
 * update-site/install.sh}.
 */
package sc.fiji.stylegan2.site;
